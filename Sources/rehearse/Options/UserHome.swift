import ArgumentParser
import Foundation
import RehearseCore

/// Where the user's data and cache are kept, from `REHEARSE_HOME`, the XDG variables and `HOME`.
enum UserHome {
  /// The folder, tightened (when it exists) to be private the first time a command names it
  /// (`RehearseHome.secure`).
  static let folder: URL = {
    let folder = RehearseHome.resolve(environment: ProcessInfo.processInfo.environment)
    RehearseHome.secure(folder)
    return folder
  }()

  /// The folder of the bank cache (`RehearseHome.cacheFolder(environment:)`).
  static let cacheFolder = RehearseHome.cacheFolder(
    environment: ProcessInfo.processInfo.environment)
}
