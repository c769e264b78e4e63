import Foundation
import RehearseCore
import RehearseStore
import Testing

/// `rehearse progress` as a user runs it: flags, formats, exit codes, an empty store.
@Suite("Progress command")
struct ProgressCommandTests {
  /// A home holding answers on 2026-01-05, 01-06 and 01-09 (UTC): SQL on the 5th and 9th,
  /// database concepts on the 6th and 9th.
  static func filledHome() throws -> URL {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-progress-\(UUID().uuidString)")
    let store = try SessionStore(home: home)
    let answers: [(String, Component, Int, String)] = [
      ("sql-total-spend-per-player-left-join", .sqlPython, 35, "2026-01-05T20:00:00Z"),
      ("dbc-sharding-vs-partitioning", .databaseConcepts, 55, "2026-01-06T20:00:00Z"),
      ("sql-total-spend-per-player-left-join", .sqlPython, 75, "2026-01-09T20:00:00Z"),
      ("dbc-sharding-vs-partitioning", .databaseConcepts, 85, "2026-01-09T20:10:00Z"),
    ]
    for (question, component, score, time) in answers {
      let moment = try #require(try? Date(time, strategy: .iso8601))
      let plan = SessionPlan(
        items: [.init(questionID: question, component: component, limitSeconds: 240)],
        sessionLimitSeconds: 240, seed: 1)
      let session = try store.createSession(plan: plan, startedAt: moment, bank: "/bank")
      try store.record(
        AnswerRecord(
          position: 0, questionID: question, component: component, prompt: "?", text: "x",
          outcome: .answered, startedAt: moment, answeredAt: moment, hintsUsed: 0,
          scored: ScoredAnswer(
            question: question, score: score, band: Band(score: score), hits: [], misses: [],
            misconceptions: [], cappedByRequired: false)), session: session)
    }
    return home
  }

  static func run(_ arguments: [String], home: URL) throws -> RehearseProcess.Result {
    try RehearseProcess.run(
      ["progress"] + arguments, environment: ["REHEARSE_HOME": home.path, "TZ": "UTC"])
  }

  static func json(_ result: RehearseProcess.Result) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("a --since that is not a day, or an unknown format, is bad usage (64)")
  func badUsage() throws {
    for arguments in [
      ["--since", "2026-13-01"], ["--since", "yesterday"], ["--since", "2026-02-30"],
      ["--format", "pdf"], ["--component", "cooking"],
    ] {
      let result = try RehearseProcess.run(["progress"] + arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardError.contains(arguments[0]), "\(result.standardError)")
      #expect(result.standardOutput.isEmpty)
    }
  }

  @Test("an empty store says how to start, and its JSON has empty arrays")
  func emptyStore() throws {
    let text = try RehearseProcess.run(["progress"])
    #expect(text.status == 0)
    #expect(text.standardOutput.contains("No practice yet"))
    #expect(text.standardOutput.contains("rehearse mock"))
    let json = try RehearseProcess.run(["progress", "--format", "json"])
    #expect(json.status == 0)
    let object = try Self.json(json)
    #expect((object["days"] as? [Any])?.isEmpty == true)
    #expect((object["components"] as? [Any])?.isEmpty == true)
  }

  @Test("--component and --since select the answers counted; seen is out of the shipped bank")
  func filters() throws {
    let home = try Self.filledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let all = try Self.json(try Self.run(["--format", "json"], home: home))
    #expect(all["days_practised"] as? Int == 3)
    #expect(all["longest_streak"] as? Int == 2)
    let components = try #require(all["components"] as? [[String: Any]])
    #expect(components.map { $0["component"] as? String } == ["sql-python", "database-concepts"])
    #expect(components.map { $0["seen"] as? Int } == [1, 1])
    #expect((components[0]["total"] as? Int ?? 0) > 10, "the shipped bank's SQL questions")

    let sql = try Self.json(
      try Self.run(["--component", "sql-python", "--format", "json"], home: home))
    let sqlComponents = try #require(sql["components"] as? [[String: Any]])
    #expect(sqlComponents.map { $0["component"] as? String } == ["sql-python"])
    #expect(sql["answers"] as? Int == 2)
    #expect(sql["mean_score"] as? Double == 55)

    let since = try Self.json(
      try Self.run(["--since", "2026-01-06", "--format", "json"], home: home))
    let days = try #require(since["days"] as? [[String: Any]])
    #expect(days.map { $0["date"] as? String } == ["2026-01-06", "2026-01-09"])
    #expect(since["since"] as? String == "2026-01-06")
  }

  @Test("text has a line per component practised with its sparkline; html is one page")
  func textAndHTML() throws {
    let home = try Self.filledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let text = try Self.run([], home: home)
    #expect(text.status == 0)
    let lines = text.standardOutput.split(separator: "\n")
    let sql = try #require(lines.first { $0.hasPrefix("SQL / Python") })
    // Days 5, 6 and 9: SQL scored 35 and 75 and had no answer on the 6th.
    #expect(sql.contains("▃·▇"), "\(sql)")
    #expect(lines.contains { $0.hasPrefix("Database concepts") })
    #expect(!text.standardOutput.contains("\u{1B}["), "no colour off a terminal")
    #expect(text.standardOutput.contains("Not practised yet: CI/CD"))

    let html = try Self.run(["--format", "html"], home: home)
    #expect(html.status == 0)
    #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>"))
    #expect(html.standardOutput.components(separatedBy: "<g class=\"series\"").count - 1 == 2)
    #expect(!html.standardOutput.contains("<script"))
  }
}
