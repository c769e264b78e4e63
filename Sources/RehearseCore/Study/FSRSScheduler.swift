import Foundation

/// The FSRS-6 spaced-repetition model, as pure functions of a memory state, a rating and time.
///
/// Day-granular: time reaches the scheduler only as whole days elapsed since the last review,
/// counted by the caller, and intervals come back in whole days. It reproduces py-fsrs 6.3.2
/// configured with no learning or relearning steps and no fuzzing, so every review, a first
/// one or a lapse included, is followed by an interval in days. A review less than a day after
/// the previous one (0 elapsed days) uses FSRS-6's short-term stability formula.
public struct FSRSScheduler: Sendable {
  /// The smallest stability, in days, the scheduler produces.
  public static let minimumStability = 0.001

  /// The lowest difficulty a memory state can have.
  public static let minimumDifficulty = 1.0

  /// The highest difficulty a memory state can have.
  public static let maximumDifficulty = 10.0

  /// The weights and scheduling goals this scheduler works with.
  public let parameters: FSRSParameters

  /// Creates a scheduler with the given parameters, by default those of the reference.
  public init(parameters: FSRSParameters = .default) {
    self.parameters = parameters
  }

  // MARK: - Reviews

  /// The memory state after the first review of a question.
  ///
  /// The initial stability is the weight for the rating (`w[0]`–`w[3]`); the initial
  /// difficulty falls from `w[4]` for again as the rating rises, clamped to 1...10.
  public func firstReview(_ rating: ReviewRating) -> MemoryState {
    MemoryState(
      stability: clampedStability(w[rating.rawValue - 1]),
      difficulty: clampedDifficulty(initialDifficulty(rating)))
  }

  /// The memory state after a review that took place `elapsedDays` after the previous one.
  ///
  /// With at least one elapsed day, the new stability follows from the retrievability at the
  /// time of the review: it grows after a recall (most when the memory had faded most) and
  /// shrinks after a lapse. With fewer than one (a same-day review, or a negative count the
  /// caller should not pass), FSRS-6's short-term formula applies instead, which never lowers
  /// stability for hard, good or easy. Difficulty rises after again and hard, falls after easy
  /// and barely moves after good: each step is damped as it nears 10 and pulled slightly towards
  /// the difficulty of a first easy review, and the result is kept within 1...10.
  public func review(_ state: MemoryState, rating: ReviewRating, elapsedDays: Int) -> MemoryState {
    let stability =
      if elapsedDays < 1 {
        shortTermStability(state.stability, rating: rating)
      } else {
        longTermStability(
          state,
          rating: rating,
          retrievability: retrievability(stability: state.stability, days: Double(elapsedDays)))
      }
    return MemoryState(
      stability: stability, difficulty: nextDifficulty(state.difficulty, rating: rating))
  }

  // MARK: - Forgetting curve and intervals

  /// The chance of recalling an answer `days` after its last review, for a given stability.
  ///
  /// FSRS-6's power forgetting curve `(1 + factor · t / S) ^ decay`: 1 at `t = 0`, exactly 0.9
  /// at `t = S` whatever the desired retention, and falling ever more slowly after that.
  /// Negative day counts are treated as 0.
  public func retrievability(stability: Double, days: Double) -> Double {
    pow(1 + parameters.factor * Swift.max(days, 0) / stability, parameters.decay)
  }

  /// The interval in whole days after which recall is expected to have fallen to the
  /// parameters' desired retention.
  ///
  /// See ``nextInterval(stability:desiredRetention:)``.
  public func nextInterval(stability: Double) -> Int {
    nextInterval(stability: stability, desiredRetention: parameters.desiredRetention)
  }

