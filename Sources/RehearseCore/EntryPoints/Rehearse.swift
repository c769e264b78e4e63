import Foundation

/// The core entry points of the command line: one per command, each returning what to print.
public enum Rehearse {
  /// `rehearse score ID`: scores an answer against the question's rubric.
  public static func score(_ request: ScoreRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let question = try bank.requireQuestion(id: request.questionID)
    let answer: String
    switch request.answer {
    case .file(let path): answer = try AnswerInput.read(path: path)
    case .handle(let handle, let name): answer = try AnswerInput.read(from: handle, source: name)
    }
    let scored = Grader(
      bank: bank, questionIDs: [question.id], checker: request.checker,
      semantics: request.bank.semanticScorer(enabled: request.semantic)
    ).grade(answer, questionID: question.id)
    // The code could not run here: the rubric's score stands, and the status says so.
    let status: ExitStatus = scored.execution?.isScored == false ? .unavailable : .success
    let stories =
      ModelAnswerTemplate.applies(to: question) ? StoryLibrary.stories(home: request.storyHome) : []
    let report = ScoreReport(scored, question: question, stories: stories)
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(report), status: status)
    case .text:
      return CommandOutput(
        FeedbackText.render(report.feedback, style: request.style), status: status)
    }
  }
}
