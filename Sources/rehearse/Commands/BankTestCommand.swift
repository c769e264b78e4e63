import ArgumentParser
import RehearseCore

/// `rehearse bank test [DIR]`.
struct BankTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Score every graded example and model answer, and run every SQL and Python exercise.",
    discussion: """
      Every graded example must get its band, and every model answer must be strong. Each one \
      off its band is listed as file:line: and the command exits 1. Answers are read by meaning \
      too, as a candidate's are: the rubric alone must then give each its band, and the blended \
      score must stay within 10 points of it; a strong example is compared with the other \
      strong answers, not with itself. The self-tests below hold the rubric itself, by its score \
      alone. --no-semantic checks the rubric's band alone.

      Every open and behavioural rubric must pass its self-tests: its keyword salad and the \
      prompt pasted back score weak, no misconception fires on the model answer or a strong \
      example, each required point is fully made by those, and the rubric names at least two \
      misconceptions and has an inverted (weak) and a plain (strong) example. Each failure is \
      listed as file:line: question: test: what was found, and the command exits 1.

      The code of every sql and python question is run too: its reference and model answer must \
      pass every check, its strong examples must pass, and its adequate and weak examples (the \
      plausible wrong answers, at least two, and in the shipped bank at least two of them weak) \
      must each fail a check. Without python3 the Python \
      questions are listed as not run. \
      JSON: {checked, failures: [{question, subject, file, line, expected, got, score, \
      rubric_score}], \
      self_test_failures: [{question, test, file, line, detail}], exercises: {questions, run, failures: [{question, subject, file, line, expected, got}], \
      skipped, skip_reason}}.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "The bank folder (default: --bank, REHEARSE_BANK, or the shipped bank).", valueName: "dir"),
    completion: .directory)
  var directory: String?

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var semanticOptions: SemanticOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(override: directory), format: formatOptions.format,
      style: global.outputStyle, checker: global.exerciseChecker,
      semantic: semanticOptions.enabled)
    try CommandRunner.run { try Rehearse.bankTest(request) }
  }
}
