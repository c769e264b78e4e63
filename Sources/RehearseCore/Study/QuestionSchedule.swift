/// When a question comes back, and what the schedule knows of how well it is remembered.
public struct QuestionSchedule: Equatable, Sendable, Codable {
  public var questionID: String
  /// FSRS's memory state after the last review.
  public var memory: MemoryState
  /// The day of the last review.
  public var lastReview: LocalDay
  /// The day the question is due again.
  public var due: LocalDay
  /// How many answers have rated it.
  public var reviews: Int
  /// How many of those were rated `again` after the first.
  public var lapses: Int
  /// The rating of the last review.
  public var lastRating: ReviewRating

  public init(
    questionID: String, memory: MemoryState, lastReview: LocalDay, due: LocalDay, reviews: Int,
    lapses: Int, lastRating: ReviewRating
  ) {
    self.questionID = questionID
    self.memory = memory
    self.lastReview = lastReview
    self.due = due
    self.reviews = reviews
    self.lapses = lapses
    self.lastRating = lastRating
  }

  /// Whether the question is due on `day` (or overdue).
  public func isDue(on day: LocalDay) -> Bool {
    due <= day
  }
}
