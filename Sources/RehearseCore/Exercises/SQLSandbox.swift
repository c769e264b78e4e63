import Foundation
import GRDBSQLite

/// An in-memory SQLite database holding one exercise's fixture, where answer queries run
/// read-only under a time limit and a row limit.
///
/// Reading is enforced by an authorizer that allows only reading a table, selecting and calling
/// functions: any statement that writes, creates, drops, attaches, begins a transaction or runs a
/// pragma fails to compile, and nothing of it runs.
final class SQLSandbox {
  /// How many virtual-machine instructions run between two looks at the clock.
  private static let instructionsPerCheck: Int32 = 1_000
  /// The longest string or blob a query may build, in bytes.
  private static let longestValue: Int32 = 1_000_000

  /// State the SQLite callbacks reach through their context pointer.
  private final class Guard {
    var deadline: UInt64 = .max
    var timedOut = false
    var reading = false
    var refusal: String?
  }

  private let connection: OpaquePointer
  private let state = Guard()

  /// Opens a database and runs `fixture` in it; throws SQLite's message when the fixture fails.
  init(fixture: String) throws(SQLRunFailure) {
    var handle: OpaquePointer?
    guard
      sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        == SQLITE_OK, let handle
    else {
      if let handle { sqlite3_close_v2(handle) }
      throw .error("SQLite could not open an in-memory database")
    }
    connection = handle
    var message: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(connection, fixture, nil, nil, &message) != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw .error(text)
    }
    sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Self.longestValue)
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
    defer { state.reading = false }
    return text.withCString { start -> Compiled in
      var statement: OpaquePointer?
      var tail: UnsafePointer<CChar>?
      let status = sqlite3_prepare_v2(connection, start, -1, &statement, &tail)
      defer { sqlite3_finalize(statement) }
      let used =
        tail.map {
          String(
            decoding: UnsafeRawBufferPointer(start: start, count: start.distance(to: $0)),
            as: UTF8.self)
        } ?? text
      if status != SQLITE_OK {
        if let refusal = state.refusal { return Compiled(sql: used, failure: .refused(refusal)) }
        let offset = Int(sqlite3_error_offset(connection))
        return Compiled(
          sql: used, failure: .error(String(cString: sqlite3_errmsg(connection))),
          errorOffset: offset >= 0 ? offset : nil)
      }
      if statement == nil {
        return Compiled(sql: used, failure: .error("the answer holds no SQL statement"))
      }
      return Compiled(sql: used)
    }
  }

  /// Runs the first statement of `sql` and returns what it gave, stopping it at the limits.
  func run(_ sql: String, seconds: Double, rowLimit: Int) -> Result<SQLResult, SQLRunFailure> {
    state.reading = true
    state.refusal = nil
    state.timedOut = false
    state.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    defer {
      state.reading = false
      state.deadline = .max
    }
    var statement: OpaquePointer?
    let status = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
    defer { sqlite3_finalize(statement) }
    guard status == SQLITE_OK, let statement else {
      if let refusal = state.refusal { return .failure(.refused(refusal)) }
      if status == SQLITE_OK { return .failure(.error("the answer holds no SQL statement")) }
      return .failure(failure(seconds: seconds))
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
    while true {
      let step = sqlite3_step(statement)
      if step == SQLITE_DONE { break }
      guard step == SQLITE_ROW else { return .failure(failure(seconds: seconds)) }
      if rows.count == rowLimit { return .failure(.tooManyRows(rowLimit)) }
      rows.append((0..<columnCount).map { value(statement, column: Int32($0)) })
    }
    return .success(SQLResult(columns: columns, rows: rows))
  }

  private func failure(seconds: Double) -> SQLRunFailure {
    if state.timedOut { return .timedOut(seconds) }
    return .error(String(cString: sqlite3_errmsg(connection)))
  }

  private func value(_ statement: OpaquePointer, column: Int32) -> SQLValue {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
    case SQLITE_TEXT:
      guard let text = sqlite3_column_text(statement, column) else { return .text("") }
      let count = Int(sqlite3_column_bytes(statement, column))
      return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(statement, column))
      guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
      return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
    default: return .null
    }
  }

  /// Whether `text` ends with a complete SQL statement (a `;` outside strings and comments).
  static func isComplete(_ text: String) -> Bool {
    sqlite3_complete(text) != 0
  }
}
