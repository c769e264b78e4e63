/// Turns a question's rated answers into its schedule: FSRS-6 with whole local days.
///
/// Interview preparation runs for weeks, not years, so intervals stop at `maximumInterval`
/// (365 days). A question answered `again` comes back the next day whatever its history (a
/// one-day relearning step, as Anki's): FSRS alone would bring back a lapse of a well-known
/// question after a week or two, too late for someone who just got it wrong. Its memory state
/// still takes the lapse as FSRS says, so the intervals after it grow from there. A question
/// answered well (`good`, `easy`) rests at least `minimumRestDays`: FSRS's first interval after
/// a good answer is two days, sooner than repeating a question one has just explained well is
/// worth an evening. Several answers on one day are reviews on that day (FSRS's short-term
/// formula).
public struct StudyScheduler: Sendable {
  /// The longest interval, in days.
  public static let maximumInterval = 365
  /// The days before a question answered `again` comes back.
  public static let relearningDays = 1
  /// The fewest days before a question answered `good` or `easy` comes back.
  public static let minimumRestDays = 3

  public let fsrs: FSRSScheduler

  public init(
    parameters: FSRSParameters = FSRSParameters(maximumInterval: StudyScheduler.maximumInterval)
  ) {
    fsrs = FSRSScheduler(parameters: parameters)
  }

  /// The schedule after one more answer, rated `rating`, on `day`; `schedule` is the one before
  /// it (`nil` for the question's first answer).
  public func review(
    _ schedule: QuestionSchedule?, questionID: String, rating: ReviewRating, on day: LocalDay
  ) -> QuestionSchedule {
    let memory: MemoryState
    var reviews = 1
    var lapses = 0
    if let schedule {
      memory = fsrs.review(
        schedule.memory, rating: rating,
        elapsedDays: max(0, day.days(since: schedule.lastReview)))
      reviews = schedule.reviews + 1
      lapses = schedule.lapses + (rating == .again ? 1 : 0)
    } else {
      memory = fsrs.firstReview(rating)
    }
    let interval: Int
    switch rating {
    case .again: interval = StudyScheduler.relearningDays
    case .hard: interval = fsrs.nextInterval(stability: memory.stability)
    case .good, .easy:
      interval = max(StudyScheduler.minimumRestDays, fsrs.nextInterval(stability: memory.stability))
    }
    return QuestionSchedule(
      questionID: questionID, memory: memory, lastReview: day, due: day.adding(interval),
      reviews: reviews, lapses: lapses, lastRating: rating)
  }

  /// The schedule of a question from all its rated answers, oldest first; `nil` when there are
  /// none.
  public func replay(questionID: String, _ reviews: [(day: LocalDay, rating: ReviewRating)])
    -> QuestionSchedule?
  {
    var schedule: QuestionSchedule?
    for review in reviews {
      schedule = self.review(
        schedule, questionID: questionID, rating: review.rating, on: review.day)
    }
    return schedule
  }
}
