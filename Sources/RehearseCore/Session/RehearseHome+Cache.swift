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
    cacheLocation(environment: environment, passwordDatabaseHome: passwordDatabaseHome).folder
  }

  /// The cache folder (`cacheFolder(environment:)`) and the variable that chose it:
  /// `XDG_CACHE_HOME`, `REHEARSE_HOME` or `HOME`.
  public static func cacheLocation(
    environment: [String: String],
    passwordDatabaseHome: () -> String? = RehearseHome.passwordDatabaseHome
  ) -> (folder: URL, chosenBy: String) {
    if let cache = xdgFolder("XDG_CACHE_HOME", environment: environment) {
      return (cache.appendingPathComponent("rehearse", isDirectory: true), "XDG_CACHE_HOME")
    }
    if let home = environment["REHEARSE_HOME"], !home.isEmpty {
      return (
        URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(cacheName),
        "REHEARSE_HOME"
      )
    }
    return (
      userHome(environment: environment, passwordDatabaseHome: passwordDatabaseHome)
        .appendingPathComponent(".cache/rehearse", isDirectory: true), "HOME"
    )
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
