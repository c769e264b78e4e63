import Foundation
import GRDBSQLite

/// An in-memory SQLite database holding one exercise's fixture, where answer queries run
/// read-only under a time limit, a row limit and the size limits of `SQLLimit`.
///
/// Reading is enforced by an authorizer that allows only reading a table, selecting and calling
/// functions: any statement that writes, creates, drops, attaches, begins a transaction or runs a
/// pragma fails to compile, and nothing of it runs. A progress handler stops a query at its time
/// limit or when the caller says the user asked to stop (Ctrl-C); the size limits keep any
/// single call SQLite makes short, and the memory a query and its result take small.
final class SQLSandbox {
  /// How many virtual-machine instructions run between two looks at the clock.
  private static let instructionsPerCheck: Int32 = 1_000
  /// What holding a row, and each value of it, costs beyond the value's own bytes, in bytes,
  /// counted against `SQLLimit.resultSize`.
  private static let rowCost = 32
  private static let valueCost = 32

  /// State the SQLite callbacks reach through their context pointer.
  private final class Guard {
    var deadline: UInt64 = .max
    var timedOut = false
    var isInterrupted: @Sendable () -> Bool = { false }
    var interrupted = false
    var reading = false
    var refusal: String?
  }

  private let formats: SQLFormatGuard
  private let connection: OpaquePointer
  private let state = Guard()

  /// The process's SQLite heap limit (`SQLLimit.memory`), set once by the first sandbox; it holds
  /// every SQLite connection of the process, so a lower limit set before is kept.
  private static let heapLimit: Void = {
    let current = sqlite3_hard_heap_limit64(-1)
    let limit = Int64(SQLLimit.memory.value)
    if current <= 0 || current > limit { sqlite3_hard_heap_limit64(limit) }
  }()

  /// Opens a database and runs `fixture` in it; throws SQLite's message when the fixture fails.
  init(fixture: String) throws(SQLRunFailure) {
    Self.heapLimit
    guard let formats = SQLFormatGuard() else {
      throw .error("SQLite could not open an in-memory database")
    }
    self.formats = formats
    var handle: OpaquePointer?
    guard
      sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        == SQLITE_OK, let handle
    else {
      if let handle { sqlite3_close_v2(handle) }
      throw .error("SQLite could not open an in-memory database")
    }
    connection = handle
    // Sorts and temporary tables stay in memory, under the heap limit, rather than in files.
    sqlite3_exec(connection, "PRAGMA temp_store = MEMORY", nil, nil, nil)
    var message: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(connection, fixture, nil, nil, &message) != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw .error(text)
    }
    for limit in SQLLimit.allCases {
      if let category = limit.sqliteCategory {
        sqlite3_limit(connection, category, Int32(limit.value))
      }
    }
    sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
    sqlite3_limit(connection, SQLITE_LIMIT_WORKER_THREADS, 0)
    guard formats.install(on: connection) else {
      throw .error("SQLite could not set up printf")
    }
    // A third lock, after the authorizer and the read-only test of each statement.
    sqlite3_exec(connection, "PRAGMA query_only = ON", nil, nil, nil)
    let context = Unmanaged.passUnretained(state).toOpaque()
    sqlite3_set_authorizer(
      connection,
      { context, action, first, second, _, _ in
        guard let context else { return SQLITE_DENY }
        let state = Unmanaged<Guard>.fromOpaque(context).takeUnretainedValue()
        guard state.reading else { return SQLITE_OK }
        if SQLSandbox.allowedActions.contains(action) { return SQLITE_OK }
        // DROP and CREATE first ask to change the schema table, then ask for themselves: let
        // the first pass so the refusal names the statement (which is refused all the same).
        if [SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE].contains(action),
          let table = first.map({ String(cString: $0) }), table.hasPrefix("sqlite_")
        {
          return SQLITE_OK
        }
        if state.refusal == nil {
          state.refusal = SQLSandbox.describe(
            action: action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
        }
        return SQLITE_DENY
      }, context)
    sqlite3_progress_handler(
      connection, Self.instructionsPerCheck,
      { context in
        guard let context else { return 1 }
        let state = Unmanaged<Guard>.fromOpaque(context).takeUnretainedValue()
        if state.isInterrupted() {
          state.interrupted = true
          return 1
        }
        if DispatchTime.now().uptimeNanoseconds >= state.deadline {
          state.timedOut = true
          return 1
        }
        return 0
      }, context)
  }

