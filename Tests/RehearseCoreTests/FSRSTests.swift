import Foundation
import RehearseCore
import Testing

/// The reference fixture `Fixtures/fsrs-reference.json`, made by `scripts/fsrs-fixtures.py`.
struct FSRSReference: Decodable, Sendable {
  /// One review of a reference sequence and what py-fsrs computed after it.
  struct Review: Decodable, Sendable {
    var rating: Int
    /// Whole days since the previous review; `nil` for the first review.
    var elapsedDays: Int?
    /// The retrievability py-fsrs saw at the review; `nil` for the first review.
    var retrievability: Double?
    var stability: Double
    var difficulty: Double
    var intervalDays: Int
  }

  /// The reviews of one card under one scheduler configuration.
  struct Sequence: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var parameters: [Double]
    var desiredRetention: Double
    var maximumInterval: Int
    var reviews: [Review]
    var testDescription: String { name }

    var fsrsParameters: FSRSParameters {
      FSRSParameters(
        weights: parameters, desiredRetention: desiredRetention, maximumInterval: maximumInterval)
    }
  }

  /// The interval py-fsrs gives for a stability, retention and maximum interval.
  struct IntervalCase: Decodable, Sendable, CustomTestStringConvertible {
    var stability: Double
    var desiredRetention: Double
    var maximumInterval: Int
    var intervalDays: Int
    var testDescription: String {
      "S=\(stability) r=\(desiredRetention) max=\(maximumInterval)"
    }
  }

  var fsrsVersion: String
  var sequences: [Sequence]
  var intervals: [IntervalCase]

  /// The fixture, or `nil` when it cannot be read (the coverage test then fails).
  static let shared: FSRSReference? = {
    let url = Repository.root.appendingPathComponent(
      "Tests/RehearseCoreTests/Fixtures/fsrs-reference.json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try? decoder.decode(FSRSReference.self, from: data)
  }()
}

/// A small deterministic random number generator (SplitMix64), so random walks repeat.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("FSRS scheduler matches the py-fsrs reference")
struct FSRSReferenceTests {
  static let tolerance = 1e-6

  @Test("the fixture holds at least 30 sequences made by fsrs 6.x, starting with every rating")
  func coverage() throws {
    let reference = try #require(FSRSReference.shared)
    #expect(reference.fsrsVersion.hasPrefix("6."))
    #expect(reference.sequences.count >= 30)
    let firstRatings = Set(reference.sequences.compactMap { $0.reviews.first?.rating })
    #expect(firstRatings == [1, 2, 3, 4])
    let elapsed = reference.sequences.flatMap { $0.reviews.compactMap(\.elapsedDays) }
    #expect(elapsed.contains(0))
    #expect(!reference.intervals.isEmpty)
  }

  @Test(
    "replaying a reference sequence gives py-fsrs's stability, difficulty and interval",
    arguments: FSRSReference.shared?.sequences ?? [])
  func replay(_ sequence: FSRSReference.Sequence) throws {
    let scheduler = FSRSScheduler(parameters: sequence.fsrsParameters)
    var state: MemoryState?
    for (index, review) in sequence.reviews.enumerated() {
      let rating = try #require(ReviewRating(rawValue: review.rating))
      let next: MemoryState
      if let previous = state {
        let elapsed = try #require(review.elapsedDays)
        let seen = try #require(review.retrievability)
        let retrievability = scheduler.retrievability(
          stability: previous.stability, days: Double(elapsed))
        #expect(abs(retrievability - seen) <= Self.tolerance, "review \(index + 1)")
        next = scheduler.review(previous, rating: rating, elapsedDays: elapsed)
      } else {
        next = scheduler.firstReview(rating)
      }
      let context: Comment = "review \(index + 1): \(next) against \(review)"
      #expect(abs(next.stability - review.stability) <= Self.tolerance, context)
      #expect(abs(next.difficulty - review.difficulty) <= Self.tolerance, context)
      #expect(scheduler.nextInterval(stability: next.stability) == review.intervalDays, context)
      state = next
    }
  }

