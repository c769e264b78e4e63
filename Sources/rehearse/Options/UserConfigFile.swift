import ArgumentParser
import Foundation
import RehearseCore

/// The user's config file (`UserConfig`), read once per run, before any command runs.
enum UserConfigFile {
  /// Where the file is looked for (`UserConfig.path(environment:)`).
  static let path = UserConfig.path(environment: ProcessInfo.processInfo.environment)

  /// The file's defaults, or why it cannot be used.
  static let loaded = Result { () throws(ConfigError) in try UserConfig.load(path: path) }

  /// The defaults to apply: the file's, or none when it cannot be used (a command never runs
  /// then: `requireValid()` stops it first).
  static var current: UserConfig { (try? loaded.get()) ?? UserConfig() }

  /// Stops the run with `rehearse: error: file:line: message` and exit 65 when the file cannot
  /// be used, so that no command runs on half a config; shows each unknown key as a warning.
  static func requireValid() throws {
    switch loaded {
    case .failure(let error):
      CommandRunner.printError("rehearse: error: \(TerminalText.safe(error.description))")
      throw ExitCode(error.exitStatus.rawValue)
    case .success(let config):
      for warning in config.warnings {
        CommandRunner.printError("rehearse: warning: \(TerminalText.safe(warning.description))")
      }
    }
  }
}