  deinit {
    sqlite3_close_v2(connection)
  }

  /// The authorizer actions a query may take: read columns, select, call functions, recurse.
  private static let allowedActions: Set<Int32> = [
    SQLITE_READ, SQLITE_SELECT, SQLITE_FUNCTION, SQLITE_RECURSIVE,
  ]

  /// What a refused action is, in SQL words: `DROP TABLE players`, `ATTACH`, `PRAGMA journal_mode`.
  static func describe(action: Int32, _ first: String?, _ second: String?) -> String {
    let names: [Int32: String] = [
      SQLITE_CREATE_INDEX: "CREATE INDEX", SQLITE_CREATE_TABLE: "CREATE TABLE",
      SQLITE_CREATE_TEMP_INDEX: "CREATE INDEX", SQLITE_CREATE_TEMP_TABLE: "CREATE TABLE",
      SQLITE_CREATE_TEMP_TRIGGER: "CREATE TRIGGER", SQLITE_CREATE_TEMP_VIEW: "CREATE VIEW",
      SQLITE_CREATE_TRIGGER: "CREATE TRIGGER", SQLITE_CREATE_VIEW: "CREATE VIEW",
      SQLITE_DELETE: "DELETE FROM", SQLITE_DROP_INDEX: "DROP INDEX",
      SQLITE_DROP_TABLE: "DROP TABLE", SQLITE_DROP_TEMP_INDEX: "DROP INDEX",
      SQLITE_DROP_TEMP_TABLE: "DROP TABLE", SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER",
      SQLITE_DROP_TEMP_VIEW: "DROP VIEW", SQLITE_DROP_TRIGGER: "DROP TRIGGER",
      SQLITE_DROP_VIEW: "DROP VIEW", SQLITE_INSERT: "INSERT INTO", SQLITE_PRAGMA: "PRAGMA",
      SQLITE_TRANSACTION: "a transaction", SQLITE_UPDATE: "UPDATE", SQLITE_ATTACH: "ATTACH",
      SQLITE_DETACH: "DETACH", SQLITE_ALTER_TABLE: "ALTER TABLE", SQLITE_REINDEX: "REINDEX",
      SQLITE_ANALYZE: "ANALYZE", SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE",
      SQLITE_DROP_VTABLE: "DROP TABLE", SQLITE_SAVEPOINT: "SAVEPOINT",
    ]
    let name = names[action] ?? "a statement that is not a query"
    // The object is the first argument, except for ALTER TABLE, whose table is the second.
    let object = action == SQLITE_ALTER_TABLE ? second : first
    switch action {
    case SQLITE_TRANSACTION, SQLITE_SAVEPOINT, SQLITE_ATTACH, SQLITE_DETACH:
      return name
    default:
      guard let object, !object.isEmpty else { return name }
      return "\(name) \(object)"
    }
  }

  /// What compiling the first statement of a text found.
  struct Compiled {
    /// The statement's text, up to and including its `;`.
    var sql: String
    var failure: SQLRunFailure?
    /// Where in the text SQLite found the error, in bytes, when it says.
    var errorOffset: Int?
  }

  /// Compiles the first statement of `text` without running it.
  func compileFirst(_ text: String) -> Compiled {
    state.reading = true
    state.refusal = nil
    state.timedOut = false
    state.interrupted = false
    defer { state.reading = false }
    return text.withCString { start -> Compiled in
      var statement: OpaquePointer?
      var tail: UnsafePointer<CChar>?
      let status = sqlite3_prepare_v2(connection, start, -1, &statement, &tail)
      defer { sqlite3_finalize(statement) }
      var used =
        tail.map {
          String(
            decoding: UnsafeRawBufferPointer(start: start, count: start.distance(to: $0)),
            as: UTF8.self)
        } ?? text
      if status != SQLITE_OK {
        if let refusal = state.refusal { return Compiled(sql: used, failure: .refused(refusal)) }
        let failure = failure(statementBytes: text.utf8.count, seconds: 0)
        // A statement too long is left unread where the limit fell: it is the whole text.
        if failure == .overLimit(.statementLength) { used = text }
        let offset = Int(sqlite3_error_offset(connection))
        return Compiled(sql: used, failure: failure, errorOffset: offset >= 0 ? offset : nil)
      }
      if statement == nil {
        return Compiled(sql: used, failure: .error("the answer holds no SQL statement"))
      }
      return Compiled(sql: used)
    }
  }

