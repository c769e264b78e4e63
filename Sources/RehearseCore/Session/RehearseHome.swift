import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder that holds the user's data: the session store, the line-editor history, the
/// stories, the session locks, the own bank and the focuses; the bank cache is kept apart
/// (`cacheFolder(environment:)`), in this folder only when `REHEARSE_HOME` sets it apart.
///
/// It is private (`PrivateFiles`): the folder and every folder in it mode 0700, every file 0600,
/// whatever the umask; what an older version or a permissive umask left looser is tightened when
/// the folder is opened (`secure(_:)`).
public enum RehearseHome {
  /// `REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`, else `$HOME/.local/share/rehearse`, with
  /// the home folder of the password database when `HOME` is unset or empty; an
  /// `XDG_DATA_HOME` that is not an absolute path is ignored, as the XDG specification says.
  public static func resolve(
    environment: [String: String],
    passwordDatabaseHome: () -> String? = RehearseHome.passwordDatabaseHome
  ) -> URL {
    if let home = environment["REHEARSE_HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
    }
    if let data = xdgFolder("XDG_DATA_HOME", environment: environment) {
      return data.appendingPathComponent("rehearse")
    }
    return userHome(environment: environment, passwordDatabaseHome: passwordDatabaseHome)
      .appendingPathComponent(".local/share/rehearse")
  }

  /// The home folder the password database gives the user running the program, if it has one.
  public static func passwordDatabaseHome() -> String? {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 16 * 1024)
    guard getpwuid_r(geteuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil,
      let directory = entry.pw_dir
    else { return nil }
    let path = String(cString: directory)
    return path.isEmpty ? nil : path
  }

  /// The session store's file name inside the home folder.
  public static let databaseName = "rehearse.sqlite"
  /// The line editor's history file name inside the home folder.
  public static let historyName = "history"
  /// The folder inside the home folder holding the lock of each running session.
  public static let locksName = "locks"
  /// The name of the cache folder inside a home folder set apart by `REHEARSE_HOME`
  /// (`cacheFolder(environment:)`), where older versions kept it for every home.
  public static let cacheName = "cache"
  /// The folder inside the home folder holding the user's stories.
  public static let storiesName = "stories"
  /// The folder inside the home folder holding the user's own questions and rubrics.
  public static let bankName = "bank"

  /// The files beside the store that SQLite and the store make: its write-ahead log, its shared
  /// memory index, and the lock taken while it is opened.
  public static let databaseCompanionSuffixes = ["-wal", "-shm", "-journal", ".lock"]

  /// Makes the home folder (mode 0700, as any missing folder above it) and tightens what it
  /// holds (`secure(_:)`).
  public static func prepare(_ home: URL) throws(FileWriteError) {
    try PrivateFiles.prepareFolder(home.path)
    secure(home)
  }

  /// Tightens the home folder, when it exists, to 0700, and what Rehearse keeps in it: the
  /// store and its companion files, the history, and the lock, cache and story folders with
  /// their files, folders 0700 and files 0600.
  ///
  /// Only these are touched: a home folder that holds other things (`REHEARSE_HOME` pointed at a
  /// folder in use) keeps their modes.
  public static func secure(_ home: URL) {
    PrivateFiles.tighten(folder: home.path)
    let database = home.appendingPathComponent(databaseName).path
    for path in [database] + databaseCompanionSuffixes.map({ database + $0 }) {
      PrivateFiles.tighten(file: path)
    }
    PrivateFiles.tighten(file: home.appendingPathComponent(historyName).path)
    for folder in [locksName, cacheName, storiesName, bankName] {
      PrivateFiles.tighten(folderAndFiles: home.appendingPathComponent(folder).path)
    }
  }
}
