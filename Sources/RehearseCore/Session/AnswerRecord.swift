import Foundation

/// One answer of a session, as saved the moment it is given.
public struct AnswerRecord: Sendable, Equatable, Codable {
  /// The answer's place in the plan, from 0.
  public var position: Int
  public var questionID: String
  public var component: Component
  /// The question as it was asked.
  public var prompt: String
  /// The answer exactly as typed.
  public var text: String
  public var outcome: AnswerOutcome
  public var startedAt: Date
  public var answeredAt: Date
  /// How many of the question's hints were revealed.
  public var hintsUsed: Int
  /// The scored answer; a skipped answer scores 0 and misses every point.
  public var scored: ScoredAnswer
  /// How the answer rates its question for the schedule (`ReviewRating(band:…)`, or what the
  /// candidate chose with `:again` or `:easy`); `nil` for an answer that is no review: one cut
  /// off by an interruption, a story's retelling.
  public var rating: ReviewRating?

  public init(
    position: Int, questionID: String, component: Component, prompt: String, text: String,
    outcome: AnswerOutcome, startedAt: Date, answeredAt: Date, hintsUsed: Int,
    scored: ScoredAnswer, rating: ReviewRating? = nil
  ) {
    self.position = position
    self.questionID = questionID
    self.component = component
    self.prompt = prompt
    self.text = text
    self.outcome = outcome
    self.startedAt = startedAt
    self.answeredAt = answeredAt
    self.hintsUsed = hintsUsed
    self.scored = scored
    self.rating = rating
  }

  /// The seconds the answer took.
  public var secondsUsed: Double {
    max(0, answeredAt.timeIntervalSince(startedAt))
  }
}
