import ArgumentParser
import Foundation
import RehearseCore

/// The time limits of a session, shared by `mock` and `ask`.
struct TimeLimitOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The time for each answer, such as 5 or 1.5 (default: the question's own).",
      valueName: "minutes"))
  var minutes: Double?

  @Option(
    help: ArgumentHelp(
      "The time for the whole session (default: the sum of the answers' times).",
      valueName: "minutes"))
  var sessionMinutes: Double?
}
