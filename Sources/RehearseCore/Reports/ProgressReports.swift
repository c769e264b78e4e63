import Foundation

/// Builds the `progress` report from what the store counted, and renders it as text.
public enum ProgressReports {
  // MARK: - Building

  /// The report of `log`, the answers `filter` selected, on `today` in `timeZone`; `bank` gives
  /// each component's number of questions (and which answered questions are the bank's), and
  /// may be `nil` when it did not load.
  public static func build(
    _ log: PracticeLog, bank: Bank?, filter: ProgressFilter, today: Date, timeZone: TimeZone
  ) -> ProgressReport {
    let todayDay = LocalDay(today, timeZone: timeZone)
    var totals: [Component: Int]?
    var bankIDs: [String: Component]?
    if let bank {
      totals = Dictionary(grouping: bank.questions, by: \.component).mapValues(\.count)
      bankIDs = Dictionary(
        bank.questions.map { ($0.id, $0.component) }, uniquingKeysWith: { first, _ in first })
    }
    let answered = log.questions.map(\.id)
    var components: [ProgressReport.ComponentProgress] = []
    var unpractised: [ProgressReport.Unpractised] = []
    let selected = filter.component.map { [$0] } ?? Component.allCases
    let talliesByComponent = Dictionary(grouping: log.tallies, by: \.component)
    for component in selected {
      let total = totals.map { $0[component] ?? 0 }
      guard let tallies = talliesByComponent[component], !tallies.isEmpty else {
        unpractised.append(.init(component: component, title: component.title, total: total))
        continue
      }
      let series = tallies.sorted { $0.day < $1.day }.map { tally in
        ProgressReport.Point(
          date: tally.day, score: mean(tally.scoreTotal, tally.answers), answers: tally.answers,
          bands: bands(tally))
      }
      let answers = tallies.reduce(0) { $0 + $1.answers }
      let seen = bankIDs.map { ids in
        answered.filter { ids[$0] == component }.count
      }
      let cleared = log.cleared.filter { $0.component == component }
        .sorted {
          ($0.clearedAt, $0.questionID, $0.point) > ($1.clearedAt, $1.questionID, $1.point)
        }
        .map { point in
          ProgressReport.ClearedPoint(
            point: point.point, question: point.questionID,
            cleared: TranscriptReports.timestamp(point.clearedAt),
            clearedOn: LocalDay(point.clearedAt, timeZone: timeZone), misses: point.misses)
        }
      components.append(
        ProgressReport.ComponentProgress(
          component: component, title: component.title, answers: answers,
          meanScore: mean(tallies.reduce(0) { $0 + $1.scoreTotal }, answers),
          daysPractised: series.count, bands: series.map(\.bands).reduce(.init(), +), seen: seen,
          total: total, cleared: cleared.count, clearedPoints: cleared, series: series))
    }
    let byDay = Dictionary(grouping: log.tallies, by: \.day)
    let days = byDay.keys.sorted().map { day in
      let tallies = byDay[day] ?? []
      let answers = tallies.reduce(0) { $0 + $1.answers }
      return ProgressReport.Day(
        date: day, answers: answers,
        meanScore: mean(tallies.reduce(0) { $0 + $1.scoreTotal }, answers))
    }
    let streaks = streaks(days.map(\.date), today: todayDay)
    let answers = log.tallies.reduce(0) { $0 + $1.answers }
    return ProgressReport(
      since: filter.since.map { LocalDay($0, timeZone: timeZone) }, component: filter.component,
      today: todayDay, daysPractised: days.count, currentStreak: streaks.current,
      longestStreak: streaks.longest, answers: answers,
      meanScore: answers == 0 ? nil : mean(log.tallies.reduce(0) { $0 + $1.scoreTotal }, answers),
      days: days, components: components, notPractised: unpractised)
  }

