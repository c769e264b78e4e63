import ArgumentParser
import RehearseCore

/// `rehearse eval TSV`.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Measure how well the scorer agrees with human grades on a graded-answer file.",
    discussion: """
      Two kinds of file.

      Graded answers to bank questions (data/bank-answers/README.md; the header names \
      question_id, variant, human_grade 0-100, reason and answer, with \\t, \\n and \\\\ \
      written out): every answer is graded with the bank's own rubric, and SQL and Python \
      answers by running them, as 'rehearse score' would. Reported: Pearson r and Spearman rho \
      on 0-100, the share of answers whose bands (weak < 40, adequate, strong >= 70) agree and \
      Cohen's kappa over them, the interviewer's and Rehearse's mean per variant, and the ten \
      largest disagreements with their file:line and the interviewer's reason. An answer to a \
      question the bank does not have is an error (65). JSON: {n, questions, pearson, \
      spearman, band_agreement, kappa, variants: [{variant, n, human_mean, score_mean}], \
      disagreements, answers: [{line, question_id, variant, human, score, human_band, band, \
      reason, rubric_score, similarity, floor}], rubric_only: {pearson, band_agreement, kappa, \
      score_means}}.

      Short-answer sets, the protocol of data/asag/README.md: for each question a rubric is drafted from the \
      question and its reference answer alone (as 'rehearse rubric draft' does; weights from \
      the reference answers of the file, the bank's lexicon for synonyms), every answer is \
      scored against it, and the scores are compared with grade_avg: Pearson r, Spearman rho, \
      and RMSE on 0-5 after a least-squares line from score to grade fitted, for each \
      assignment, on the other assignments.

      The file is tab-separated UTF-8 with a header naming at least question_id (assignment.question), \
      question, reference_answer, student_answer and grade_avg (0-5).

      JSON: {n, pearson, spearman, rmse, rubric_pearson, rubric_spearman, mapping, questions: \
      [{question_id, n, median_score, median_grade}], answers: [{line, question_id, score, grade, \
      rubric_score, similarity, floor}]}.

      Both kinds read answers by meaning too, as 'rehearse score' does, and then report the \
      rubric's figures alone beside the blended ones (the rubric_ keys; an answer's similarity to \
      its strong answers and its question's buzzword floor); --no-semantic, or semantic = false \
      in the config file, measures the rubric alone and leaves those keys out.

      Exit codes for both: 0 measured; 65 a malformed file (file:line: message); 66 no such \
      file, or a folder.
      """
  )

  @Argument(help: "The graded-answer file (TSV).", completion: .file())
  var file: String

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var semanticOptions: SemanticOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = EvalRequest(
      path: file, bank: global.bankSource(), format: formatOptions.format,
      style: global.outputStyle, checker: global.exerciseChecker,
      semantic: semanticOptions.enabled)
    try CommandRunner.run { try Rehearse.eval(request) }
  }
}