  @Test(
    "intervals are rounded half to even and kept between 1 day and the maximum, as py-fsrs does",
    arguments: FSRSReference.shared?.intervals ?? [])
  func interval(_ reference: FSRSReference.IntervalCase) {
    let scheduler = FSRSScheduler(
      parameters: FSRSParameters(maximumInterval: reference.maximumInterval))
    let days = scheduler.nextInterval(
      stability: reference.stability, desiredRetention: reference.desiredRetention)
    #expect(days == reference.intervalDays)
  }
}

@Suite("FSRS scheduler behaves as a candidate relies on")
struct FSRSBehaviourTests {
  static let scheduler = FSRSScheduler()

  /// The state after the given ratings, each review made on its due day.
  static func state(after ratings: [ReviewRating], scheduler: FSRSScheduler = scheduler)
    -> MemoryState
  {
    var state = scheduler.firstReview(ratings[0])
    for rating in ratings.dropFirst() {
      let elapsed = scheduler.nextInterval(stability: state.stability)
      state = scheduler.review(state, rating: rating, elapsedDays: elapsed)
    }
    return state
  }

  /// Review histories of young and mature questions, from which further reviews are tried.
  static let histories: [[ReviewRating]] = [
    [.again], [.hard], [.good], [.easy], [.good, .good], [.again, .good, .good],
    [.hard, .hard, .hard], [.good, .good, .good, .good, .good, .good], [.easy, .easy],
  ]

  @Test("again on a first review brings the question back the next day")
  func againFirst() {
    let state = Self.scheduler.firstReview(.again)
    #expect(Self.scheduler.nextInterval(stability: state.stability) == 1)
  }

  @Test(
    "again on time on a young question brings it back within 1–2 days",
    arguments: [[.again], [.hard], [.good], [.easy], [.good, .good], [.good, .again]]
      as [[ReviewRating]])
  func againYoung(_ history: [ReviewRating]) {
    let state = Self.state(after: history + [.again])
    let days = Self.scheduler.nextInterval(stability: state.stability)
    #expect((1...2).contains(days), "due in \(days) days")
  }

  @Test("again on a well-known question cuts its interval to a small fraction")
  func againMature() {
    let history: [ReviewRating] = [.good, .good, .good, .good, .good, .good]
    let before = Self.scheduler.nextInterval(stability: Self.state(after: history).stability)
    let after = Self.scheduler.nextInterval(
      stability: Self.state(after: history + [.again]).stability)
    // Without relearning steps FSRS keeps some of a long-held memory: 9 days after 1346.
    #expect(after * 100 < before, "\(before) days before the lapse, \(after) after")
  }

  @Test("good schedules days ahead: 2 after a first review, over a week after a second")
  func goodIsSeveralDays() {
    let first = Self.scheduler.firstReview(.good)
    #expect(Self.scheduler.nextInterval(stability: first.stability) >= 2)
    let second = Self.state(after: [.good, .good])
    #expect(Self.scheduler.nextInterval(stability: second.stability) >= 7)
  }

  @Test("from the same first review, easy > good > hard > again")
  func firstReviewOrder() {
    let states = ReviewRating.allCases.map { Self.scheduler.firstReview($0) }
    let intervals = states.map { Self.scheduler.nextInterval(stability: $0.stability) }
    #expect(intervals[3] > intervals[2] && intervals[2] > intervals[1])
    #expect(intervals[1] >= intervals[0])
    #expect(states.map(\.stability) == states.map(\.stability).sorted())
    #expect(states.map(\.difficulty) == states.map(\.difficulty).sorted(by: >))
  }

  @Test("from the same state on its due day, easy > good > hard intervals", arguments: histories)
  func onTimeOrder(_ history: [ReviewRating]) {
    let state = Self.state(after: history)
    let elapsed = Self.scheduler.nextInterval(stability: state.stability)
    let next = ReviewRating.allCases.map {
      Self.scheduler.review(state, rating: $0, elapsedDays: elapsed)
    }
    let stabilities = next.map(\.stability)
    #expect(stabilities[0] < stabilities[1] && stabilities[1] < stabilities[2])
    #expect(stabilities[2] < stabilities[3])
    let intervals = next.map { Self.scheduler.nextInterval(stability: $0.stability) }
    if state.stability >= 1 {
      #expect(intervals[1] < intervals[2] && intervals[2] < intervals[3], "\(intervals)")
    } else {
      #expect(intervals == intervals.sorted(), "\(intervals)")
    }
  }

