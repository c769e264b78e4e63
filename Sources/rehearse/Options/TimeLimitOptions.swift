import ArgumentParser
import Foundation
import RehearseCore

/// The time limits of a session, shared by `mock` and `ask`.
struct TimeLimitOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The time for each answer, such as 5 or 1.5 (default: the config file's minutes, else "
        + "the question's own).",
      valueName: "minutes"))
  var minutes: Double?

  @Option(
    help: ArgumentHelp(
      "The time for the whole session (default: the config file's session-minutes, else the "
        + "sum of the answers' times).",
      valueName: "minutes"))
  var sessionMinutes: Double?

  /// The time for each answer: `--minutes`, else the config file's `minutes`, else `nil` (each
  /// question's own).
  var minutesPerQuestion: Double? { UserConfigFile.current.minutes(flag: minutes) }

  /// The time for the session: `--session-minutes`, else the config file's `session-minutes`,
  /// else `nil` (the sum of the answers' times).
  var sessionLimit: Double? { UserConfigFile.current.sessionMinutes(flag: sessionMinutes) }
}
