import Foundation
import RehearseCore
import RehearseStore
import Testing

/// `rehearse progress` on a real store: days, streaks, means, questions seen and points cleared,
/// counted in SQL in the user's time zone, and the report rendered as HTML and JSON.
@Suite("Progress report")
struct ProgressReportTests {
  /// New York: an answer at 23:30 there is the next day in UTC.
  static let zone = TimeZone(identifier: "America/New_York")!

  /// A moment in `zone`.
  static func at(_ day: String, _ hour: Int, _ minute: Int = 0, zone: TimeZone = zone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = day.split(separator: "-").map { Int($0)! }
    return calendar.date(
      from: DateComponents(
        year: parts[0], month: parts[1], day: parts[2], hour: hour, minute: minute))!
  }

  /// One saved answer, in a session of its own; `points` are (label, credit).
  static func save(
    _ question: String, _ component: Component, score: Int, at time: Date,
    points: [(String, Double)] = [], in store: SessionStore
  ) throws {
    let scored = ScoredAnswer(
      question: question, score: score, band: Band(score: score),
      hits: points.filter { $0.1 >= 1 }.map {
        .init(point: $0.0, weight: 1, required: false, evidence: [])
      },
      misses: points.filter { $0.1 < 1 }.map {
        .init(point: $0.0, weight: 1, required: false, credit: $0.1, evidence: [])
      }, misconceptions: [], cappedByRequired: false)
    let plan = SessionPlan(
      items: [.init(questionID: question, component: component, limitSeconds: 240)],
      sessionLimitSeconds: 240, seed: 1)
    let session = try store.createSession(plan: plan, startedAt: time, bank: "/bank")
    try store.record(
      AnswerRecord(
        position: 0, questionID: question, component: component, prompt: "A prompt",
        text: "An answer", outcome: .answered, startedAt: time.addingTimeInterval(-60),
        answeredAt: time, hintsUsed: 0, scored: scored), session: session)
  }

  /// Six answers on five days of 2026-01-05 to 01-10 in New York (none on the 8th), one of them
  /// at 23:30 on the 6th, which is the 7th in UTC.
  static func filledStore(_ home: TemporaryHome) throws -> SessionStore {
    let store = try SessionStore(home: home.url)
    try save(
      "dbc-a", .databaseConcepts, score: 30, at: at("2026-01-05", 20),
      points: [("column order", 0)], in: store)
    try save("dbc-b", .databaseConcepts, score: 50, at: at("2026-01-06", 23, 30), in: store)
    try save(
      "sql-a", .sqlPython, score: 80, at: at("2026-01-07", 21),
      points: [("anti-join", 1), ("NULL trap", 0.5)], in: store)
    try save(
      "dbc-a", .databaseConcepts, score: 90, at: at("2026-01-07", 21, 10),
      points: [("column order", 1)], in: store)
    try save(
      "sql-a", .sqlPython, score: 60, at: at("2026-01-09", 19),
      points: [("anti-join", 0), ("NULL trap", 1)], in: store)
    try save(
      "dbc-c", .databaseConcepts, score: 70, at: at("2026-01-10", 19),
      points: [("covering index", 1)], in: store)
    return store
  }

  static func report(
    _ store: SessionStore, filter: ProgressFilter = .all, today: String = "2026-01-10",
    bank: Bank? = nil
  ) throws -> ProgressReport {
    ProgressReports.build(
      try store.practiceLog(filter, timeZone: zone), bank: bank, filter: filter,
      today: at(today, 12), timeZone: zone)
  }

  /// A bank of five database-concepts questions and three SQL ones.
  static let bank = Bank(
    questions: ["dbc-a", "dbc-b", "dbc-c", "dbc-d", "dbc-e", "sql-a", "sql-b", "sql-c"].map {
      Question(
        id: $0, component: $0.hasPrefix("dbc") ? .databaseConcepts : .sqlPython, kind: .open,
        prompt: "?", difficulty: 1, minutes: 3, modelAnswer: "",
        location: SourceLocation(file: "bank.yaml", line: 1))
    }, rubrics: [:], lexicon: Lexicon(), root: URL(fileURLWithPath: "/bank"))

