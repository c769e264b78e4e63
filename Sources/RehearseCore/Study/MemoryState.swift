/// What FSRS knows about a candidate's memory of one question after a review.
///
/// The state is all the scheduler needs to carry from one review to the next, together with
/// the date of the last review, which the caller keeps.
public struct MemoryState: Equatable, Sendable, Codable {
  /// The number of days after which the chance of recalling the answer falls to 90%.
  ///
  /// Always at least ``FSRSScheduler/minimumStability`` when produced by the scheduler.
  public var stability: Double

  /// How hard the question is for this candidate, from 1 (easiest) to 10 (hardest).
  ///
  /// A harder question gains less stability from each successful review.
  public var difficulty: Double

  /// Creates a memory state from a stability in days and a difficulty from 1 to 10.
  public init(stability: Double, difficulty: Double) {
    self.stability = stability
    self.difficulty = difficulty
  }
}
