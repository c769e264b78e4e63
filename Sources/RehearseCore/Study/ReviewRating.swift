/// How well a candidate recalled an answer at a review, on FSRS's four-step scale.
///
/// The raw values are the grades FSRS's formulas use: `again` is a lapse (the answer was not
/// recalled), `hard`, `good` and `easy` are successful recalls of increasing ease.
public enum ReviewRating: Int, CaseIterable, Sendable, Codable, Comparable {
  /// The answer was not recalled: a lapse, which shrinks the memory's stability.
  case again = 1
  /// The answer was recalled with serious difficulty.
  case hard = 2
  /// The answer was recalled after some thought.
  case good = 3
  /// The answer was recalled without effort.
  case easy = 4

  /// Orders ratings from `again` to `easy`.
  public static func < (lhs: ReviewRating, rhs: ReviewRating) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
