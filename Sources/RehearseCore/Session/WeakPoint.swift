import Foundation

/// A talking point the candidate keeps missing: missed or partly made in the last answer to a
/// question that asks it, and how often it was missed before.
public struct WeakPoint: Sendable, Equatable, Codable {
  /// The talking point, as its rubric labels it.
  public var point: String
  /// How many answers missed it or made it only in part.
  public var misses: Int
  /// The questions whose last answer still misses it.
  public var questions: [String]
  /// When it was last missed.
  public var lastMissed: Date

  public init(point: String, misses: Int, questions: [String], lastMissed: Date) {
    self.point = point
    self.misses = misses
    self.questions = questions
    self.lastMissed = lastMissed
  }

  /// The talking points of a scored answer as the study record keeps them: each with the
  /// credit it earned, 1 when made. None for code that passed every check, whose points are for
  /// discussion, not missed.
  public static func credits(of scored: ScoredAnswer) -> [(point: String, credit: Double)] {
    if scored.execution?.outcome == .passed { return [] }
    return scored.hits.map { ($0.point, 1) }
      + scored.misses.map { ($0.point, min(1, max(0, $0.credit))) }
  }
}
