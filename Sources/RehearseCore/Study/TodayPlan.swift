import Foundation

/// What `rehearse today` shows: what is due, the weakest components, what is new, the streak,
/// and the session a default `mock` would draw now, with the time it takes.
public struct TodayPlan: Sendable, Equatable, Codable {
  /// A question due today or earlier.
  public struct Due: Sendable, Equatable, Codable {
    public var questionID: String
    public var component: Component
    /// Days past its due day; 0 when due today.
    public var overdueDays: Int
    public var lastRating: String
  }

  /// The unseen questions of one component.
  public struct Unseen: Sendable, Equatable, Codable {
    public var component: Component
    public var unseen: Int
    public var total: Int
  }

  public var day: String
  public var due: [Due]
  /// The next day after today with questions due, and how many; `nil` when none is scheduled.
  public var nextDue: NextDue?

  /// The next day with questions due.
  public struct NextDue: Sendable, Equatable, Codable {
    public var day: String
    /// Days from today.
    public var inDays: Int
    public var questions: Int
  }
  /// Components by their mean score over the last `TodayPlan.recentDays` days, lowest first.
  public var weakestComponents: [ComponentMean]
  /// Talking points still missed, and on how many questions.
  public var weakPoints: Int
  public var weakQuestions: Int
  public var unseen: [Unseen]
  /// Consecutive days with an answer, up to today (or yesterday, when today has none yet).
  public var streak: Int
  public var practisedToday: Bool
  /// The questions a default `mock` would ask now, in order, with why.
  public var suggested: [Suggestion]
  /// The suggested session's time, in minutes.
  public var suggestedMinutes: Int
  /// The focus the suggested session leans on, when `--focus` names one.
  public var focus: String?

  /// A question of the suggested session.
  public struct Suggestion: Sendable, Equatable, Codable {
    public var questionID: String
    public var component: Component
    /// `due`, `weak`, `new` or `seen`.
    public var why: String
  }

  /// The days over which component means are taken.
  public static let recentDays = 30

  /// Builds today's plan from the bank and what the archive knows, as of `now` in `timeZone`;
  /// with a `focus`, the suggested session is drawn as `mock --focus` draws it.
  public static func make(
    bank: Bank, archive: some SessionArchive, now: Date, timeZone: TimeZone,
    focus: FocusDraw? = nil
  ) throws -> TodayPlan {
    let today = LocalDay(now, timeZone: timeZone)
    let study = try archive.studyState(on: today)
    let components = Dictionary(bank.questions.map { ($0.id, $0.component) }) { first, _ in first }
    let due = study.schedules.values.filter {
      $0.isDue(on: today) && components[$0.questionID] != nil
    }
    .sorted { ($0.due, $0.questionID) < ($1.due, $1.questionID) }
    .map {
      Due(
        questionID: $0.questionID, component: components[$0.questionID] ?? .behavioural,
        overdueDays: today.days(since: $0.due), lastRating: $0.lastRating.name)
    }
    let later = study.schedules.values.filter {
      !$0.isDue(on: today) && components[$0.questionID] != nil
    }
    let nextDue = later.map(\.due).min().map { day in
      NextDue(
        day: day.iso, inDays: day.days(since: today), questions: later.count { $0.due == day })
    }
    let unseen = Component.allCases.compactMap { component -> Unseen? in
      let ids = bank.questions.filter { $0.component == component }.map(\.id)
      guard !ids.isEmpty else { return nil }
      return Unseen(
        component: component, unseen: ids.count { study.schedules[$0] == nil }, total: ids.count)
    }
    let means = try archive.componentMeans(
      since: now.addingTimeInterval(-Double(recentDays) * 86_400)
    ).sorted { ($0.mean, $0.component) < ($1.mean, $1.component) }
    let streak = try archive.practiceStreak(endingOn: today)
    var selection = SessionSelection(seed: UInt64(max(0, today.number)))
    selection.study = study
    selection.focus = focus
    let plan = try? SessionPlan.draw(from: bank, selection).plan
    let suggested = (plan?.items ?? []).map { item in
      let why: String =
        switch study.standing(of: item.questionID) {
        case .due: "due"
        case .weak: "weak"
        case .new: "new"
        case .seen, .resting: "seen"
        }
      return Suggestion(questionID: item.questionID, component: item.component, why: why)
    }
    return TodayPlan(
      day: today.iso, due: due, nextDue: nextDue, weakestComponents: means,
      weakPoints: study.weakPointCount,
      weakQuestions: study.weakQuestions.count, unseen: unseen, streak: streak.days,
      practisedToday: streak.practisedToday, suggested: suggested,
      suggestedMinutes: ((plan?.sessionLimitSeconds ?? 0) + 59) / 60, focus: focus?.name)
  }
}
