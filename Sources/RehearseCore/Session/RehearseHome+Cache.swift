import Foundation

extension RehearseHome {
  /// The folder holding the bank cache (`BankCache`).
  ///
  /// `$XDG_CACHE_HOME/rehearse` when `XDG_CACHE_HOME` is set; else, when `REHEARSE_HOME` is set,
  /// its `cache` folder, so that a home set apart (a test's, a second profile's) keeps
  /// everything in one folder and never writes into the user's cache; else
  /// `$HOME/.cache/rehearse` (with the password database's home folder when `HOME` is unset or
  /// empty).
  public static func cacheFolder(
    environment: [String: String],
    passwordDatabaseHome: () -> String? = RehearseHome.passwordDatabaseHome
  ) -> URL {
    if let cache = xdgFolder("XDG_CACHE_HOME", environment: environment) {
      return cache.appendingPathComponent("rehearse", isDirectory: true)
    }
    if let home = environment["REHEARSE_HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(cacheName)
    }
    return userHome(environment: environment, passwordDatabaseHome: passwordDatabaseHome)
      .appendingPathComponent(".cache/rehearse", isDirectory: true)
  }

  /// The folder an XDG base-directory variable names; `nil` when it is unset or empty, or
  /// relative (which the XDG specification says to ignore).
  public static func xdgFolder(_ variable: String, environment: [String: String]) -> URL? {
    guard let value = environment[variable], value.hasPrefix("/") else { return nil }
    return URL(fileURLWithPath: value, isDirectory: true)
  }

  /// The user's home folder: `HOME`, else the password database's, else `/`.
  public static func userHome(
    environment: [String: String],
    passwordDatabaseHome: () -> String? = RehearseHome.passwordDatabaseHome
  ) -> URL {
    let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwordDatabaseHome()
    return URL(fileURLWithPath: user ?? "/", isDirectory: true)
  }
}
