import ArgumentParser
import RehearseCore

/// `rehearse eval TSV`.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Measure how well the scorer agrees with human grades on a graded-answer file.",
    discussion: """
      The protocol of data/asag/README.md: for each question a rubric is drafted from the \
      question and its reference answer alone (as 'rehearse rubric draft' does; weights from \
      the reference answers of the file, the bank's lexicon for synonyms), every answer is \
      scored against it, and the scores are compared with grade_avg: Pearson r, Spearman rho, \
      and RMSE on 0-5 after a least-squares line from score to grade fitted, for each \
      assignment, on the other assignments.

      The file is tab-separated UTF-8 with a header naming at least question_id (assignment.question), \
      question, reference_answer, student_answer and grade_avg (0-5).

      Exit codes: 0 measured; 65 a malformed file (file:line: message); 66 no such file, or \
      a folder.

      JSON: {n, pearson, spearman, rmse, mapping, questions: [{question_id, n, median_score, \
      median_grade}]}.
      """
  )

  @Argument(help: "The graded-answer file (TSV).")
  var file: String

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = EvalRequest(
      path: file, bank: global.bankSource(), format: formatOptions.format,
      style: global.outputStyle)
    try CommandRunner.run { try Rehearse.eval(request) }
  }
}
