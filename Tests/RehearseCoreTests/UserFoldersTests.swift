import Foundation
import RehearseCore
import Testing

/// Where the cache folder and the config file are, for each combination of the variables that
/// place them.
@Suite("User folders")
struct UserFoldersTests {
  @Test(
    "the cache: XDG_CACHE_HOME, else a set-apart REHEARSE_HOME's cache, else HOME's .cache",
    arguments: [
      (["XDG_CACHE_HOME": "/x/cache", "REHEARSE_HOME": "/h", "HOME": "/u"], "/x/cache/rehearse"),
      (["XDG_CACHE_HOME": "/x/cache", "HOME": "/u"], "/x/cache/rehearse"),
      (["REHEARSE_HOME": "/h", "HOME": "/u", "XDG_DATA_HOME": "/d"], "/h/cache"),
      (["HOME": "/u", "XDG_DATA_HOME": "/d"], "/u/.cache/rehearse"),
      (["HOME": "/u", "XDG_CACHE_HOME": "relative/cache"], "/u/.cache/rehearse"),
      (["HOME": "/u", "XDG_CACHE_HOME": "", "REHEARSE_HOME": ""], "/u/.cache/rehearse"),
      (["HOME": ""], "/from-passwd/.cache/rehearse"),
      ([:], "/from-passwd/.cache/rehearse"),
    ])
  func cacheFolder(environment: [String: String], expected: String) {
    let folder = RehearseHome.cacheFolder(
      environment: environment, passwordDatabaseHome: { "/from-passwd" })
    #expect(folder.path == expected)
  }

  @Test("the data folder ignores a relative XDG_DATA_HOME, as the XDG specification says")
  func relativeDataHome() {
    let folder = RehearseHome.resolve(
      environment: ["XDG_DATA_HOME": "data", "HOME": "/u"], passwordDatabaseHome: { nil })
    #expect(folder.path == "/u/.local/share/rehearse")
  }

  @Test(
    "the config file: REHEARSE_CONFIG, else XDG_CONFIG_HOME's, else HOME's .config",
    arguments: [
      (["REHEARSE_CONFIG": "/t/c.toml", "XDG_CONFIG_HOME": "/x", "HOME": "/u"], "/t/c.toml"),
      (["XDG_CONFIG_HOME": "/x", "HOME": "/u"], "/x/rehearse/config.toml"),
      (["REHEARSE_CONFIG": "", "HOME": "/u"], "/u/.config/rehearse/config.toml"),
      (["XDG_CONFIG_HOME": "rel", "HOME": "/u"], "/u/.config/rehearse/config.toml"),
      (["REHEARSE_HOME": "/h", "HOME": "/u"], "/u/.config/rehearse/config.toml"),
      (["HOME": ""], "/from-passwd/.config/rehearse/config.toml"),
    ])
  func configPath(environment: [String: String], expected: String) {
    #expect(
      UserConfig.path(environment: environment, passwordDatabaseHome: { "/from-passwd" })
        == expected)
  }
}
