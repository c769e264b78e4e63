import Foundation
import GRDB
import RehearseCore

/// The session store opened read-only for shell completion: the ids of its sessions and
/// debriefs, read without creating, migrating or tightening anything.
///
/// A store written by another version is read as it is: a query that does not fit its schema
/// throws, and completion then offers no ids of that kind.
public struct StoreRecordIndex: RecordIndex, Sendable {
  private let database: DatabaseQueue

  /// The store in `home`, or `nil` when there is none (no session yet, or no home folder) or it
  /// cannot be opened for reading.
  public static func open(home: URL) -> StoreRecordIndex? {
    let path = home.appendingPathComponent(RehearseHome.databaseName).path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    var configuration = Configuration()
    configuration.readonly = true
    // A session writing an answer holds the store for a moment; a Tab press waits that long
    // at most.
    configuration.busyMode = .timeout(1)
    guard let database = try? DatabaseQueue(path: location(of: path), configuration: configuration)
    else { return nil }
    return StoreRecordIndex(database: database)
  }

  /// What SQLite is given to open the store at `path` without writing beside it.
  ///
  /// Opened read-only, a store in WAL mode still gets a `-wal` and a `-shm` file from SQLite
  /// when they are missing, and keeps them. They are missing only when no process has the store
  /// open and all of it is in its file: it is then opened as immutable (a URI, which the
  /// system's SQLite accepts), so nothing is made. While a session runs they exist, and the
  /// store is opened as usual, read-only, seeing what the session has saved.
  static func location(of path: String) -> String {
    guard !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
    var encoded = ""
    for character in path {
      switch character {
      case "%": encoded += "%25"
      case "?": encoded += "%3F"
      case "#": encoded += "%23"
      default: encoded.append(character)
      }
    }
    return "file:" + encoded + "?immutable=1"
  }

  public func sessionIDs() throws -> [Int64] {
    try database.read { try Int64.fetchAll($0, sql: "SELECT id FROM session ORDER BY id DESC") }
  }

  public func debriefIDs() throws -> [Int64] {
    try database.read {
      try Int64.fetchAll($0, sql: "SELECT id FROM debrief ORDER BY day DESC, id DESC")
    }
  }

  public func debriefQuestionCount(_ id: String) throws -> Int {
    try database.read { database in
      let number =
        id == "last"
        ? try Int64.fetchOne(
          database, sql: "SELECT id FROM debrief ORDER BY day DESC, id DESC LIMIT 1")
        : Debrief.number(in: id, bareNumber: true)
      guard let number else { return 0 }
      return try Int.fetchOne(
        database, sql: "SELECT COUNT(*) FROM debrief_question WHERE debrief_id = ?",
        arguments: [number]) ?? 0
    }
  }
}
