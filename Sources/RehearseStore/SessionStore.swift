import Foundation
import GRDB
import RehearseCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sessions and answers of the user, in SQLite (WAL mode) under `REHEARSE_HOME`.
///
/// Every answer is written in its own transaction the moment it is given, so a process that is
/// killed loses nothing already answered; a session that was cut off keeps `ending` empty and can
/// be reviewed and resumed.
public final class SessionStore: SessionArchive, Sendable {
  /// The database file.
  public let path: String
  private let database: DatabaseQueue
  /// The sessions this process runs, locked against a second process.
  private let locks: SessionLocks
  /// The time zone whose calendar days the schedule counts in.
  public let timeZone: TimeZone

  /// Opens (creating when needed) the store in `home`, and brings its schema up to date; the
  /// home folder is made, or tightened, private (`RehearseHome.prepare`).
  public convenience init(home: URL, timeZone: TimeZone = .current) throws(StoreError) {
    do throws(FileWriteError) {
      try RehearseHome.prepare(home)
    } catch .cannotCreate(let folder, let reason) {
      throw .cannotOpen(path: folder, reason: reason)
    } catch {
      throw .cannotOpen(path: home.path, reason: error.description)
    }
    try self.init(
      path: home.appendingPathComponent(RehearseHome.databaseName).path, timeZone: timeZone)
  }

