import ArgumentParser
import RehearseCore

/// `rehearse bank test [DIR]`.
struct BankTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Score every graded example and model answer, and run every SQL and Python exercise.",
    discussion: """
      Every graded example must get its band, and every model answer must be strong. Each one \
      off its band is listed as file:line: and the command exits 1.

      The code of every sql and python question is run too: its reference and model answer must \
      pass every check, its strong examples must pass, and its adequate and weak examples (the \
      plausible wrong answers, at least two) must each fail a check. Without python3 the Python \
      questions are listed as not run. \
      JSON: {checked, failures: [{question, subject, file, line, expected, got, score}], \
      exercises: {questions, run, failures: [{question, subject, file, line, expected, got}], \
      skipped, skip_reason}}.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "The bank folder (default: --bank, REHEARSE_BANK, or the shipped bank).", valueName: "dir"))
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
