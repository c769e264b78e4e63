import Foundation

extension UserConfig {
  /// The config file's path: `REHEARSE_CONFIG` when set and not empty, else
  /// `$XDG_CONFIG_HOME/rehearse/config.toml`, else `$HOME/.config/rehearse/config.toml` (with the
  /// password database's home folder when `HOME` is unset or empty).
  ///
  /// Unlike the cache, the config file does not move with `REHEARSE_HOME`: a data folder set
  /// apart keeps the user's defaults (tests point `REHEARSE_CONFIG` at a file of their own).
  public static func path(
    environment: [String: String],
    passwordDatabaseHome: () -> String? = RehearseHome.passwordDatabaseHome
  ) -> String {
    if let named = environment["REHEARSE_CONFIG"], !named.isEmpty { return named }
    let base =
      RehearseHome.xdgFolder("XDG_CONFIG_HOME", environment: environment)
      ?? RehearseHome.userHome(environment: environment, passwordDatabaseHome: passwordDatabaseHome)
      .appendingPathComponent(".config")
    return base.appendingPathComponent("rehearse/config.toml").path
  }
}