  /// Opens (creating when needed) the store at `path`, and brings its schema up to date; the
  /// schedule counts days in `timeZone`.
  ///
  /// The store and the files SQLite keeps beside it are mode 0600 whatever the umask: the file is
  /// made (or tightened) 0600 before SQLite opens it, and SQLite gives its write-ahead log and
  /// shared-memory files the mode of the database.
  public init(path: String, timeZone: TimeZone = .current) throws(StoreError) {
    self.path = path
    self.timeZone = timeZone
    locks = SessionLocks(
      folder: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(
        RehearseHome.locksName))
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(5)
    configuration.prepareDatabase { database in
      // WAL: a reader (review in another terminal) never blocks the session writing answers.
      try database.execute(sql: "PRAGMA journal_mode = WAL")
    }
    // Opening and migrating happen under a lock file beside the store: two processes starting
    // together on a new home would otherwise both create the tables.
    let lock = Self.lock(path + ".lock")
    defer { Self.unlock(lock) }
    try Self.createPrivately(path)
    let opened: DatabaseQueue
    do {
      opened = try Self.open(path: path, configuration: configuration)
    } catch let error as DatabaseError where Self.isNotADatabase(error) {
      throw .notADatabase(path: path, reason: error.message ?? "\(error)")
    } catch {
      throw .cannotOpen(path: path, reason: "\(error)")
    }
    database = opened
    do {
      let migrator = Self.migrator(timeZone: timeZone)
      let superseded = try database.read { try migrator.hasBeenSuperseded($0) }
      if superseded { throw StoreError.newerSchema(path: path) }
      try migrator.migrate(database)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError where Self.isNotADatabase(error) {
      throw .notADatabase(path: path, reason: error.message ?? "\(error)")
    } catch {
      throw .cannotOpen(path: path, reason: "\(error)")
    }
    // Files an older version left at SQLite's default, 0644.
    for suffix in RehearseHome.databaseCompanionSuffixes {
      PrivateFiles.tighten(file: path + suffix)
    }
  }

  /// Makes the database file, empty, mode 0600 when it is missing, and tightens it to 0600 when
  /// it is there; SQLite copies its mode to the write-ahead log and shared-memory files it makes.
  private static func createPrivately(_ path: String) throws(StoreError) {
    #if canImport(Glibc)
      let descriptor = Glibc.open(path, O_RDONLY | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    #else
      let descriptor = Darwin.open(path, O_RDONLY | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    #endif
    guard descriptor >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
    PrivateFiles.tighten(file: path)
    for suffix in RehearseHome.databaseCompanionSuffixes {
      PrivateFiles.tighten(file: path + suffix)
    }
  }

  /// Opens the database, waiting while another process holds it: switching a new file to WAL
  /// mode needs it alone, and SQLite reports that as busy at once rather than waiting, so two
  /// processes starting together on a new home (a session, and `review` in another terminal)
  /// would otherwise fail.
  private static func open(path: String, configuration: Configuration) throws -> DatabaseQueue {
    var attempt = 0
    while true {
      do {
        return try DatabaseQueue(path: path, configuration: configuration)
      } catch let error as DatabaseError
        where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 100
      {
        attempt += 1
        usleep(50_000)
      }
    }
  }

  /// Takes an exclusive lock on the file at `path`, waiting for another process to release it;
  /// -1 when the lock file cannot be made (then the store opens without it).
  private static func lock(_ path: String) -> Int32 {
    #if canImport(Glibc)
      let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    #else
      let descriptor = Darwin.open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    #endif
    guard descriptor >= 0 else { return -1 }
    PrivateFiles.tighten(file: path)
    while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    return descriptor
  }

  private static func unlock(_ descriptor: Int32) {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  private static func isNotADatabase(_ error: DatabaseError) -> Bool {
    [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode)
  }

  /// The schema, one migration per version; a migration is never edited once released.
  static func migrator(timeZone: TimeZone) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: sessions and answers") { database in
      try database.create(table: "session") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("started_at", .double).notNull()
        table.column("ended_at", .double)
        // completed, session_time_up, quit, interrupted, end_of_input; NULL while running or
        // when the process was cut off.
        table.column("ending", .text)
        table.column("plan", .text).notNull()
        table.column("bank", .text).notNull()
      }
      try database.create(table: "answer") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("session_id", .integer).notNull().indexed()
          .references("session", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.column("question_id", .text).notNull()
        table.column("component", .text).notNull()
        table.column("prompt", .text).notNull()
        table.column("text", .text).notNull()
        table.column("outcome", .text).notNull()
        table.column("started_at", .double).notNull()
        table.column("answered_at", .double).notNull()
        table.column("seconds_used", .double).notNull()
        table.column("hints_used", .integer).notNull()
        table.column("score", .integer).notNull()
        table.column("band", .text).notNull()
        // The scored answer as JSON: hits with their evidence, misses, misconceptions.
        table.column("scored", .text).notNull()
        table.uniqueKey(["session_id", "position"])
      }
    }
    migrator.registerMigration("v2: resume count") { database in
      try database.alter(table: "session") { table in
        table.add(column: "resumed", .integer).notNull().defaults(to: 0)
      }
    }
    migrator.registerMigration("v3: session summaries") { database in
      // What `history` shows of a session's plan, kept in columns so that listing sessions
      // decodes no JSON; filled in from each saved plan, once.
      try database.alter(table: "session") { table in
        table.add(column: "planned", .integer).notNull().defaults(to: 0)
        table.add(column: "story", .text)
      }
      for row in try Row.fetchAll(database, sql: "SELECT id, plan FROM session") {
        let text: String = row["plan"]
        // A plan that does not decode is reported when its session is opened; here it only
        // leaves the summary's count at 0.
        guard let plan = try? JSONDecoder().decode(SessionPlan.self, from: Data(text.utf8))
        else { continue }
        try database.execute(
          sql: "UPDATE session SET planned = ?, story = ? WHERE id = ?",
          arguments: [plan.items.count, plan.rehearsedStory, row["id"] as Int64])
      }
      try database.create(index: "answer_question", on: "answer", columns: ["question_id"])
    }
    migrator.registerMigration("v4: talking points") { database in
      try Self.createPointTable(database)
      // Filled in from every saved answer's scored JSON, once.
      for row in try Row.fetchAll(
        database, sql: "SELECT id, answered_at, question_id, scored FROM answer")
      {
        let text: String = row["scored"]
        guard let scored = try? JSONDecoder().decode(ScoredAnswer.self, from: Data(text.utf8))
        else { continue }
        try Self.savePoints(
          scored, answerID: row["id"], questionID: row["question_id"],
          answeredAt: row["answered_at"], in: database)
      }
    }
    migrator.registerMigration("v5: kept counts") { database in
      try Self.keepCounts(database)
    }
    registerScheduleMigration(&migrator, timeZone: timeZone)
    registerDebriefMigration(&migrator)
    return migrator
  }

  /// The migrations applied to this store, oldest first.
  public func appliedMigrations() throws -> [String] {
    try database.read { try Self.migrator(timeZone: timeZone).appliedMigrations($0) }
  }

  // MARK: - Writing

  /// Saves a new session and returns its id.
  public func createSession(plan: SessionPlan, startedAt: Date, bank: String) throws(StoreError)
    -> Int64
  {
    let planText = encode(plan)
    return try write { database in
      try database.execute(
        sql: "INSERT INTO session (started_at, plan, bank, planned, story) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          startedAt.timeIntervalSince1970, planText, bank, plan.items.count, plan.rehearsedStory,
        ])
      return database.lastInsertedRowID
    }
  }

