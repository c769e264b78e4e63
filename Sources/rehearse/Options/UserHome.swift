import ArgumentParser
import Foundation
import RehearseCore

/// Where the user's data is kept, from `REHEARSE_HOME` and the XDG variables.
enum UserHome {
  static var folder: URL {
    RehearseHome.resolve(
      environment: ProcessInfo.processInfo.environment,
      homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path)
  }
}