  @Test("days are local days: streaks, days practised, answers and means per component")
  func daysAndStreaks() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let report = try Self.report(store, bank: Self.bank)
    // The 23:30 answer counts on the 6th, where it was given: five days, three in a row.
    #expect(
      report.days.map(\.date.iso) == [
        "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-09", "2026-01-10",
      ])
    #expect(report.daysPractised == 5)
    #expect(report.longestStreak == 3)
    #expect(report.currentStreak == 2)
    #expect(report.answers == 6)
    #expect(report.meanScore == 63.3)
    #expect(report.components.map(\.component) == [.sqlPython, .databaseConcepts])
    let sql = report.components[0]
    let dbc = report.components[1]
    #expect(dbc.answers == 4 && dbc.meanScore == 60 && dbc.daysPractised == 4)
    #expect(dbc.bands == ProgressReport.Bands(strong: 2, adequate: 1, weak: 1))
    #expect(dbc.seen == 3 && dbc.total == 5)
    #expect(sql.answers == 2 && sql.meanScore == 70 && sql.seen == 1 && sql.total == 3)
    #expect(dbc.series.map(\.score) == [30, 50, 90, 70])
    #expect(report.notPractised.map(\.component).count == 5)
  }

  @Test("the current streak runs to today, or to yesterday while today has no answer yet")
  func currentStreak() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    #expect(try Self.report(store, today: "2026-01-11").currentStreak == 2)
    #expect(try Self.report(store, today: "2026-01-12").currentStreak == 0)
    #expect(try Self.report(store, today: "2026-01-07").currentStreak == 3)
  }

  @Test("a point missed and made by the newest answer to its question is cleared")
  func clearedPoints() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let report = try Self.report(store)
    let dbc = try #require(report.components.first { $0.component == .databaseConcepts })
    let sql = try #require(report.components.first { $0.component == .sqlPython })
    // "column order": missed, then made. "covering index" was never missed.
    #expect(dbc.clearedPoints.map(\.point) == ["column order"])
    #expect(dbc.clearedPoints.first?.clearedOn.iso == "2026-01-07")
    #expect(dbc.clearedPoints.first?.misses == 1)
    // "NULL trap" was made in part, then in full; "anti-join" was made, then missed again.
    #expect(sql.clearedPoints.map(\.point) == ["NULL trap"])
    #expect(sql.cleared == 1)
  }

  @Test("--since and --component count only the answers they select, streaks included")
  func filters() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let since = try Self.report(store, filter: ProgressFilter(since: Self.at("2026-01-08", 0)))
    #expect(since.days.map(\.date.iso) == ["2026-01-09", "2026-01-10"])
    #expect(since.answers == 2 && since.longestStreak == 2 && since.currentStreak == 2)
    #expect(since.since?.iso == "2026-01-08")
    // The clearing answer of "column order" came before the 8th.
    #expect(since.components.map(\.cleared) == [1, 0])

    let sql = try Self.report(store, filter: ProgressFilter(component: .sqlPython))
    #expect(sql.components.map(\.component) == [.sqlPython])
    #expect(sql.days.map(\.date.iso) == ["2026-01-07", "2026-01-09"])
    #expect(sql.answers == 2 && sql.longestStreak == 1 && sql.currentStreak == 1)
    #expect(sql.notPractised.isEmpty)

    let none = try Self.report(store, filter: ProgressFilter(component: .ciCd))
    #expect(none.days.isEmpty && none.components.isEmpty && none.answers == 0)
    #expect(ProgressReports.text(none, style: .plain).contains("No answers of ci-cd"))
  }

  @Test("a day across a change of the clocks is counted by the offset in force that day")
  func daylightSaving() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let london = TimeZone(identifier: "Europe/London")!
    // The clocks went forward on 2026-03-29: 23:30 UTC that night is 00:30 on the 30th there.
    try Self.save(
      "dbc-a", .databaseConcepts, score: 50, at: Date(timeIntervalSince1970: 1_774_699_200),
      in: store)  // 2026-03-28 12:00 UTC, GMT
    try Self.save(
      "dbc-b", .databaseConcepts, score: 50, at: Date(timeIntervalSince1970: 1_774_827_000),
      in: store)  // 2026-03-29 23:30 UTC, BST
    let days = try store.practiceLog(.all, timeZone: london).tallies.map(\.day.iso)
    #expect(days == ["2026-03-28", "2026-03-30"])
    #expect(
      try store.practiceLog(.all, timeZone: TimeZone(identifier: "UTC")!).tallies.map(\.day.iso)
        == ["2026-03-28", "2026-03-29"])
  }

  @Test("the page is self-contained: a trend series per component, a cell per day, text escaped")
  func html() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    try Self.save(
      "dbc-<i>x</i>", .databaseConcepts, score: 10, at: Self.at("2026-01-09", 8),
      points: [("<img src=x onerror=alert(1)> & 'quotes'", 0)], in: store)
    try Self.save(
      "dbc-<i>x</i>", .databaseConcepts, score: 80, at: Self.at("2026-01-10", 8),
      points: [("<img src=x onerror=alert(1)> & 'quotes'", 1)], in: store)
    let output = try Rehearse.progress(
      ProgressRequest(format: .html, timeZone: Self.zone, today: Self.at("2026-01-10", 12)),
      archive: store)
    let page = output.standardOutput
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.components(separatedBy: "<g class=\"series\"").count - 1 == 2)
    #expect(page.contains("data-component=\"sql-python\""))
    // 2026-01-05 to 2026-01-10: six days, the 8th without answers.
    #expect(page.components(separatedBy: "<rect class=\"day\"").count - 1 == 6)
    #expect(page.contains("data-date=\"2026-01-08\" data-answers=\"0\""))
    #expect(page.contains("data-date=\"2026-01-06\" data-answers=\"1\""))
    // Nothing to fetch: no scripts, styles, fonts or images from elsewhere.
    for outside in ["<script", "<link", "@import", "url(", "href=", "<img"] {
      #expect(!page.contains(outside), "\(outside)")
    }
    #expect(
      page.components(separatedBy: "http").count - 1
        == page.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;"))
    #expect(page.contains("dbc-&lt;i&gt;x&lt;/i&gt;"))
    #expect(!page.contains("<i>x</i>"))
  }

  @Test("JSON has the documented keys, and a series of {date, score} per component")
  func json() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let output = try Rehearse.progress(
      ProgressRequest(format: .json, timeZone: Self.zone, today: Self.at("2026-01-10", 12)),
      archive: store)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "today", "days_practised", "current_streak", "longest_streak", "answers", "mean_score",
        "days", "components", "not_practised",
      ])
    #expect(object["current_streak"] as? Int == 2)
    let components = try #require(object["components"] as? [[String: Any]])
    #expect(components.map { $0["component"] as? String } == ["sql-python", "database-concepts"])
    // Without a bank there is nothing to count questions seen against: seen and total are
    // left out.
    #expect(
      Set(components[0].keys) == [
        "component", "title", "answers", "mean_score", "days_practised", "bands", "cleared",
        "cleared_points", "series",
      ])
    let series = try #require(components[1]["series"] as? [[String: Any]])
    #expect(
      series.map { $0["date"] as? String } == [
        "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-10",
      ])
    #expect(series.map { $0["score"] as? Double } == [30, 50, 90, 70])
    let cleared = try #require(components[1]["cleared_points"] as? [[String: Any]])
    #expect(Set(cleared[0].keys) == ["point", "question", "cleared", "cleared_on", "misses"])
  }

  @Test("an empty store says how to start (text) and gives empty arrays (JSON)")
  func emptyStore() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let today = Self.at("2026-01-10", 12)
    let text = try Rehearse.progress(ProgressRequest(today: today), archive: store)
    #expect(text.standardOutput.contains("No practice yet"))
    #expect(text.standardOutput.contains("rehearse mock"))
    let json = try Rehearse.progress(ProgressRequest(format: .json, today: today), archive: store)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    #expect((object["days"] as? [Any])?.isEmpty == true)
    #expect((object["components"] as? [Any])?.isEmpty == true)
    #expect(object["answers"] as? Int == 0)
    let html = try Rehearse.progress(ProgressRequest(format: .html, today: today), archive: store)
    #expect(html.standardOutput.contains("No practice yet"))
    #expect(!html.standardOutput.contains("<svg"))
  }
}

