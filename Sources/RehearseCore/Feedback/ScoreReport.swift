/// `rehearse score --format json`: the scored answer's own keys, and the feedback on it.
///
/// The scored answer gives what DESIGN.md names (`question`, `score`, `band`, `hits`, `misses`,
/// `misconceptions`) as the scorer found it; `feedback` is what the candidate is told, the shape
/// `review --format json` gives each answer, so a script reads the same facts the text shows
/// (such as the talking points to discuss after code that passed every check).
public struct ScoreReport: Encodable, Sendable {
  public var scored: ScoredAnswer
  public var feedback: Feedback

  /// The report on `scored`; `stories` as in `Feedback.init(_:question:outcome:hintsUsed:stories:)`.
  public init(_ scored: ScoredAnswer, question: Question?, stories: [Story] = []) {
    self.scored = scored
    feedback = Feedback(scored, question: question, stories: stories)
  }

  private enum CodingKeys: String, CodingKey {
    case feedback
  }

  public func encode(to encoder: any Encoder) throws {
    try scored.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(feedback, forKey: .feedback)
  }
}
