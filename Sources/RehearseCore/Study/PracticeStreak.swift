/// Consecutive days practised, up to today: the one rule `today` and `progress` both count by.
///
/// The run ends today, or yesterday while today has no answer yet, so an evening's practice is
/// not lost by morning. It is counted from the days practised, newest first, each once: `add`
/// says when the run is over, so a reader can stop there instead of reading every day.
public struct PracticeStreak: Sendable, Equatable {
  /// Days in the run; 0 when neither today nor yesterday has an answer.
  public var days: Int
  /// Whether today has an answer.
  public var practisedToday: Bool
  /// The day the run has reached, or `nil` before the first day is added.
  private var reached: LocalDay?
  private var today: LocalDay?
  private var isOver = false

  public init(days: Int, practisedToday: Bool) {
    self.days = days
    self.practisedToday = practisedToday
  }

  /// An empty streak, to be counted up to `today` with `add`.
  public init(endingOn today: LocalDay) {
    self.init(days: 0, practisedToday: false)
    self.today = today
  }

  /// Counts `day`, the next day practised going back in time (days after today are passed
  /// over); returns `false` once the run is over and no earlier day can change it.
  @discardableResult
  public mutating func add(_ day: LocalDay) -> Bool {
    guard !isOver, let today else { return false }
    if day > today || day == reached { return true }
    let expected = reached?.adding(-1)
    guard day == expected || (reached == nil && (day == today || day == today.adding(-1)))
    else {
      isOver = true
      return false
    }
    if reached == nil { practisedToday = day == today }
    days += 1
    reached = day
    return true
  }

  /// Compares what a user sees: the days and whether today counts.
  public static func == (lhs: PracticeStreak, rhs: PracticeStreak) -> Bool {
    lhs.days == rhs.days && lhs.practisedToday == rhs.practisedToday
  }
}
