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
  /// cannot be opened for reading (`ReadOnlyStore`).
  public static func open(home: URL) -> StoreRecordIndex? {
    guard let database = try? ReadOnlyStore.open(home: home) else { return nil }
    return StoreRecordIndex(database: database)
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
