import Foundation
import GRDB
import RehearseCore
import Testing

@testable import RehearseStore

/// The counts the store keeps for `history` and `weak` must always say what aggregating every
/// answer says: after any run of saves and `:continue` replacements, and after a v4 store is
/// upgraded.
@Suite("Kept counts")
struct KeptCountTests {
  typealias Base = SessionStoreTests

  @Test("after many random saves and replacements, the kept counts equal the aggregates")
  func randomSaves() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    var generator = RandomSaves(seed: 0x5EED, sessions: 24)
    let saves = generator.saves(400)
    #expect(saves.filter(\.replacing).count > 50, "replacements are exercised")
    for session in 0..<24 {
      let id = try store.createSession(
        plan: Base.plan, startedAt: RandomSaves.sessionStart(session), bank: "/bank")
      #expect(id == Int64(session + 1))
    }
    for (index, save) in saves.enumerated() {
      try store.record(save.answer, session: save.session, replacing: save.replacing)
      // The counts hold after every save, not only at the end.
      if index % 50 == 49 { try Self.expectAggregates(store, home: home) }
    }
    try Self.expectAggregates(store, home: home)
    #expect(try store.weakPoints(limit: nil).count > 1, "some points are still missed")
    #expect(try store.summaries(.all).contains { $0.answers == 0 }, "an empty session is listed")
  }

  @Test("a v4 store with continued answers and points upgrades with the same lists")
  func upgradeFromFourthSchema() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    // The schema exactly as v4 made it, written as v4's `record` wrote it.
    let queue = try DatabaseQueue(path: home.databasePath)
    try SessionStore.migrator(timeZone: .current).migrate(queue, upTo: "v4: talking points")
    var generator = RandomSaves(seed: 4, sessions: 12)
    let saves = generator.saves(150)
    #expect(saves.contains { $0.replacing })
    try queue.write { database in
      for session in 0..<12 {
        try database.execute(
          sql: "INSERT INTO session (started_at, plan, bank, planned) VALUES (?, '{}', '/b', 3)",
          arguments: [RandomSaves.sessionStart(session).timeIntervalSince1970])
      }
      for save in saves { try Self.recordAsFourthSchema(save, in: database) }
      try database.execute(
        sql: "UPDATE session SET ending = 'completed', ended_at = started_at + 900 WHERE id = 2")
    }
    let before = try queue.read { database in
      (
        try Self.filters.map { try Oracle.summaries(database, $0) },
        try Oracle.weakPoints(database, limit: nil)
      )
    }
    try queue.close()
    #expect(before.1.count > 1)

    let upgraded = try SessionStore(home: home.url)
    #expect(
      try upgraded.appliedMigrations().suffix(3) == [
        "v5: kept counts", "v6: schedule", "v7: debriefs",
      ])
    let after = try Self.filters.map { try upgraded.summaries($0) }
    #expect(after == before.0)
    #expect(try upgraded.weakPoints(limit: nil) == before.1)
    // Answers saved after the upgrade are counted on top of the filled counts.
    for save in generator.saves(60) {
      try upgraded.record(save.answer, session: save.session, replacing: save.replacing)
    }
    try Self.expectAggregates(upgraded, home: home)
  }

  @Test("a point saved twice with one time and answer keeps the first as the newest")
  func tiedPoints() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: Base.plan, startedAt: Base.start, bank: "/b")
    var answer = WeakPointTests.answer("q", at: 0, made: ["both"], missed: [("both", 0)])
    try store.record(answer, session: id)
    #expect(try store.weakPoints(limit: nil).isEmpty, "made first, so made as it stands")
    // A second answer at the same moment is newer by its id.
    answer.position = 1
    answer.scored.hits = []
    try store.record(answer, session: id)
    #expect(try store.weakPoints(limit: nil).map(\.misses) == [2])
    try Self.expectAggregates(store, home: home)
  }

  /// The filters compared: every component, a start moment, a limit, and all three at once.
  static let filters: [HistoryFilter] =
    [.all, HistoryFilter(limit: 5), HistoryFilter(since: RandomSaves.sessionStart(7))]
    + Component.allCases.map { HistoryFilter(component: $0) }
    + [HistoryFilter(component: .behavioural, since: RandomSaves.sessionStart(3), limit: 3)]

  /// Expects the store's lists to equal what the aggregate queries of v4 make of its rows.
  static func expectAggregates(
    _ store: SessionStore, home: TemporaryHome,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let queue = try DatabaseQueue(path: home.databasePath)
    defer { try? queue.close() }
    let limits = [nil, 1, 3]
    let (summaries, weak) = try queue.read { database in
      (
        try filters.map { try Oracle.summaries(database, $0) },
        try limits.map { try Oracle.weakPoints(database, limit: $0) }
      )
    }
    for (filter, expected) in zip(filters, summaries) {
      #expect(try store.summaries(filter) == expected, "\(filter)", sourceLocation: sourceLocation)
    }
    for (limit, expected) in zip(limits, weak) {
      #expect(try store.weakPoints(limit: limit) == expected, sourceLocation: sourceLocation)
    }
  }

  /// Saves an answer as the store did at v4: in its row, and its points by `savePoints`.
  static func recordAsFourthSchema(_ save: RandomSaves.Save, in database: Database) throws {
    let answer = save.answer
    let scored = String(decoding: try JSONEncoder().encode(answer.scored), as: UTF8.self)
    try database.execute(
      sql: """
        INSERT INTO answer (session_id, position, question_id, component, prompt, text, outcome,
          started_at, answered_at, seconds_used, hints_used, score, band, scored)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, position) DO UPDATE SET
          question_id = excluded.question_id, component = excluded.component,
          prompt = excluded.prompt, text = excluded.text, outcome = excluded.outcome,
          started_at = excluded.started_at, answered_at = excluded.answered_at,
          seconds_used = excluded.seconds_used, hints_used = excluded.hints_used,
          score = excluded.score, band = excluded.band, scored = excluded.scored
        """,
      arguments: [
        save.session, answer.position, answer.questionID, answer.component.rawValue,
        answer.prompt, answer.text, answer.outcome.rawValue, answer.startedAt.timeIntervalSince1970,
        answer.answeredAt.timeIntervalSince1970, answer.secondsUsed, answer.hintsUsed,
        answer.scored.score, answer.scored.band.rawValue, scored,
      ])
    let answerID = try Int64.fetchOne(
      database, sql: "SELECT id FROM answer WHERE session_id = ? AND position = ?",
      arguments: [save.session, answer.position])
    try SessionStore.savePoints(
      answer.scored, answerID: try #require(answerID), questionID: answer.questionID,
      answeredAt: answer.answeredAt.timeIntervalSince1970, in: database)
  }
}