  /// The interval in whole days after which recall is expected to have fallen to
  /// `desiredRetention`.
  ///
  /// The forgetting curve solved for time, rounded to the nearest day (halves to the even day,
  /// as py-fsrs's Python `round` does), then kept between 1 day and the parameters' maximum
  /// interval. With a desired retention of 0.9 the unrounded interval equals the stability.
  public func nextInterval(stability: Double, desiredRetention: Double) -> Int {
    let days =
      (stability / parameters.factor) * (pow(desiredRetention, 1 / parameters.decay) - 1)
    let rounded = days.rounded(.toNearestOrEven)
    // Compared before converting, so that a huge or non-finite interval cannot trap in Int().
    if !(rounded >= 1) { return 1 }
    if rounded >= Double(parameters.maximumInterval) { return parameters.maximumInterval }
    return Int(rounded)
  }

  // MARK: - Formulas

  private var w: [Double] { parameters.weights }

  /// FSRS-6's initial difficulty `w[4] − e^(w[5]·(G − 1)) + 1`, unclamped.
  private func initialDifficulty(_ rating: ReviewRating) -> Double {
    w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
  }

  /// The difficulty after a review: a step of `−w[6]·(G − 3)` scaled by `(10 − D) / 9`, then
  /// mean reversion with weight `w[7]` towards the unclamped initial difficulty of easy.
  private func nextDifficulty(_ difficulty: Double, rating: ReviewRating) -> Double {
    let delta = -w[6] * Double(rating.rawValue - 3)
    let damped = difficulty + (10 - difficulty) * delta / 9
    let reverted = w[7] * initialDifficulty(.easy) + (1 - w[7]) * damped
    return clampedDifficulty(reverted)
  }

  /// Stability after a review on a later day: recall or forgetting, by the rating.
  private func longTermStability(
    _ state: MemoryState, rating: ReviewRating, retrievability: Double
  ) -> Double {
    let next =
      rating == .again
      ? stabilityAfterLapse(state, retrievability: retrievability)
      : stabilityAfterRecall(state, rating: rating, retrievability: retrievability)
    return clampedStability(next)
  }

  /// `S · (1 + e^w[8] · (11 − D) · S^−w[9] · (e^(w[10]·(1 − R)) − 1) · penalty · bonus)`, with
  /// the hard penalty `w[15]` and the easy bonus `w[16]`.
  private func stabilityAfterRecall(
    _ state: MemoryState, rating: ReviewRating, retrievability: Double
  ) -> Double {
    let hardPenalty = rating == .hard ? w[15] : 1
    let easyBonus = rating == .easy ? w[16] : 1
    let growth =
      exp(w[8]) * (11 - state.difficulty) * pow(state.stability, -w[9])
      * (exp(w[10] * (1 - retrievability)) - 1) * hardPenalty * easyBonus
    return state.stability * (1 + growth)
  }

  /// `w[11] · D^−w[12] · ((S + 1)^w[13] − 1) · e^(w[14]·(1 − R))`, but never more than the
  /// stability a same-day lapse would leave, `S / e^(w[17]·w[18])`.
  private func stabilityAfterLapse(_ state: MemoryState, retrievability: Double) -> Double {
    let longTerm =
      w[11] * pow(state.difficulty, -w[12]) * (pow(state.stability + 1, w[13]) - 1)
      * exp(w[14] * (1 - retrievability))
    let shortTerm = state.stability / exp(w[17] * w[18])
    return Swift.min(longTerm, shortTerm)
  }

  /// FSRS-6's same-day stability `S · e^(w[17]·(G − 3 + w[18])) · S^−w[19]`, where the factor
  /// is at least 1 for hard, good and easy (py-fsrs includes hard), so only again lowers it.
  private func shortTermStability(_ stability: Double, rating: ReviewRating) -> Double {
    let increase =
      exp(w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
    let factor = rating == .again ? increase : Swift.max(increase, 1)
    return clampedStability(stability * factor)
  }

  private func clampedStability(_ stability: Double) -> Double {
    Swift.max(stability, Self.minimumStability)
  }

  private func clampedDifficulty(_ difficulty: Double) -> Double {
    Swift.min(Swift.max(difficulty, Self.minimumDifficulty), Self.maximumDifficulty)
  }
}
