import Foundation

/// Where to find the bank, as the command line and the environment say.
public struct BankSource: Sendable {
  /// `--bank DIR` or a command's own `DIR` argument.
  public var explicitPath: String?
  /// Where `explicitPath` came from, as messages name it: `--bank`, or the DIR argument.
  public var explicitOrigin: String
  public var environment: [String: String]
  public var executablePath: String
  public var currentDirectory: String
  /// Where a copy of the loaded bank is kept between runs (`REHEARSE_HOME/cache`); none when
  /// `nil`.
  public var cacheFolder: URL?

  public init(
    explicitPath: String?, explicitOrigin: String = "--bank", environment: [String: String],
    executablePath: String, currentDirectory: String, cacheFolder: URL? = nil
  ) {
    self.explicitPath = explicitPath
    self.explicitOrigin = explicitOrigin
    self.environment = environment
    self.executablePath = executablePath
    self.currentDirectory = currentDirectory
    self.cacheFolder = cacheFolder
  }

  /// The bank folder this source names.
  public func locate() throws(BankLocationError) -> URL {
    try BankLocator.locate(
      explicit: explicitPath, explicitOrigin: explicitOrigin, environment: environment,
      executablePath: executablePath, currentDirectory: currentDirectory)
  }

  /// Locates, loads and validates the bank.
  public func load() throws -> Bank {
    try load(root: locate())
  }

  /// Loads and validates the bank at `root`, through the cache when there is one.
  public func load(root: URL) throws(BankLoadFailure) -> Bank {
    guard let cacheFolder else { return try Bank.load(from: root) }
    // The program's own file, wherever it was started from.
    let program =
      FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : executablePath
    return try BankCache(folder: cacheFolder, executablePath: program).load(root: root)
  }
}
