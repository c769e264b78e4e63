import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The schema of the store in `home`, for `rehearse doctor`, read without creating or
  /// changing any file (`ReadOnlyStore`).
  public static func inspect(home: URL) -> StoreInspection {
    let applied: [String]
    do {
      guard let database = try ReadOnlyStore.open(home: home) else { return .notCreated }
      applied = try database.read { database in
        try database.tableExists("grdb_migrations")
          ? String.fetchAll(database, sql: "SELECT identifier FROM grdb_migrations") : []
      }
    } catch let error as DatabaseError {
      return .unreadable(reason: error.message ?? error.description)
    } catch {
      return .unreadable(reason: "\(error)")
    }
    let known = migrator(timeZone: .current).migrations
    if !Set(applied).isSubset(of: known) {
      return .newer(applied: applied.count, known: known.count)
    }
    let newest = known.last { applied.contains($0) } ?? "none"
    return .schema(applied: applied.count, known: known.count, newest: newest)
  }
}
