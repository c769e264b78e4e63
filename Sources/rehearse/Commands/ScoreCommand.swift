import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse score ID`: scores one answer against the question's rubric.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score an answer to a question: by its rubric, or by running its SQL or Python.",
    discussion: """
      The answer is read from --answer-file, or from standard input. It must be UTF-8 text of at \
      most 65,536 bytes; anything else is refused with file:line: and exit code 65.

      Each talking point earns its weight when one of its phrasings occurs, un-negated, within \
      one sentence of the answer. The score is the share of the weight earned, 0-100, less the \
      penalty of each misconception stated. Bands: strong from 70, adequate from 40, weak below. \
      A missing required point caps the score at 69.

      An open or behavioural answer is also read by meaning: its similarity to the closest \
      strong answer, above or below that of a typical adequate answer (over the question's \
      buzzword floor), moves the score by 4.5 points per 0.1, never up for an answer that \
      states a misconception; under a missed point, the answer's sentence that reads like it is \
      shown. --no-semantic (or semantic = false in the config file) scores by the rubric alone.

      An answer to a sql or python question is run instead: its query on the question's tables \
      in an in-memory SQLite database (read-only, 2 s, 10,000 rows), or its function against the \
      question's tests in python3 (5 s, 4 s of CPU, 512 MiB). A query scores by how far its rows \
      agree with the expected ones (running and the columns are gates, worth nothing alone); a \
      function scores the share of tests passed; either is held at 69 unless all checks pass; \
      the talking points are still listed for the discussion, as points to discuss (not \
      misses) once every check passes. Without python3 \
      the rubric's score is shown with a "Not run" line, and the exit code is 69.

      JSON keys: question, score, band, hits [{point, weight, required, evidence}], \
      misses [{point, weight, required, credit, evidence}], \
      misconceptions [{label, correction, evidence, penalty, kind}], capped_by_required, semantic \
      {rubric_score, similarity, floor, adjustment, reads_like [{point, sentence, similarity}]} \
      when read by meaning; for code \
      also execution {language, outcome, checks [{name, passed, expected, actual}], message, \
      code, rows}; and feedback, what the text shows: {score, band, made, partly_made, missed, \
      to_discuss: [{label, weight, required, credit, evidence, reads_like}], rubric_score, \
      misconceptions, …}, as in \
      'rehearse review --format json'.
      """
  )

  @Argument(help: "The question id (see 'rehearse bank list').", completion: .rehearse(.question))
  var id: String

  @Option(
    help: ArgumentHelp("Read the answer from this file.", valueName: "file"), completion: .file())
  var answerFile: String?

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var semanticOptions: SemanticOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let answer: AnswerSource =
      if let answerFile {
        .file(path: answerFile)
      } else {
        .handle(FileHandle.standardInput, name: "<stdin>")
      }
    if answerFile == nil && isatty(STDIN_FILENO) == 1 {
      CommandRunner.printError("Type your answer, then Ctrl-D on an empty line to score it.")
    }
    let request = ScoreRequest(
      bank: global.bankSource(), questionID: id, answer: answer, format: formatOptions.format,
      style: global.outputStyle, checker: global.exerciseChecker, storyHome: UserHome.folder,
      semantic: semanticOptions.enabled)
    try CommandRunner.run { try Rehearse.score(request) }
  }
}