  /// The current and longest runs of consecutive days in `days` (sorted, each once); the
  /// current one as `PracticeStreak` counts it.
  public static func streaks(_ days: [LocalDay], today: LocalDay) -> (current: Int, longest: Int) {
    var longest = 0
    var run = 0
    var previous: LocalDay?
    for day in days {
      run = previous.map { day.number == $0.number + 1 } == true ? run + 1 : 1
      longest = max(longest, run)
      previous = day
    }
    var current = PracticeStreak(endingOn: today)
    for day in days.reversed() where !current.add(day) { break }
    return (current.days, longest)
  }

  private static func mean(_ total: Int, _ count: Int) -> Double {
    count == 0 ? 0 : (Double(total) / Double(count) * 10).rounded() / 10
  }

  private static func bands(_ tally: PracticeLog.Tally) -> ProgressReport.Bands {
    .init(strong: tally.strong, adequate: tally.adequate, weak: tally.weak)
  }

  // MARK: - Weeks

  /// One week of practice, Monday to Sunday.
  struct Week {
    var start: LocalDay
    var answers = 0
    var bands = ProgressReport.Bands()
    /// The sum of the daily means times their answers, per component: the week's mean to a
    /// rounding of the days' means.
    var scoreTotals: [Component: Double] = [:]
    var componentAnswers: [Component: Int] = [:]

    func meanScore(_ component: Component) -> Double? {
      guard let answers = componentAnswers[component], answers > 0 else { return nil }
      return (scoreTotals[component] ?? 0) / Double(answers)
    }
  }

  /// Every week from the first practice day's to the last's, the oldest first, empty weeks
  /// included.
  static func weeks(_ report: ProgressReport) -> [Week] {
    guard let first = report.days.first?.date, let last = report.days.last?.date else { return [] }
    let firstWeek = first.weekStart
    var weeks = stride(from: firstWeek.number, through: last.weekStart.number, by: 7).map {
      Week(start: LocalDay(number: $0))
    }
    for component in report.components {
      for point in component.series {
        let index = (point.date.weekStart.number - firstWeek.number) / 7
        weeks[index].answers += point.answers
        weeks[index].bands = weeks[index].bands + point.bands
        weeks[index].scoreTotals[component.component, default: 0] +=
          point.score * Double(point.answers)
        weeks[index].componentAnswers[component.component, default: 0] += point.answers
      }
    }
    return weeks
  }

  // MARK: - Text

  /// The eight steps of a sparkline, from 0 to 100.
  static let sparks = Array("▁▂▃▄▅▆▇█")

  /// The sparkline character of a 0–100 score.
  static func spark(_ score: Double) -> Character {
    sparks[min(sparks.count - 1, max(0, Int(score / (100 / Double(sparks.count)))))]
  }

