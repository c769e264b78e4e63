import Foundation
import GRDB
import RehearseCore
import RehearseStore
import Testing

/// A store in a fresh temporary folder, removed at the end of the test.
/// Errors gathered from concurrent work.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [String] = []

  func add(_ error: String) {
    lock.lock()
    errors.append(error)
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return errors
  }
}

struct TemporaryHome {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-store-\(UUID().uuidString)")

  var databasePath: String { url.appendingPathComponent(RehearseHome.databaseName).path }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

@Suite("Session store")
struct SessionStoreTests {
  static let start = Date(timeIntervalSince1970: 1_800_000_000.25)

  static let plan = SessionPlan(
    items: [
      .init(questionID: "dbc-a", component: .databaseConcepts, limitSeconds: 240),
      .init(questionID: "beh-b", component: .behavioural, limitSeconds: 300),
      .init(questionID: "sql-c", component: .sqlPython, limitSeconds: 480),
    ], sessionLimitSeconds: 1020, seed: 99)

  static func answer(_ position: Int, outcome: AnswerOutcome = .answered) -> AnswerRecord {
    let item = plan.items[position]
    let scored = ScoredAnswer(
      question: item.questionID, score: 40 + position, band: .adequate,
      hits: [
        .init(point: "a point", weight: 2, required: true, evidence: ["the 'words' \"used\""])
      ],
      misses: [.init(point: "another", weight: 1, required: false, credit: 0.25, evidence: ["x"])],
      misconceptions: [
        .init(label: "wrong", correction: "right", evidence: ["y"], penalty: 5, kind: .stated)
      ], cappedByRequired: false)
    return AnswerRecord(
      position: position, questionID: item.questionID, component: item.component,
      prompt: "Prompt \(position) <b>&</b>", text: "Answer ✓ \(position)\nsecond line\u{1F600}",
      outcome: outcome, startedAt: start.addingTimeInterval(Double(position) * 100),
      answeredAt: start.addingTimeInterval(Double(position) * 100 + 42.5), hintsUsed: position,
      scored: scored)
  }

  @Test("a session and its answers read back exactly as they were written")
  func roundTrip() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.record(Self.answer(0), session: id)
    try store.record(Self.answer(1, outcome: .timedOut), session: id)
    try store.finish(session: id, ending: .quit, at: Self.start.addingTimeInterval(300))

    let reopened = try SessionStore(home: home.url)
    let transcript = try reopened.transcript("\(id)")
    #expect(transcript.plan == Self.plan)
    #expect(transcript.startedAt == Self.start)
    #expect(transcript.answers == [Self.answer(0), Self.answer(1, outcome: .timedOut)])
    #expect(transcript.ending == .quit)
    #expect(transcript.endedAt == Self.start.addingTimeInterval(300))
    #expect(try reopened.transcript("last") == transcript)
    #expect(try reopened.transcripts() == [transcript])
  }