/// The queries `history` and `weak` ran up to v4, aggregating every answer: the oracle the kept
/// counts are checked against.
enum Oracle {
  static func summaries(_ database: Database, _ filter: HistoryFilter) throws -> [SessionSummary] {
    let rows = try Row.fetchAll(
      database,
      sql: """
        SELECT s.id, s.started_at, s.ended_at, s.ending, s.resumed, s.planned, s.story,
          COUNT(a.id) AS answers, COALESCE(SUM(a.score), 0) AS score_total,
          COALESCE(SUM(a.seconds_used), 0) AS seconds_used,
          GROUP_CONCAT(DISTINCT a.component) AS components, MAX(a.position) AS last_position
        FROM session s LEFT JOIN answer a ON a.session_id = s.id
        WHERE (?1 IS NULL OR s.started_at >= ?1)
          AND (?2 IS NULL OR EXISTS (
            SELECT 1 FROM answer c WHERE c.session_id = s.id AND c.component = ?2))
        GROUP BY s.id
        ORDER BY s.id DESC
        LIMIT ?3
        """,
      arguments: [
        filter.since?.timeIntervalSince1970, filter.component?.rawValue, filter.limit ?? -1,
      ])
    return rows.map { row in
      SessionSummary(
        id: row["id"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
        endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
        ending: (row["ending"] as String?).flatMap(SessionEnding.init(rawValue:)),
        resumed: row["resumed"], planned: row["planned"], story: row["story"],
        answers: row["answers"], scoreTotal: row["score_total"], secondsUsed: row["seconds_used"],
        components: ((row["components"] as String?) ?? "").split(separator: ",")
          .compactMap { Component(rawValue: String($0)) }.sorted(),
        lastPosition: row["last_position"])
    }
  }

  static func weakPoints(_ database: Database, limit: Int?) throws -> [WeakPoint] {
    let rows = try Row.fetchAll(
      database,
      sql: """
        WITH ranked AS (
          SELECT question_id, point, credit,
            ROW_NUMBER() OVER (
              PARTITION BY question_id, point ORDER BY answered_at DESC, answer_id DESC) AS rank
          FROM answer_point
        ),
        still_missed AS (
          SELECT question_id, point FROM ranked WHERE rank = 1 AND credit < 1
        )
        SELECT p.point, COUNT(*) AS misses, GROUP_CONCAT(DISTINCT p.question_id) AS questions,
          MAX(p.answered_at) AS last_missed
        FROM answer_point p
        JOIN still_missed s ON s.question_id = p.question_id AND s.point = p.point
        WHERE p.credit < 1
        GROUP BY p.point
        ORDER BY misses DESC, last_missed DESC, p.point
        LIMIT ?
        """,
      arguments: [limit ?? -1])
    return rows.map { row in
      WeakPoint(
        point: row["point"], misses: row["misses"],
        questions: ((row["questions"] as String?) ?? "").split(separator: ",").map(String.init)
          .sorted(),
        lastMissed: Date(timeIntervalSince1970: row["last_missed"]))
    }
  }
}

/// A reproducible run of saves over a few sessions: new answers, and answers continued in their
/// place, with times drawn from few enough moments that answers tie on them.
struct RandomSaves {
  struct Save {
    var session: Int64
    var answer: AnswerRecord
    var replacing: Bool
  }

