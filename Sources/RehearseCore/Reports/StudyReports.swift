import Foundation

/// What the study commands show: the weak talking points.
public enum StudyReports {
  /// One weak point in `weak --format json`.
  public struct WeakRow: Codable, Equatable, Sendable {
    public var point: String
    public var misses: Int
    public var questions: [String]
    /// ISO 8601, UTC.
    public var lastMissed: String

    public init(_ point: WeakPoint) {
      self.point = point.point
      misses = point.misses
      questions = point.questions
      lastMissed = TranscriptReports.timestamp(point.lastMissed)
    }
  }

  /// `rehearse weak` as text: each point, with how often and when it was missed and its
  /// questions, then how to practise them.
  public static func weakText(_ points: [WeakPoint], style: TextStyle, timeZone: TimeZone)
    -> String
  {
    guard !points.isEmpty else {
      return "No weak talking points: every point your answers missed has been made since. "
        + "(A point joins this list when an answer misses it.)"
    }
    var lines: [String] = []
    for point in points {
      lines.append(
        style.bold(TextLayout.wrap(TerminalText.safe(point.point), width: style.width, indent: ""))
          + "\n"
          + style.dim(
            TextLayout.wrap(
              "missed \(point.misses)×, last \(TranscriptReports.localTime(point.lastMissed, timeZone: timeZone)) · "
                + TerminalText.safe(point.questions.joined(separator: ", ")), width: style.width)))
    }
    let list = lines.joined(separator: "\n")
    let advice =
      "A point leaves this list when the next answer to its question makes it: "
      + "'rehearse ask ID' asks one of them again."
    return list + "\n\n" + style.dim(TextLayout.wrap(advice, width: style.width, indent: ""))
  }

  /// `rehearse today` as text: the streak, what is due, weak points, the weakest components,
  /// what is new, and the session `rehearse mock` would draw now.
  public static func todayText(_ plan: TodayPlan, style: TextStyle) -> String {
    var lines: [String] = []
    let streak =
      plan.streak == 0
      ? "no streak yet" : "streak \(plan.streak) day\(plan.streak == 1 ? "" : "s")"
    lines.append(
      style.bold("Today, \(plan.day)") + " · \(streak)"
        + (plan.practisedToday || plan.streak == 0 ? "" : " (practise today to keep it)"))
    lines.append("")
    if plan.due.isEmpty {
      let next = plan.nextDue.map {
        " Next: \($0.questions) question\($0.questions == 1 ? "" : "s") "
          + ($0.inDays == 1 ? "tomorrow" : "in \($0.inDays) days, \($0.day)") + "."
      }
      lines.append("Due: nothing due today." + (next ?? ""))
    } else {
      lines.append(style.bold("Due: \(plan.due.count) question\(plan.due.count == 1 ? "" : "s")"))
      for due in plan.due.prefix(10) {
        let when =
          due.overdueDays == 0
          ? "due today" : "\(due.overdueDays) day\(due.overdueDays == 1 ? "" : "s") overdue"
        lines.append(
          "  \(TerminalText.safe(due.questionID)) (\(due.component.rawValue)) · \(when) · "
            + "last \(due.lastRating)")
      }
      if plan.due.count > 10 { lines.append("  … and \(plan.due.count - 10) more") }
    }
    lines.append(
      plan.weakPoints == 0
        ? "Weak points: none still missed."
        : "Weak points: \(plan.weakPoints) still missed, on \(plan.weakQuestions) "
          + "question\(plan.weakQuestions == 1 ? "" : "s") ('rehearse weak' lists them).")
    if !plan.weakestComponents.isEmpty {
      let components = plan.weakestComponents.prefix(3).map {
        "\($0.component.rawValue) \(Int($0.mean.rounded())) "
          + "(\($0.answers) answer\($0.answers == 1 ? "" : "s"))"
      }
      lines.append(
        "Weakest components, last \(TodayPlan.recentDays) days: "
          + components.joined(separator: ", "))
    }
    let unseen = plan.unseen.reduce(0) { $0 + $1.unseen }
    let total = plan.unseen.reduce(0) { $0 + $1.total }
    lines.append(
      "New: \(unseen) of \(total) questions never answered ("
        + plan.unseen.map { "\($0.component.rawValue) \($0.unseen)" }.joined(separator: ", ") + ")")
    lines.append("")
    if plan.suggested.isEmpty {
      lines.append("Nothing to draw today: every question was answered in the last few days.")
    } else {
      let counts = ["due", "weak", "new", "seen"].compactMap { why -> String? in
        let count = plan.suggested.count { $0.why == why }
        return count == 0 ? nil : "\(count) \(why)"
      }
      lines.append(
        style.bold("Suggested: rehearse mock" + (plan.focus.map { " --focus \($0)" } ?? ""))
          + " · \(plan.suggested.count) questions, about \(plan.suggestedMinutes) min: "
          + counts.joined(separator: ", "))
      for item in plan.suggested {
        lines.append(
          "  \(TerminalText.safe(item.questionID)) (\(item.component.rawValue), \(item.why))")
      }
    }
    return lines.map { TextLayout.fit($0, width: style.width) }.joined(separator: "\n")
  }
}
