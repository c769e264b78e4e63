import ArgumentParser
import RehearseCore

/// Finds the command word among the arguments before ArgumentParser reads them, so that a
/// mistyped command is not taken for the default command's arguments.
///
/// Without this, `rehearse hisotry` runs the default `mock` and prints its usage, and
/// `rehearse --no-color history` does the same, since the options every command takes are the
/// commands' own, not the root's.
enum CommandRouting {
  /// The options every command takes (`GlobalOptions`) that are followed by a value, in their
  /// spaced form (`--bank DIR`); the `--bank=DIR` form needs no entry.
  static let globalOptionsWithValue: Set<String> = ["--bank", "--color"]
  /// The options every command takes that stand alone.
  static let globalFlags: Set<String> = ["--no-color"]

  /// A command word that names no command.
  struct UnknownCommand: Error, CustomStringConvertible {
    var word: String
    var suggestion: String?

    var description: String {
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "unknown command '\(TerminalText.safe(word))'\(hint) ('rehearse --help' lists them)"
    }
  }

  /// The arguments to parse: unchanged, or with the options every command takes moved after the
  /// command when only they stand before its word (`--no-color history` is `history
  /// --no-color`; `--bank DIR bank lint` is `bank lint --bank DIR`, where the subcommand that
  /// takes them reads them), and before a `--` that ends the options.
  ///
  /// The first word after those options is the command word when it does not start with `-`; one
  /// that names no command is an `UnknownCommand`, with the nearest command as a suggestion. Past
  /// any other option the arguments are the default command's, and are left as they are.
  static func route(_ arguments: [String], commands: [String]) throws(UnknownCommand) -> [String] {
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word == "--" { return arguments }
      if globalFlags.contains(word) || word.hasPrefix("--bank=") || word.hasPrefix("--color=") {
        index += 1
        continue
      }
      if globalOptionsWithValue.contains(word) {
        index += 2
        continue
      }
      if word.hasPrefix("-") { return arguments }
      guard commands.contains(word) else {
        throw UnknownCommand(word: word, suggestion: nearest(to: word, among: commands))
      }
      let options = Array(arguments[..<index])
      var routed = Array(arguments[index...])
      routed.insert(contentsOf: options, at: routed.firstIndex(of: "--") ?? routed.endIndex)
      return routed
    }
    return arguments
  }

  /// The command nearest to a mistyped word, when it is near enough to be the one meant: within
  /// two edits, or holding the word (`hist`) or held in it.
  static func nearest(to word: String, among commands: [String]) -> String? {
    let lowered = word.lowercased()
    return EditDistance.nearest(to: lowered, among: commands, count: 1).first { command in
      command.contains(lowered) || lowered.contains(command)
        || EditDistance.between(Array(lowered.utf8), Array(command.utf8), limit: 2) <= 2
    }
  }
}
