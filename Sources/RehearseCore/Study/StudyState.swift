/// What the store knows of the candidate's study on a given day: each question's schedule and
/// the questions whose talking points are still missed.
public struct StudyState: Sendable, Equatable {
  /// Days after an answer during which its question is not drawn again unless it is due.
  public static let restDays = 3

  /// The day the draw is for.
  public var today: LocalDay
  /// The schedule of every question answered, by question id.
  public var schedules: [String: QuestionSchedule]
  /// How many talking points each question still misses (`SessionArchive.weakPoints`).
  public var weakQuestions: [String: Int]
  /// How many talking points are still missed, on any question.
  public var weakPointCount: Int

  public init(
    today: LocalDay, schedules: [String: QuestionSchedule] = [:],
    weakQuestions: [String: Int] = [:], weakPointCount: Int = 0
  ) {
    self.today = today
    self.schedules = schedules
    self.weakQuestions = weakQuestions
    self.weakPointCount = weakPointCount
  }

  /// Where a question stands on `today`, for drawing it.
  public enum Standing: Int, Comparable, Sendable, CaseIterable {
    /// Its schedule says it is due (or overdue).
    case due
    /// Not due, but it asks talking points the last answer to it missed.
    case weak
    /// Never answered.
    case new
    /// Answered, not due, not weak, not recent: drawn only when nothing better is left.
    case seen
    /// Answered in the last `restDays` days and not due: not drawn.
    case resting

    public static func < (lhs: Standing, rhs: Standing) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Where `questionID` stands today.
  public func standing(of questionID: String) -> Standing {
    guard let schedule = schedules[questionID] else { return .new }
    if schedule.isDue(on: today) { return .due }
    if today.days(since: schedule.lastReview) < StudyState.restDays { return .resting }
    if (weakQuestions[questionID] ?? 0) > 0 { return .weak }
    return .seen
  }

  /// Orders questions of one standing: the most overdue first, then the most points missed,
  /// then the soonest due; new questions keep their (shuffled) order.
  func precedes(_ first: String, _ second: String) -> Bool {
    let a = schedules[first]
    let b = schedules[second]
    if let a, let b, a.due != b.due { return a.due < b.due }
    let weakA = weakQuestions[first] ?? 0
    let weakB = weakQuestions[second] ?? 0
    return weakA > weakB
  }
}
