import Foundation
import GRDB
import GRDBSQLite
import RehearseCore

extension SessionStore {
  /// The schema of the store in `home`, for `rehearse doctor`, read without creating or
  /// changing any file.
  ///
  /// The file is opened read-only and immutable (SQLite's `immutable=1`): a read-only
  /// connection to a store in WAL mode would otherwise make its `-wal` and `-shm` files. What a
  /// session running at the same time has not yet checkpointed is not seen, which a schema
  /// version, written when a store is opened, does not depend on.
  public static func inspect(home: URL) -> StoreInspection {
    let path = home.appendingPathComponent(RehearseHome.databaseName).path
    guard FileManager.default.fileExists(atPath: path) else { return .notCreated }
    var escaped = ""
    for character in path {
      switch character {
      case "%": escaped += "%25"
      case "?": escaped += "%3f"
      case "#": escaped += "%23"
      default: escaped.append(character)
      }
    }
    var connection: OpaquePointer?
    defer { sqlite3_close_v2(connection) }
    guard
      sqlite3_open_v2(
        "file:\(escaped)?immutable=1", &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        == SQLITE_OK
    else {
      return .unreadable(reason: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "")
    }
    let known = migrator(timeZone: .current).migrations
    var applied: [String] = []
    var statement: OpaquePointer?
    defer { sqlite3_finalize(statement) }
    let hasTable =
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'"
    guard sqlite3_prepare_v2(connection, hasTable, -1, &statement, nil) == SQLITE_OK,
      sqlite3_step(statement) == SQLITE_ROW
    else { return .unreadable(reason: String(cString: sqlite3_errmsg(connection))) }
    let tableExists = sqlite3_column_int(statement, 0) > 0
    sqlite3_finalize(statement)
    statement = nil
    if tableExists {
      guard
        sqlite3_prepare_v2(
          connection, "SELECT identifier FROM grdb_migrations", -1, &statement, nil) == SQLITE_OK
      else { return .unreadable(reason: String(cString: sqlite3_errmsg(connection))) }
      while sqlite3_step(statement) == SQLITE_ROW {
        if let text = sqlite3_column_text(statement, 0) {
          applied.append(String(cString: text))
        }
      }
    }
    if !Set(applied).isSubset(of: known) {
      return .newer(applied: applied.count, known: known.count)
    }
    let newest = known.last { applied.contains($0) } ?? "none"
    return .schema(applied: applied.count, known: known.count, newest: newest)
  }
}
