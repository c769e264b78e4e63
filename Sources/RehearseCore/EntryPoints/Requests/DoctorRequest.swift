import Foundation

/// The `rehearse doctor` request: everything it looks at, found the way the other commands
/// find it.
public struct DoctorRequest: Sendable {
  /// The bank as the command line and environment name it; its cache folder is not used (the
  /// doctor loads the bank from its files and writes no copy).
  public var bank: BankSource
  /// The data folder (`RehearseHome.resolve`).
  public var home: URL
  /// The config file's path (`UserConfig.path`).
  public var configPath: String
  /// The environment the locations came from, to find the cache folder
  /// (`RehearseHome.cacheLocation`) and say which variable chose each.
  public var environment: [String: String]
  /// The session store as the store module found it, without creating it.
  public var store: StoreInspection
  /// What runs Python answers.
  public var python: PythonChecker
  public var format: OutputFormat
  public var style: TextStyle
  /// Whether the config file leaves reading answers by meaning on.
  public var semantic: Bool

  public init(
    bank: BankSource, home: URL, configPath: String,
    environment: [String: String], store: StoreInspection, python: PythonChecker,
    format: OutputFormat = .text, style: TextStyle = .plain, semantic: Bool = true
  ) {
    self.semantic = semantic
    self.bank = bank
    self.home = home
    self.configPath = configPath
    self.environment = environment
    self.store = store
    self.python = python
    self.format = format
    self.style = style
  }
}