  /// Saves one answer, in its own transaction. An answer at a position already saved is
  /// refused (the first is kept), unless `replacing`: an answer continued with `:continue`.
  public func record(_ answer: AnswerRecord, session: Int64, replacing: Bool)
    throws(StoreError)
  {
    let scored = encode(answer.scored)
    // Without `replacing`, a second answer at a position fails on the unique key. The session's
    // kept counts and the question's points follow by the triggers of v5, in this transaction.
    let onConflict = replacing ? "ON CONFLICT (session_id, position) DO UPDATE SET" : ""
    let update =
      replacing
      ? """
      question_id = excluded.question_id, component = excluded.component,
      prompt = excluded.prompt, text = excluded.text, outcome = excluded.outcome,
      started_at = excluded.started_at, answered_at = excluded.answered_at,
      seconds_used = excluded.seconds_used, hints_used = excluded.hints_used,
      score = excluded.score, band = excluded.band, scored = excluded.scored,
      rating = excluded.rating
      """ : ""
    try write { database in
      try database.execute(
        sql: """
          INSERT INTO answer (session_id, position, question_id, component, prompt, text, outcome,
            started_at, answered_at, seconds_used, hints_used, score, band, scored, rating)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          \(onConflict) \(update)
          """,
        arguments: [
          session, answer.position, answer.questionID, answer.component.rawValue, answer.prompt,
          answer.text, answer.outcome.rawValue, answer.startedAt.timeIntervalSince1970,
          answer.answeredAt.timeIntervalSince1970, answer.secondsUsed, answer.hintsUsed,
          answer.scored.score, answer.scored.band.rawValue, scored, answer.rating?.rawValue,
        ])
      // The answer's talking points, for the weak points, in the same transaction.
      let answerID = try Int64.fetchOne(
        database, sql: "SELECT id FROM answer WHERE session_id = ? AND position = ?",
        arguments: [session, answer.position])
      if let answerID {
        try Self.savePoints(
          answer.scored, answerID: answerID, questionID: answer.questionID,
          answeredAt: answer.answeredAt.timeIntervalSince1970, in: database)
      }
      // The question's schedule, replayed from its rated answers, in the same transaction.
      try Self.reschedule(questionID: answer.questionID, timeZone: timeZone, in: database)
    }
  }

  /// Marks a session ended, and lets go of its lock.
  public func finish(session: Int64, ending: SessionEnding, at time: Date) throws(StoreError) {
    defer { locks.release(session) }
    try write { database in
      try database.execute(
        sql: "UPDATE session SET ending = ?, ended_at = ? WHERE id = ?",
        arguments: [ending.rawValue, time.timeIntervalSince1970, session])
    }
  }

  /// Holds `session` for this process until it finishes or the process ends; throws
  /// `sessionRunning` when another process holds it.
  public func claim(session: Int64) throws(StoreError) {
    try locks.claim(session)
  }

  /// Marks a session as running again, for `--resume`.
  public func reopen(session: Int64) throws(StoreError) {
    try write { database in
      try database.execute(
        sql:
          "UPDATE session SET ending = NULL, ended_at = NULL, resumed = resumed + 1 WHERE id = ?",
        arguments: [session])
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try database.write(body)
    } catch {
      throw .cannotWrite(path: path, reason: Self.reason(error))
    }
  }

  // MARK: - Reading