  /// `rehearse progress` as text: the overall figures, then one line per component with its
  /// score trend as a sparkline, its mean, bands, questions seen and points cleared.
  public static func text(_ report: ProgressReport, style: TextStyle) -> String {
    guard !report.days.isEmpty else { return emptyText(report, style: style) }
    var lines: [String] = []
    let scope = [
      report.component.map { "of \($0.title)" }, report.since.map { "since \($0.iso)" },
    ].compactMap { $0 }
    let streak = "streak \(days(report.currentStreak)), longest \(report.longestStreak)"
    let mean = report.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
    lines.append(
      TextLayout.fit(
        style.bold("Progress" + (scope.isEmpty ? "" : " " + scope.joined(separator: " ")))
          + ": \(report.daysPractised) practice day\(report.daysPractised == 1 ? "" : "s") · "
          + "\(streak) · \(report.answers) answer\(report.answers == 1 ? "" : "s") · mean \(mean)",
        width: style.width))
    lines.append("")

    var rows = [["COMPONENT", "TREND", "MEAN", "S/A/W", "SEEN", "CLEARED"]]
    func cells(_ component: ProgressReport.ComponentProgress, trend: String) -> [String] {
      let bands = component.bands
      return [
        component.title, trend, "\(Int(component.meanScore.rounded()))",
        style.green("\(bands.strong)") + "/" + style.yellow("\(bands.adequate)") + "/"
          + style.red("\(bands.weak)"),
        component.seen.map { "\($0)/\(component.total ?? 0)" } ?? "-", "\(component.cleared)",
      ]
    }
    // The trend takes the room the other columns leave, within 6 to 30 characters.
    let others = TextLayout.tableRows(
      rows + report.components.map { cells($0, trend: "") }, width: nil)
    let fixed = others.map { TextLayout.visibleWidth($0) }.max() ?? 0
    let room = min(30, max(6, style.width - (fixed - "TREND".count)))
    let trend = trendLines(report, room: room, style: style)
    rows += report.components.map { cells($0, trend: trend.lines[$0.component] ?? "") }
    lines.append(TextLayout.table(rows, width: style.width, flexible: 0))
    lines.append("")
    var notes: [String] = []
    if !report.notPractised.isEmpty {
      notes.append(
        "Not practised yet: "
          + report.notPractised.map { item in
            item.title + (item.total.map { " (0/\($0))" } ?? "")
          }.joined(separator: ", ") + ".")
    }
    notes.append(
      "TREND: the mean score of each \(trend.unit), oldest first, from ▁ 0 to █ 100"
        + "\(trend.cut ? " (the last \(room) weeks)" : ""); · no answer of the component that "
        + "\(trend.unit == "week" ? "week" : "day"). "
        + "S/A/W: answers strong, adequate, weak. SEEN: questions of the bank answered. "
        + "CLEARED: talking points once missed and made by the newest answer to their question.")
    notes.append("'rehearse progress --format html' draws the charts and the calendar.")
    lines += notes.map { style.dim(TextLayout.wrap($0, width: style.width, indent: "")) }
    return lines.joined(separator: "\n")
  }

  /// Each component's sparkline over the same days (when they fit) or weeks, the newest last.
  private static func trendLines(_ report: ProgressReport, room: Int, style: TextStyle)
    -> (lines: [Component: String], unit: String, cut: Bool)
  {
    var lines: [Component: String] = [:]
    func line(_ scores: [Double?]) -> String {
      scores.map { score in
        guard let score else { return style.dim("·") }
        let mark = String(spark(score))
        switch Band(score: Int(score.rounded())) {
        case .strong: return style.green(mark)
        case .adequate: return style.yellow(mark)
        case .weak: return style.red(mark)
        }
      }.joined()
    }
    if report.days.count <= room {
      let days = report.days.map(\.date)
      for component in report.components {
        let scores = Dictionary(uniqueKeysWithValues: component.series.map { ($0.date, $0.score) })
        lines[component.component] = line(days.map { scores[$0] })
      }
      return (lines, "practice day", false)
    }
    let weeks = weeks(report)
    for component in report.components {
      lines[component.component] = line(
        weeks.suffix(room).map { $0.meanScore(component.component) })
    }
    return (lines, "week", weeks.count > room)
  }

  private static func emptyText(_ report: ProgressReport, style: TextStyle) -> String {
    let advice: String
    if report.since != nil || report.component != nil {
      let scope = [
        report.component.map { "of \($0.rawValue)" }, report.since.map { "since \($0.iso)" },
      ].compactMap { $0 }.joined(separator: " ")
      advice =
        "No answers \(scope) yet. 'rehearse progress' without --since or --component shows "
        + "all your practice."
    } else {
      advice =
        "No practice yet: progress is drawn from the answers you give. Start with "
        + "'rehearse mock' (one timed question of each component) or 'rehearse ask ID' (one "
        + "question, from 'rehearse bank list'); every answer is saved, and this shows your "
        + "scores over time, your streak of practice days and the questions seen."
    }
    return TextLayout.wrap(advice, width: style.width, indent: "")
  }

  private static func days(_ count: Int) -> String {
    "\(count) day\(count == 1 ? "" : "s")"
  }
}
