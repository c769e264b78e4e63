import Foundation
import GRDB
import RehearseCore
import RehearseStore
import Testing

/// `history` reads summaries counted in SQL; they must say what the whole transcripts say, and
/// a store of the previous schema must come through the upgrade whole.
@Suite("Session summaries")
struct SessionSummaryTests {
  typealias Base = SessionStoreTests

  /// A store of three sessions: one complete, one quit after one answer, one story rehearsal.
  static func filledStore(_ home: TemporaryHome) throws -> SessionStore {
    let store = try SessionStore(home: home.url)
    let complete = try store.createSession(plan: Base.plan, startedAt: Base.start, bank: "/bank")
    for position in 0..<3 { try store.record(Base.answer(position), session: complete) }
    try store.finish(session: complete, ending: .completed, at: Base.start.addingTimeInterval(900))
    let quit = try store.createSession(
      plan: Base.plan, startedAt: Base.start.addingTimeInterval(86_400), bank: "/bank")
    try store.record(Base.answer(1, outcome: .skipped), session: quit)
    try store.finish(session: quit, ending: .quit, at: Base.start.addingTimeInterval(86_500))
    let storyPlan = SessionPlan(
      items: [.init(questionID: "story:tower", component: .behavioural, limitSeconds: 180)],
      sessionLimitSeconds: 180, seed: 0, rehearsedStory: "tower")
    let story = try store.createSession(
      plan: storyPlan, startedAt: Base.start.addingTimeInterval(2 * 86_400), bank: "/stories")
    var told = Base.answer(1)
    told.position = 0
    told.questionID = "story:tower"
    try store.record(told, session: story)
    return store
  }

