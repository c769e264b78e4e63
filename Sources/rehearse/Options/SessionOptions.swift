import ArgumentParser
import Foundation
import RehearseCore

/// Where the user's data is kept, from `REHEARSE_HOME` and the XDG variables.
enum UserHome {
  static var folder: URL {
    RehearseHome.resolve(
      environment: ProcessInfo.processInfo.environment,
      homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path)
  }
}

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

/// A difficulty, or a range of them: `2` or `1-2`.
struct DifficultyRange: ExpressibleByArgument {
  let range: ClosedRange<Int>

  init?(argument: String) {
    let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    switch parts.count {
    case 1:
      guard let value = parts[0], (1...3).contains(value) else { return nil }
      range = value...value
    case 2:
      guard let low = parts[0], let high = parts[1], (1...3).contains(low),
        (1...3).contains(high), low <= high
      else { return nil }
      range = low...high
    default: return nil
    }
  }
}
