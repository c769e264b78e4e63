import Foundation

/// The folder that holds the user's data: the session store and the line-editor history.
public enum RehearseHome {
  /// `REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`, else `~/.local/share/rehearse`.
  public static func resolve(environment: [String: String], homeDirectory: String) -> URL {
    if let home = environment["REHEARSE_HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
    }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
      return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("rehearse")
    }
    return URL(fileURLWithPath: homeDirectory, isDirectory: true)
      .appendingPathComponent(".local/share/rehearse")
  }

  /// The session store's file name inside the home folder.
  public static let databaseName = "rehearse.sqlite"
  /// The line editor's history file name inside the home folder.
  public static let historyName = "history"
  /// The folder inside the home folder holding the lock of each running session.
  public static let locksName = "locks"
}
