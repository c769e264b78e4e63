import ArgumentParser
import Foundation
import LineInput
import RehearseCore

/// The options every command takes: which bank, and whether to colour.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .customLong("bank"),
    help: ArgumentHelp(
      "The bank folder (holding question-bank/ and rubrics/).", valueName: "dir"),
    completion: .directory)
  var bankPath: String?

  @Flag(name: .customLong("no-color"), help: "Never colour the output (as NO_COLOR does).")
  var noColor = false

  /// The bank source these options and the environment name; `override` is a command's own DIR,
  /// and messages name it as such rather than as `--bank`, and is checked alone. Otherwise the
  /// user's own bank (`REHEARSE_HOME/bank`) is merged with it, and a problem of an own file is a
  /// warning on standard error.
  func bankSource(override: String? = nil) -> BankSource {
    BankSource(
      explicitPath: override ?? bankPath,
      explicitOrigin: override == nil ? "--bank" : "the DIR argument",
      environment: ProcessInfo.processInfo.environment,
      executablePath: ProgramPath.current(),
      currentDirectory: FileManager.default.currentDirectoryPath,
      cacheFolder: UserHome.folder.appendingPathComponent(RehearseHome.cacheName),
      ownBank: override == nil
        ? UserHome.folder.appendingPathComponent(RehearseHome.bankName) : nil,
      warn: { CommandRunner.printError(TerminalText.safe($0)) })
  }

  /// What runs SQL answers, and Python answers with the `python3` this machine has; a query
  /// running when Ctrl-C is recorded (in a session, which records signals rather than dying of
  /// them) is stopped at once.
  var exerciseChecker: ExerciseChecker {
    var checker = ExerciseChecker.locate(environment: ProcessInfo.processInfo.environment)
    checker.isInterrupted = { InputSignals.pending != nil }
    return checker
  }

  /// How standard output is styled: coloured when it is a terminal and nothing turned colour
  /// off; as wide as the terminal, else as `COLUMNS`, else 80 columns, within 40 to 100
  /// (`TextStyle.lineWidth`).
  var outputStyle: TextStyle {
    TextStyle.forStream(
      isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment,
      noColorFlag: noColor, terminalColumns: TerminalColumns.of(STDOUT_FILENO))
  }
}
