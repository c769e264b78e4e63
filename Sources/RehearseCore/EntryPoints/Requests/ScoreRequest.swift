import Foundation

/// The `rehearse score` request.
public struct ScoreRequest: Sendable {
  public var bank: BankSource
  public var questionID: String
  public var answer: AnswerSource
  public var format: OutputFormat
  public var style: TextStyle
  /// What runs SQL and Python answers; without one they are scored by their rubrics alone.
  public var checker: ExerciseChecker?
  /// The folder whose `stories/` hold the story shown beside a behavioural model answer; `nil`
  /// shows none.
  public var storyHome: URL?
  /// Whether the answer is also read by meaning (`--no-semantic` turns it off).
  public var semantic: Bool

  public init(
    bank: BankSource, questionID: String, answer: AnswerSource, format: OutputFormat,
    style: TextStyle, checker: ExerciseChecker? = nil, storyHome: URL? = nil,
    semantic: Bool = false
  ) {
    self.semantic = semantic
    self.storyHome = storyHome
    self.bank = bank
    self.questionID = questionID
    self.answer = answer
    self.format = format
    self.style = style
    self.checker = checker
  }
}