  @Test("a same-day review never shortens the interval unless rated again", arguments: histories)
  func sameDay(_ history: [ReviewRating]) {
    let state = Self.state(after: history)
    let next = ReviewRating.allCases.map {
      Self.scheduler.review(state, rating: $0, elapsedDays: 0)
    }
    #expect(next[0].stability < state.stability)
    for later in next.dropFirst() {
      #expect(later.stability >= state.stability)
    }
    #expect(next.map(\.stability) == next.map(\.stability).sorted())
  }

  @Test(
    "retrievability is the default desired retention 0.9 after one stability's worth of days",
    arguments: [0.001, 0.212, 1, 2.3065, 17.25, 365, 36_500])
  func retrievabilityAtStability(_ stability: Double) {
    #expect(abs(Self.scheduler.retrievability(stability: stability, days: stability) - 0.9) < 1e-12)
    #expect(Self.scheduler.retrievability(stability: stability, days: 0) == 1)
    #expect(Self.scheduler.nextInterval(stability: stability) == max(1, Int(stability.rounded())))
    var weights = FSRSParameters.defaultWeights
    weights[20] = 0.5
    let other = FSRSScheduler(parameters: FSRSParameters(weights: weights, desiredRetention: 0.8))
    #expect(abs(other.retrievability(stability: stability, days: stability) - 0.9) < 1e-12)
  }

  @Test("retrievability falls as the days since the review grow")
  func retrievabilityFalls() {
    let recalls = (0...60).map { Self.scheduler.retrievability(stability: 10, days: Double($0)) }
    #expect(zip(recalls, recalls.dropFirst()).allSatisfy { $0 > $1 })
  }

  @Test(
    "random reviews keep intervals within 1 day and the maximum, difficulty within 1...10",
    arguments: [(30, UInt64(1)), (365, 2), (36_500, 3), (365, 4)])
  func randomWalk(_ maximum: Int, _ seed: UInt64) {
    let scheduler = FSRSScheduler(parameters: FSRSParameters(maximumInterval: maximum))
    var generator = SeededGenerator(state: seed)
    var state = scheduler.firstReview(ReviewRating.allCases.randomElement(using: &generator)!)
    for _ in 0..<2_000 {
      let interval = scheduler.nextInterval(stability: state.stability)
      #expect((1...maximum).contains(interval))
      #expect((1.0...10.0).contains(state.difficulty))
      #expect(state.stability >= FSRSScheduler.minimumStability)
      // Early, on time, late, very late, or the same day.
      let elapsed = [0, max(interval / 2, 1), interval, interval * 2, interval + 400]
        .randomElement(using: &generator)!
      let rating = ReviewRating.allCases.randomElement(using: &generator)!
      state = scheduler.review(state, rating: rating, elapsedDays: elapsed)
    }
  }

  @Test("runs of again and of easy hold difficulty inside 1...10")
  func difficultyBounds() {
    let hardest = Self.state(after: Array(repeating: .again, count: 50))
    #expect(hardest.difficulty <= 10 && hardest.difficulty > 9)
    let easiest = Self.state(after: Array(repeating: .easy, count: 20))
    #expect(easiest.difficulty == 1)
  }

  @Test("huge, infinite or invalid stabilities give the maximum or 1 day, never a crash")
  func extremeStabilities() {
    let scheduler = FSRSScheduler(parameters: FSRSParameters(maximumInterval: 365))
    #expect(scheduler.nextInterval(stability: 1e300) == 365)
    #expect(scheduler.nextInterval(stability: .infinity) == 365)
    #expect(scheduler.nextInterval(stability: .nan) == 1)
    #expect(scheduler.nextInterval(stability: 0) == 1)
  }
}
