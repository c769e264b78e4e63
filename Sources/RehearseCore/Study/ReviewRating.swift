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

extension ReviewRating {
  /// The rating's name as the candidate types it (`again`, `hard`, `good`, `easy`).
  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  /// The rating an answer gives its question: weak is `again`, adequate `hard`, strong `good`,
  /// and strong without a hint in under half the time allowed `easy`.
  ///
  /// `secondsAllowed` is the question's limit in its session; without one (or with a limit of
  /// zero) a strong answer is `good`.
  public init(band: Band, hintsUsed: Int, secondsUsed: Double, secondsAllowed: Double?) {
    switch band {
    case .weak: self = .again
    case .adequate: self = .hard
    case .strong:
      if hintsUsed == 0, let allowed = secondsAllowed, allowed > 0, secondsUsed < allowed / 2 {
        self = .easy
      } else {
        self = .good
      }
    }
  }

  /// The rating an answer to `questionID` gives it, as `init(band:…)`; `nil` for an answer that
  /// is no review: one cut off by an interruption, or a story's retelling.
  public static func of(
    questionID: String, outcome: AnswerOutcome, band: Band, hintsUsed: Int,
    secondsUsed: Double, secondsAllowed: Double?
  ) -> ReviewRating? {
    guard outcome != .interrupted, StoryRehearsal.slug(fromQuestionID: questionID) == nil
    else { return nil }
    return ReviewRating(
      band: band, hintsUsed: hintsUsed, secondsUsed: secondsUsed, secondsAllowed: secondsAllowed)
  }
}
