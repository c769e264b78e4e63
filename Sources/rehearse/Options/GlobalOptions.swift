import ArgumentParser
import Foundation
import LineInput
import RehearseCore

extension ColorChoice: ExpressibleByArgument {}

/// The options every command takes: which bank, and whether to colour.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .customLong("bank"),
    help: ArgumentHelp(
      "The bank folder (holding question-bank/ and rubrics/).", valueName: "dir"),
    completion: .directory)
  var bankPath: String?

  @Option(
    help: ArgumentHelp(
      "When to colour the output: auto (at a terminal, unless NO_COLOR is set), always (even "
        + "off a terminal or with NO_COLOR), or never (default: the config file's color, else "
        + "auto).", valueName: "when"))
  var color: ColorChoice?

  @Flag(name: .customLong("no-color"), help: "Never colour the output: the same as --color never.")
  var noColor = false

  func validate() throws {
    if noColor, let color, color != .never {
      throw ValidationError("--no-color is --color never: give one of them, not both")
    }
  }

  /// When to colour: `--color` or `--no-color`, else the config file's `color`, else `auto`.
  var colorChoice: ColorChoice {
    UserConfigFile.current.color(flag: noColor ? .never : color)
  }

  /// The bank source these options and the environment name; `override` is a command's own DIR,
  /// and messages name it as such rather than as `--bank`, and is checked alone. Otherwise the
  /// user's own bank (`REHEARSE_HOME/bank`) is merged with it, and a problem of an own file is a
  /// warning on standard error. `home` is the data folder holding the own bank: `UserHome`'s
  /// unless a command (`doctor`) resolves it without tightening it.
  func bankSource(override: String? = nil, home: URL? = nil) -> BankSource {
    BankSource(
      explicitPath: override ?? bankPath,
      explicitOrigin: override == nil ? "--bank" : "the DIR argument",
      environment: ProcessInfo.processInfo.environment,
      executablePath: ProgramPath.current(),
      currentDirectory: FileManager.default.currentDirectoryPath,
      cacheFolder: UserHome.cacheFolder,
      ownBank: override == nil
        ? (home ?? UserHome.folder).appendingPathComponent(RehearseHome.bankName) : nil,
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

  /// How standard output is styled: coloured as `colorChoice` decides for it
  /// (`ColorChoice.colors(isTerminal:environment:)`); as wide as the terminal, else as `COLUMNS`, else 80 columns, within 40 to 100
  /// (`TextStyle.lineWidth`).
  var outputStyle: TextStyle {
    TextStyle.forStream(
      isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment,
      color: colorChoice, terminalColumns: TerminalColumns.of(STDOUT_FILENO))
  }
}