  /// Every session, newest first, with its answers.
  public func transcripts() throws(StoreError) -> [SessionTranscript] {
    try read { database in
      let sessions = try Row.fetchAll(database, sql: "SELECT * FROM session ORDER BY id DESC")
      let answers = try Row.fetchAll(
        database, sql: "SELECT * FROM answer ORDER BY session_id, position")
      let grouped = Dictionary(grouping: answers) { $0["session_id"] as Int64 }
      return try sessions.map { try transcript($0, answers: grouped[$0["id"]] ?? []) }
    }
  }

  /// The session with `id` (a number, or `last` for the newest).
  public func transcript(_ id: String) throws(StoreError) -> SessionTranscript {
    let found: SessionTranscript? = try read { database in
      let session: Row?
      if id == "last" {
        session = try Row.fetchOne(database, sql: "SELECT * FROM session ORDER BY id DESC LIMIT 1")
      } else if let number = Int64(id) {
        session = try Row.fetchOne(
          database, sql: "SELECT * FROM session WHERE id = ?", arguments: [number])
      } else {
        session = nil
      }
      guard let session else { return nil }
      let answers = try Row.fetchAll(
        database, sql: "SELECT * FROM answer WHERE session_id = ? ORDER BY position",
        arguments: [session["id"] as Int64])
      return try transcript(session, answers: answers)
    }
    guard let found else { throw .unknownSession(id) }
    return found
  }

  /// The newest mock session (not a story rehearsal) that did not run its course and still has
  /// questions to ask; found from the summaries, so only that session's answers are read.
  public func lastUnfinished() throws(StoreError) -> SessionTranscript {
    guard let unfinished = try summaries(.all).first(where: \.canResume) else {
      throw .nothingToResume
    }
    return try transcript("\(unfinished.id)")
  }

  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try database.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  private func transcript(_ row: Row, answers: [Row]) throws -> SessionTranscript {
    let id: Int64 = row["id"]
    let plan: SessionPlan = try decode(row["plan"], what: "session \(id)")
    let ending: SessionEnding? = try (row["ending"] as String?).map { raw in
      guard let ending = SessionEnding(rawValue: raw) else {
        throw StoreError.damagedRecord(
          path: path, what: "session \(id)", reason: "unknown ending '\(raw)'")
      }
      return ending
    }
    return SessionTranscript(
      id: id, plan: plan, startedAt: Date(timeIntervalSince1970: row["started_at"]),
      endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
      ending: ending, answers: try answers.map { try answer($0, session: id) },
      resumed: row["resumed"])
  }

  func answer(_ row: Row, session: Int64) throws -> AnswerRecord {
    let position: Int = row["position"]
    let what = "answer \(position + 1) of session \(session)"
    let componentName: String = row["component"]
    let outcomeName: String = row["outcome"]
    guard let component = Component(rawValue: componentName) else {
      throw StoreError.damagedRecord(
        path: path, what: what, reason: "unknown component '\(componentName)'")
    }
    guard let outcome = AnswerOutcome(rawValue: outcomeName) else {
      throw StoreError.damagedRecord(
        path: path, what: what, reason: "unknown outcome '\(outcomeName)'")
    }
    return AnswerRecord(
      position: position, questionID: row["question_id"], component: component,
      prompt: row["prompt"], text: row["text"], outcome: outcome,
      startedAt: Date(timeIntervalSince1970: row["started_at"]),
      answeredAt: Date(timeIntervalSince1970: row["answered_at"]), hintsUsed: row["hints_used"],
      scored: try decode(row["scored"], what: what),
      rating: (row["rating"] as Int?).flatMap(ReviewRating.init(rawValue:)))
  }

  // MARK: - JSON columns

  private func encode<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    // Plain value types with string keys always encode.
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  private func decode<Value: Decodable>(_ text: String, what: String) throws -> Value {
    do {
      return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    } catch {
      throw StoreError.damagedRecord(path: path, what: what, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    if let error = error as? DecodingError {
      switch error {
      case .dataCorrupted(let context), .keyNotFound(_, let context),
        .typeMismatch(_, let context), .valueNotFound(_, let context):
        return context.debugDescription
      @unknown default: return "\(error)"
      }
    }
    return "\(error)"
  }
}
