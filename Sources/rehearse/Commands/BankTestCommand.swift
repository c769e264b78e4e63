import ArgumentParser
import RehearseCore

/// `rehearse bank test [DIR]`.
struct BankTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Score every graded example and model answer; fail if any is off its band.",
    discussion: """
      Every graded example must get its band, and every model answer must be strong. Each one \
      off its band is listed as file:line: and the command exits 1. \
      JSON: {checked, failures: [{question, subject, file, line, expected, got, score}]}.
      """
  )

  @Argument(help: "The bank folder (default: --bank, REHEARSE_BANK, or the shipped bank).")
  var directory: String?

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(override: directory), format: formatOptions.format,
      style: global.outputStyle, checker: global.exerciseChecker)
    try CommandRunner.run { try Rehearse.bankTest(request) }
  }
}