/// Local days: written as dates, stepped by whole days, and the offsets of a zone over time.
@Suite("Progress days")
struct ProgressDayTests {
  @Test("a local day reads and writes YYYY-MM-DD and knows its weekday")
  func dates() {
    #expect(LocalDay(number: 0).iso == "1970-01-01")
    #expect(LocalDay(number: 0).weekday == 3, "1970-01-01 was a Thursday")
    #expect(LocalDay(iso: "2024-02-29")?.iso == "2024-02-29")
    #expect(LocalDay(iso: "2023-02-29") == nil)
    #expect(LocalDay(iso: "2026-13-01") == nil)
    #expect(LocalDay(iso: "1969-12-31")?.number == -1)
    let monday = LocalDay(iso: "2026-01-05")!
    #expect(monday.weekday == 0 && LocalDay(iso: "2026-01-11")!.weekStart == monday)
    #expect(monday.adding(27).iso == "2026-02-01")
  }

  @Test("the streaks of a run of days")
  func streaks() {
    let days = [1, 2, 3, 5, 6, 9].map { LocalDay(number: $0) }
    #expect(ProgressReports.streaks(days, today: LocalDay(number: 6)) == (2, 3))
    #expect(ProgressReports.streaks(days, today: LocalDay(number: 7)) == (2, 3))
    #expect(ProgressReports.streaks(days, today: LocalDay(number: 8)) == (0, 3))
    #expect(ProgressReports.streaks([], today: LocalDay(number: 8)) == (0, 0))
  }
}
