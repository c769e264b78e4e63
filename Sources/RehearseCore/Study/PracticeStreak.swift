/// Consecutive days practised, up to today.
public struct PracticeStreak: Sendable, Equatable {
  /// Days in the run that ends today, or yesterday when today has no answer yet; 0 when neither
  /// has one.
  public var days: Int
  /// Whether today has an answer.
  public var practisedToday: Bool

  public init(days: Int, practisedToday: Bool) {
    self.days = days
    self.practisedToday = practisedToday
  }
}