  /// SplitMix64, so a run is the same on every machine.
  private var state: UInt64
  private let sessions: Int
  /// Each session's answers so far.
  private var saved: [[AnswerRecord]]

  init(seed: UInt64, sessions: Int) {
    state = seed
    self.sessions = sessions
    saved = Array(repeating: [], count: sessions)
  }

  static func sessionStart(_ session: Int) -> Date {
    SessionStoreTests.start.addingTimeInterval(Double(session) * 3_600)
  }

  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// The next `count` saves; the last session is never answered.
  mutating func saves(_ count: Int) -> [Save] {
    (0..<count).map { _ in nextSave() }
  }

  private mutating func nextSave() -> Save {
    let session = below(sessions - 1)
    let replacing = !saved[session].isEmpty && below(10) < 3
    let position = replacing ? below(saved[session].count) : saved[session].count
    let question = replacing ? saved[session][position].questionID : "q-\(below(4))"
    let component = replacing ? saved[session][position].component : Component.allCases[below(7)]
    // Few moments, so that answers tie on them and the answer id decides.
    let answeredAt = SessionStoreTests.start.addingTimeInterval(Double(below(30)) * 60 + 0.25)
    var made: [String] = []
    var missed: [(String, Double)] = []
    for point in ["cost", "index", "lock", "scale"] where below(3) > 0 {
      if below(2) == 0 {
        made.append(point)
      } else {
        missed.append((point, [0, 0.25, 0.5, 0.75][below(4)]))
      }
    }
    var answer = WeakPointTests.answer(
      question, at: answeredAt.timeIntervalSince(SessionStoreTests.start), made: made,
      missed: missed, passed: below(10) == 0)
    answer.position = position
    answer.component = component
    answer.scored.score = below(101)
    answer.startedAt = answeredAt.addingTimeInterval(-Double(below(3_000)) / 10)
    if replacing {
      saved[session][position] = answer
    } else {
      saved[session].append(answer)
    }
    return Save(session: Int64(session + 1), answer: answer, replacing: replacing)
  }
}