  /// Runs the first statement of `sql` and returns what it gave, stopping it at the limits:
  /// after `seconds`, at `rowLimit` rows, at a size limit, or once `isInterrupted` says so (it
  /// is asked every `instructionsPerCheck` instructions, from this thread).
  func run(
    _ sql: String, seconds: Double, rowLimit: Int,
    isInterrupted: @escaping @Sendable () -> Bool = { false }
  ) -> Result<SQLResult, SQLRunFailure> {
    state.reading = true
    state.refusal = nil
    state.timedOut = false
    state.interrupted = false
    state.isInterrupted = isInterrupted
    state.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    defer {
      state.reading = false
      state.deadline = .max
      state.isInterrupted = { false }
    }
    var statement: OpaquePointer?
    let status = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
    defer { sqlite3_finalize(statement) }
    guard status == SQLITE_OK, let statement else {
      if let refusal = state.refusal { return .failure(.refused(refusal)) }
      if status == SQLITE_OK { return .failure(.error("the answer holds no SQL statement")) }
      return .failure(failure(statementBytes: sql.utf8.count, seconds: seconds))
    }
    // A read-only statement that still changes the connection (ATTACH, BEGIN) is caught above by
    // the authorizer; this is the second lock on the door.
    guard sqlite3_stmt_readonly(statement) != 0 else {
      return .failure(.refused("a statement that is not a query"))
    }
    let columnCount = Int(sqlite3_column_count(statement))
    let columns = (0..<columnCount).map { index in
      sqlite3_column_name(statement, Int32(index)).map { String(cString: $0) } ?? ""
    }
    var rows: [[SQLValue]] = []
    var size = 0
    while true {
      let step = sqlite3_step(statement)
      if step == SQLITE_DONE { break }
      guard step == SQLITE_ROW else {
        return .failure(failure(statementBytes: sql.utf8.count, seconds: seconds))
      }
      if rows.count == rowLimit { return .failure(.tooManyRows(rowLimit)) }
      var row: [SQLValue] = []
      row.reserveCapacity(columnCount)
      size += Self.rowCost
      for column in 0..<columnCount {
        let (value, bytes) = self.value(statement, column: Int32(column))
        row.append(value)
        size += Self.valueCost + bytes
      }
      if size > SQLLimit.resultSize.value { return .failure(.overLimit(.resultSize)) }
      rows.append(row)
    }
    return .success(SQLResult(columns: columns, rows: rows))
  }

  /// Why the statement just prepared or stepped failed: stopped by the progress handler, over
  /// a size limit, or SQLite's own message; `statementBytes` is the statement's length.
  private func failure(statementBytes: Int, seconds: Double) -> SQLRunFailure {
    if state.interrupted { return .interrupted }
    if state.timedOut { return .timedOut(seconds) }
    let message = String(cString: sqlite3_errmsg(connection))
    if let limit = SQLLimit.reported(
      code: sqlite3_extended_errcode(connection), message: message,
      statementBytes: statementBytes)
    {
      return .overLimit(limit)
    }
    return .error(message)
  }

  /// The value in `column` of the current row, and its length in bytes when it is text or a blob.
  private func value(_ statement: OpaquePointer, column: Int32) -> (SQLValue, Int) {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_INTEGER: return (.integer(sqlite3_column_int64(statement, column)), 0)
    case SQLITE_FLOAT: return (.real(sqlite3_column_double(statement, column)), 0)
    case SQLITE_TEXT:
      guard let text = sqlite3_column_text(statement, column) else { return (.text(""), 0) }
      let count = Int(sqlite3_column_bytes(statement, column))
      let value = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
      return (.text(value), count)
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(statement, column))
      guard count > 0, let bytes = sqlite3_column_blob(statement, column) else {
        return (.blob([]), 0)
      }
      return (.blob(Array(UnsafeRawBufferPointer(start: bytes, count: count))), count)
    default: return (.null, 0)
    }
  }

  /// Whether `text` ends with a complete SQL statement (a `;` outside strings and comments).
  static func isComplete(_ text: String) -> Bool {
    sqlite3_complete(text) != 0
  }
}
