import Foundation

/// Where to find the bank, as the command line and the environment say.
public struct BankSource: Sendable {
  /// `--bank DIR` or a command's own `DIR` argument.
  public var explicitPath: String?
  /// Where `explicitPath` came from, as messages name it: `--bank`, or the DIR argument.
  public var explicitOrigin: String
  public var environment: [String: String]
  /// The running program's real path (`ProgramPath.current()`): the bank installed beside it is
  /// found from it, and the bank cache is keyed to it.
  public var executablePath: String
  public var currentDirectory: String
  /// Where a copy of the loaded bank is kept between runs (`REHEARSE_HOME/cache`); none when
  /// `nil`.
  public var cacheFolder: URL?
  /// The user's own bank (`REHEARSE_HOME/bank`), merged with the located one; none when `nil`
  /// (a command's own DIR argument, and tests).
  public var ownBank: URL?
  /// Shows one `file:line: message` about the own bank when it is left out in part
  /// (`load()`); the strict load (`loadStrict()`) throws instead.
  public var warn: @Sendable (String) -> Void

  public init(
    explicitPath: String?, explicitOrigin: String = "--bank", environment: [String: String],
    executablePath: String, currentDirectory: String, cacheFolder: URL? = nil,
    ownBank: URL? = nil, warn: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.ownBank = ownBank?.standardizedFileURL
    self.warn = warn
    self.explicitPath = explicitPath
    self.explicitOrigin = explicitOrigin
    self.environment = environment
    self.executablePath = executablePath
    self.currentDirectory = currentDirectory
    self.cacheFolder = cacheFolder
  }

  /// The bank folder this source names.
  public func locate() throws(BankLocationError) -> URL {
    try locateWithOrigin().folder
  }

  /// The bank folder this source names, with how it was found (`BankLocator.locateWithOrigin`).
  public func locateWithOrigin() throws(BankLocationError) -> (folder: URL, origin: String) {
    try BankLocator.locateWithOrigin(
      explicit: explicitPath, explicitOrigin: explicitOrigin, environment: environment,
      executablePath: executablePath, currentDirectory: currentDirectory)
  }

  /// Locates, loads and validates the bank, merged with the own bank.
  ///
  /// A broken own-bank file never takes the bank down: each of its problems is shown through
  /// `warn`, and the bank is loaded without the own files found broken (`tolerantLoad`).
  public func load() throws -> Bank {
    try load(root: locate())
  }

  /// Locates, loads and validates the bank merged with the own bank, throwing every problem of
  /// either: what `bank lint` and `bank test` check.
  public func loadStrict() throws -> Bank {
    try loadFiles(root: locate(), ownRoot: ownBank)
  }

  /// Loads and validates the bank at `root` and the own bank, through the cache when there is
  /// one; a problem of the own bank is shown, not thrown.
  public func load(root: URL) throws(BankLoadFailure) -> Bank {
    guard let ownBank else { return try loadFiles(root: root, ownRoot: nil) }
    do {
      return try loadFiles(root: root, ownRoot: ownBank)
    } catch {
      // The bank alone must load: if it does not, its own problems are the ones to report.
      let shipped = try loadFiles(root: root, ownRoot: nil)
      for problem in error.problems { warn(problem.description) }
      let count = error.problems.count
      warn(
        "rehearse: warning: your own bank has \(count) problem\(count == 1 ? "" : "s"); the "
          + "files named are left out until they are fixed ('rehearse bank lint' checks them)")
      return ownFilesLeftOut(root: root, firstFailure: error).bank ?? shipped
    }
  }

  /// The own files a load leaves out: each round leaves out the own files a problem names (a
  /// broken question's rubric file is then an orphan, named by the next round) until the bank
  /// with the rest loads, or a problem names no own file. `firstFailure` is the first round's,
  /// when it was loaded already.
  public func brokenOwnFiles(root: URL, firstFailure: BankLoadFailure? = nil) -> Set<String> {
    ownFilesLeftOut(root: root, firstFailure: firstFailure).skipping
  }

  /// `brokenOwnFiles`, with the bank the last round loaded without them (`nil` when no round
  /// loaded), so that a tolerant load does not parse it once more.
  private func ownFilesLeftOut(root: URL, firstFailure: BankLoadFailure?) -> (
    skipping: Set<String>, bank: Bank?
  ) {
    guard let ownBank else { return ([], nil) }
    let prefix = ownBank.path + "/"
    var skipping: Set<String> = []
    var failure = firstFailure
    while true {
      if failure == nil {
        do {
          let bank = try BankLoader(root: root, ownRoots: [ownBank], skipping: skipping).load()
          return (skipping, bank)
        } catch {
          failure = error
        }
      }
      let named = Set(
        (failure?.problems ?? []).compactMap { $0.location?.file }.filter { $0.hasPrefix(prefix) })
      guard !named.isEmpty, !named.isSubset(of: skipping) else { return (skipping, nil) }
      skipping.formUnion(named)
      failure = nil
    }
  }

  private func loadFiles(root: URL, ownRoot given: URL?) throws(BankLoadFailure) -> Bank {
    // An own bank with neither folder (no own question yet) is no own bank: the bank is loaded,
    // and cached, exactly as without one, so homes that share a cache folder share its copy.
    let ownRoot = given.flatMap { folder in
      [BankLoader.questionFolder, BankLoader.rubricFolder].contains {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
      } ? folder : nil
    }
    guard let cacheFolder else { return try BankLoader(root: root, ownRoot: ownRoot).load() }
    return try BankCache(folder: cacheFolder, executablePath: executablePath).load(
      root: root, ownRoot: ownRoot)
  }
}
