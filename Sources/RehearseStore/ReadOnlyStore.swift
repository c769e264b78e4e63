import Foundation
import GRDB
import RehearseCore

/// The session store opened for reading alone, by the commands that must create, migrate,
/// tighten and write nothing: shell completion and `rehearse doctor`.
enum ReadOnlyStore {
  /// The store in `home` opened read-only, or `nil` when there is no store file (no session
  /// yet, or no home folder); throws when the file cannot be opened.
  ///
  /// A session writing an answer holds the store for a moment; a reader waits that long at
  /// most.
  static func open(home: URL) throws -> DatabaseQueue? {
    let path = home.appendingPathComponent(RehearseHome.databaseName).path
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(1)
    return try DatabaseQueue(path: location(of: path), configuration: configuration)
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
}