  @Test("each summary says what its whole transcript says, newest first")
  func summariesMatchTranscripts() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let summaries = try store.summaries(.all)
    #expect(summaries == (try store.transcripts()).map(SessionSummary.init))
    #expect(summaries.map(\.id) == [3, 2, 1])
    #expect(summaries.map(\.answers) == [1, 1, 3])
    #expect(summaries[2].meanScore == 41 && summaries[2].meanIsRepresentative)
    #expect(!summaries[1].meanIsRepresentative, "one answer of three is not the session's mean")
    #expect(summaries[0].story == "tower" && summaries[0].planned == 1)
  }

  @Test("the filters: a component, a start day, a number of sessions")
  func filters() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    #expect(try store.summaries(HistoryFilter(component: .sqlPython)).map(\.id) == [1])
    #expect(try store.summaries(HistoryFilter(component: .behavioural)).map(\.id) == [3, 2, 1])
    #expect(
      try store.summaries(HistoryFilter(since: Base.start.addingTimeInterval(86_400))).map(\.id)
        == [3, 2])
    #expect(try store.summaries(HistoryFilter(limit: 1)).map(\.id) == [3])
    #expect(try store.summaries(HistoryFilter(component: .ciCd)).isEmpty)
  }

  @Test("story retellings are found by their question ids without reading other answers")
  func rehearsals() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try Self.filledStore(home)
    let told = try store.answers(withQuestionIDPrefix: "story:")
    #expect(told.map(\.questionID) == ["story:tower"])
    #expect(try store.answers(withQuestionIDPrefix: "dbc-").count == 1)
  }

  @Test("a store of the previous schema (v2) is upgraded with every session and answer kept")
  func upgradeFromSecondSchema() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    // The v2 schema as it shipped: v1 and the resume count.
    let queue = try DatabaseQueue(path: home.databasePath)
    try queue.write { database in
      try database.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          INSERT INTO grdb_migrations VALUES ('v1: sessions and answers');
          INSERT INTO grdb_migrations VALUES ('v2: resume count');
          CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at DOUBLE NOT NULL,
            ended_at DOUBLE, ending TEXT, plan TEXT NOT NULL, bank TEXT NOT NULL,
            resumed INTEGER NOT NULL DEFAULT 0);
          CREATE TABLE answer (id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, question_id TEXT NOT NULL, component TEXT NOT NULL,
            prompt TEXT NOT NULL, text TEXT NOT NULL, outcome TEXT NOT NULL,
            started_at DOUBLE NOT NULL, answered_at DOUBLE NOT NULL, seconds_used DOUBLE NOT NULL,
            hints_used INTEGER NOT NULL, score INTEGER NOT NULL, band TEXT NOT NULL,
            scored TEXT NOT NULL, UNIQUE (session_id, position));
          """)
      let planText = String(decoding: try JSONEncoder().encode(Base.plan), as: UTF8.self)
      for session in 1...3 {
        try database.execute(
          sql: "INSERT INTO session (started_at, plan, bank, resumed) VALUES (?, ?, '/bank', ?)",
          arguments: [Base.start.timeIntervalSince1970 + Double(session), planText, session - 1])
        for position in 0..<session {
          let answer = Base.answer(position)
          try database.execute(
            sql: """
              INSERT INTO answer (session_id, position, question_id, component, prompt, text,
                outcome, started_at, answered_at, seconds_used, hints_used, score, band, scored)
              VALUES (?, ?, ?, ?, ?, ?, 'answered', ?, ?, ?, ?, ?, 'adequate', ?)
              """,
            arguments: [
              session, position, answer.questionID, answer.component.rawValue, answer.prompt,
              answer.text, answer.startedAt.timeIntervalSince1970,
              answer.answeredAt.timeIntervalSince1970, answer.secondsUsed, answer.hintsUsed,
              answer.scored.score,
              String(decoding: try JSONEncoder().encode(answer.scored), as: UTF8.self),
            ])
        }
      }
    }
    try queue.close()

    let upgraded = try SessionStore(home: home.url)
    #expect(try upgraded.appliedMigrations().last == "v7: debriefs")
    let transcripts = try upgraded.transcripts()
    #expect(transcripts.map(\.id) == [3, 2, 1])
    #expect(transcripts.map(\.answers.count) == [3, 2, 1])
    #expect(transcripts.map(\.resumed) == [2, 1, 0])
    // Each answer gets the rating its band gives (adequate: hard), and each question a schedule
    // replayed from them.
    #expect(
      transcripts[0].answers
        == (0..<3).map {
          var answer = Base.answer($0)
          answer.rating = .hard
          return answer
        })
    let schedules = try upgraded.schedules()
    #expect(schedules.map(\.questionID).sorted() == ["beh-b", "dbc-a", "sql-c"])
    #expect(schedules.allSatisfy { $0.lastRating == .hard })
    #expect(schedules.map(\.reviews).sorted() == [1, 2, 3])
    #expect(try upgraded.summaries(.all) == transcripts.map(SessionSummary.init))
    #expect(try upgraded.summaries(.all).map(\.planned) == [3, 3, 3])
    // The talking points are filled in from the saved answers: each missed "another".
    let weak = try upgraded.weakPoints(limit: nil)
    #expect(weak.map(\.point) == ["another"])
    #expect(weak.first?.misses == 6)
    #expect(weak.first?.questions == ["beh-b", "dbc-a", "sql-c"])
  }
}

/// The weak talking points: missed points are remembered across sessions, and a point made in
/// a later answer is cleared.
@Suite("Weak talking points")
struct WeakPointTests {
  typealias Base = SessionStoreTests

  static func answer(
    _ question: String, at seconds: Double, made: [String], missed: [(String, Double)],
    passed: Bool = false
  ) -> AnswerRecord {
    var scored = ScoredAnswer(
      question: question, score: 50, band: .adequate,
      hits: made.map { .init(point: $0, weight: 1, required: false, evidence: []) },
      misses: missed.map {
        .init(point: $0.0, weight: 1, required: false, credit: $0.1, evidence: [])
      }, misconceptions: [], cappedByRequired: false)
    if passed {
      scored.execution = ExecutionReport(
        language: .sql, outcome: .passed, checks: [], code: "SELECT 1")
    }
    let time = Base.start.addingTimeInterval(seconds)
    return AnswerRecord(
      position: 0, questionID: question, component: .databaseConcepts, prompt: "", text: "x",
      outcome: .answered, startedAt: time, answeredAt: time, hintsUsed: 0, scored: scored)
  }

  /// Saves each answer in a session of its own.
  static func save(_ answers: [AnswerRecord], in store: SessionStore) throws {
    for answer in answers {
      let id = try store.createSession(plan: Base.plan, startedAt: answer.startedAt, bank: "/b")
      try store.record(answer, session: id)
    }
  }

  @Test("points missed are listed, most often missed first, with their questions")
  func missedPoints() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    try Self.save(
      [
        Self.answer("q-index", at: 0, made: ["B-tree"], missed: [("column order", 0)]),
        Self.answer("q-index", at: 86_400, made: [], missed: [("column order", 0.5)]),
        Self.answer("q-shard", at: 90_000, made: [], missed: [("shard key", 0)]),
      ], in: store)
    let weak = try store.weakPoints(limit: nil)
    #expect(weak.map(\.point) == ["column order", "shard key"])
    #expect(weak[0].misses == 2 && weak[0].questions == ["q-index"])
    #expect(weak[0].lastMissed == Base.start.addingTimeInterval(86_400))
    #expect(try store.weakPoints(limit: 1).count == 1)
  }

  @Test("a point made in a later answer is cleared; passing code leaves its points alone")
  func clearedPoints() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    try Self.save(
      [
        Self.answer("q-index", at: 0, made: [], missed: [("column order", 0)]),
        Self.answer("q-shard", at: 10, made: [], missed: [("shard key", 0)]),
        Self.answer("q-index", at: 20, made: ["column order"], missed: []),
        Self.answer("q-sql", at: 30, made: [], missed: [("anti-join", 0)], passed: true),
      ], in: store)
    #expect(try store.weakPoints(limit: nil).map(\.point) == ["shard key"])
  }
}