  @Test("the database is in WAL mode and carries every migration")
  func walAndMigrations() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    #expect(
      try store.appliedMigrations() == [
        "v1: sessions and answers", "v2: resume count", "v3: session summaries",
        "v4: talking points", "v5: kept counts", "v6: schedule", "v7: debriefs",
      ])
    let queue = try DatabaseQueue(path: home.databasePath)
    #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
  }

  @Test("many openers at once on a new home all succeed, and the schema is made once")
  func concurrentOpen() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      do {
        _ = try SessionStore(path: home.databasePath)
      } catch {
        failures.add("\(error)")
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all)")
    let store = try SessionStore(path: home.databasePath)
    #expect(
      try store.appliedMigrations() == [
        "v1: sessions and answers", "v2: resume count", "v3: session summaries",
        "v4: talking points", "v5: kept counts", "v6: schedule", "v7: debriefs",
      ])
  }

  @Test("a store made by the first schema is upgraded with its sessions and answers kept")
  func upgradeFromFirstSchema() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    // The v1 schema as it shipped, with one session and one answer in it.
    let queue = try DatabaseQueue(path: home.databasePath)
    try queue.write { database in
      try database.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          INSERT INTO grdb_migrations VALUES ('v1: sessions and answers');
          CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at DOUBLE NOT NULL,
            ended_at DOUBLE, ending TEXT, plan TEXT NOT NULL, bank TEXT NOT NULL);
          CREATE TABLE answer (id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, question_id TEXT NOT NULL, component TEXT NOT NULL,
            prompt TEXT NOT NULL, text TEXT NOT NULL, outcome TEXT NOT NULL,
            started_at DOUBLE NOT NULL, answered_at DOUBLE NOT NULL, seconds_used DOUBLE NOT NULL,
            hints_used INTEGER NOT NULL, score INTEGER NOT NULL, band TEXT NOT NULL,
            scored TEXT NOT NULL, UNIQUE (session_id, position));
          """)
    }
    try queue.close()
    let planText = String(decoding: try JSONEncoder().encode(Self.plan), as: UTF8.self)
    let scoredText = String(
      decoding: try JSONEncoder().encode(Self.answer(0).scored), as: UTF8.self)
    let v1 = try DatabaseQueue(path: home.databasePath)
    try v1.write { database in
      try database.execute(
        sql: "INSERT INTO session (started_at, plan, bank) VALUES (?, ?, '/bank')",
        arguments: [Self.start.timeIntervalSince1970, planText])
      try database.execute(
        sql: """
          INSERT INTO answer (session_id, position, question_id, component, prompt, text, outcome,
            started_at, answered_at, seconds_used, hints_used, score, band, scored)
          VALUES (1, 0, 'dbc-a', 'database-concepts', 'Prompt 0 <b>&</b>', ?, 'answered', ?, ?,
            42.5, 0, 40, 'adequate', ?)
          """,
        arguments: [
          Self.answer(0).text, Self.answer(0).startedAt.timeIntervalSince1970,
          Self.answer(0).answeredAt.timeIntervalSince1970, scoredText,
        ])
    }
    try v1.close()

    let upgraded = try SessionStore(home: home.url)
    #expect(try upgraded.appliedMigrations().count == 7)
    #expect(try upgraded.summaries(.all).map(\.planned) == [3])
    let transcript = try upgraded.transcript("1")
    var rated = Self.answer(0)
    rated.rating = .hard
    #expect(transcript.answers == [rated], "kept whole, and rated by its band (adequate)")
    #expect(transcript.resumed == 0)
  }

  @Test("a store written by a newer rehearse is refused, not changed")
  func newerSchema() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    _ = try SessionStore(home: home.url)
    let queue = try DatabaseQueue(path: home.databasePath)
    try queue.write {
      try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')")
    }
    try queue.close()
    #expect(throws: StoreError.newerSchema(path: home.databasePath)) {
      _ = try SessionStore(home: home.url)
    }
  }

  @Test("a file that is not a database is named, refused with exit 65, and left untouched")
  func notADatabase() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    try garbage.write(to: URL(fileURLWithPath: home.databasePath))
    do {
      _ = try SessionStore(home: home.url)
      Issue.record("a garbage file opened as a store")
    } catch {
      #expect(error.exitStatus == .dataError)
      #expect(error.description.hasPrefix(home.databasePath))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: home.databasePath)) == garbage)
  }

  @Test("the newest unfinished session is found; complete sessions and full plans are not")
  func lastUnfinished() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    #expect(throws: StoreError.nothingToResume) { try store.lastUnfinished() }

    let cutOff = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.record(Self.answer(0), session: cutOff)
    let complete = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.finish(session: complete, ending: .completed, at: Self.start)
    #expect(try store.lastUnfinished().id == cutOff)
    #expect(try store.transcript("\(cutOff)").ending == nil, "a cut-off session has no ending")

    try store.reopen(session: cutOff)
    #expect(try store.transcript("\(cutOff)").resumed == 1)
    try store.record(Self.answer(1), session: cutOff)
    try store.record(Self.answer(2), session: cutOff)
    #expect(throws: StoreError.nothingToResume) { try store.lastUnfinished() }
  }

  @Test("an answer saved twice at the same place is refused and the first one kept")
  func duplicateAnswer() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.record(Self.answer(0), session: id)
    var second = Self.answer(0)
    second.text = "replacement"
    #expect(throws: StoreError.self) { try store.record(second, session: id) }
    #expect(try store.transcript("\(id)").answers.map(\.text) == [Self.answer(0).text])
  }

  @Test("an answer continued with :continue replaces the one saved at its place")
  func replacedAnswer() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.record(Self.answer(0), session: id)
    try store.record(Self.answer(1), session: id)
    var continued = Self.answer(0)
    continued.text = "the answer, continued"
    try store.record(continued, session: id, replacing: true)
    let answers = try store.transcript("\(id)").answers
    #expect(answers.map(\.position) == [0, 1])
    #expect(answers.map(\.text) == ["the answer, continued", Self.answer(1).text])
  }

  @Test("a session claimed by one store is refused to another until it finishes")
  func claimedSession() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let first = try SessionStore(home: home.url)
    let id = try first.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try first.claim(session: id)
    // A second store opens its own lock file, as another process would.
    let second = try SessionStore(home: home.url)
    #expect(throws: StoreError.sessionRunning(session: id, processID: getpid())) {
      try second.claim(session: id)
    }
    #expect(StoreError.sessionRunning(session: id, processID: 1).exitStatus == .busy)
    try first.finish(session: id, ending: .quit, at: Self.start)
    try second.claim(session: id)
    let lock = home.url.appendingPathComponent("locks/session-\(id).lock").path
    let mode = try FileManager.default.attributesOfItem(atPath: lock)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("unknown sessions are usage errors", arguments: ["7", "last", "seven", ""])
  func unknownSession(id: String) throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    #expect(throws: StoreError.unknownSession(id)) { try store.transcript(id) }
    #expect(StoreError.unknownSession(id).exitStatus == .usage)
  }

  @Test("a damaged row is reported with the file and the answer, not trapped on")
  func damagedRow() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: Self.plan, startedAt: Self.start, bank: "/bank")
    try store.record(Self.answer(0), session: id)
    let queue = try DatabaseQueue(path: home.databasePath)
    try queue.write { try $0.execute(sql: "UPDATE answer SET scored = '{broken'") }
    try queue.close()
    do {
      _ = try store.transcript("last")
      Issue.record("a damaged row was read")
    } catch {
      #expect(error.description.contains(home.databasePath))
      #expect(error.description.contains("answer 1 of session \(id)"))
      #expect(error.exitStatus == .dataError)
    }
  }
}
