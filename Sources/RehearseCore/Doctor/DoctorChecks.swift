import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checks of `rehearse doctor`, one function each. None creates or changes a file: the bank
/// is loaded from its files without the cache, and folders are only looked at.
enum DoctorChecks {
  /// Where the bank is, how it was found, and whether it loads.
  static func bank(_ source: BankSource) -> DoctorCheck {
    let root: URL
    let foundBy: String
    do {
      (root, foundBy) = try source.locateWithOrigin()
    } catch {
      return DoctorCheck(
        name: "bank", status: .failed, summary: "not found",
        details: [error.description, "Give --bank DIR or set REHEARSE_BANK."],
        facts: [:])
    }
    var facts: [String: DoctorFact] = ["path": .text(root.path), "found_by": .text(foundBy)]
    do {
      let bank = try BankLoader(root: root).load()
      facts["questions"] = .number(bank.questions.count)
      return DoctorCheck(
        name: "bank", summary: "\(root.path) (\(foundBy)): \(bank.questions.count) questions",
        facts: facts)
    } catch {
      facts["problems"] = .number(error.problems.count)
      return DoctorCheck(
        name: "bank", status: .failed,
        summary:
          "\(root.path) (\(foundBy)) does not load: \(plural(error.problems.count, "problem"))",
        details: firstProblems(error.problems), facts: facts)
    }
  }

  /// The user's own bank: none yet, how many questions, or its problems (which commands show
  /// as warnings, leaving the broken files out).
  static func ownBank(_ source: BankSource) -> DoctorCheck {
    guard let own = source.ownBank else {
      return DoctorCheck(name: "own bank", summary: "none")
    }
    var facts: [String: DoctorFact] = ["path": .text(own.path)]
    let exists = [BankLoader.questionFolder, BankLoader.rubricFolder].contains {
      FileManager.default.fileExists(atPath: own.appendingPathComponent($0).path)
    }
    guard exists else {
      facts["questions"] = .number(0)
      facts["problems"] = .number(0)
      return DoctorCheck(
        name: "own bank", summary: "none yet ('rehearse bank add' adds one; \(own.path))",
        facts: facts)
    }
    guard let root = try? source.locate() else {
      return DoctorCheck(
        name: "own bank", status: .warning,
        summary: "\(own.path): not checked, as the bank is not found", facts: facts)
    }
    do {
      let bank = try BankLoader(root: root, ownRoot: own).load()
      let count = bank.questions.filter(\.isOwn).count
      facts["questions"] = .number(count)
      facts["problems"] = .number(0)
      return DoctorCheck(
        name: "own bank", summary: "\(own.path): \(plural(count, "question")), no problems",
        facts: facts)
    } catch {
      facts["problems"] = .number(error.problems.count)
      return DoctorCheck(
        name: "own bank", status: .warning,
        summary: "\(own.path): \(plural(error.problems.count, "problem")); commands leave the "
          + "files named out ('rehearse bank lint' checks them)",
        details: firstProblems(error.problems), facts: facts)
    }
  }

  /// The data folder: whether it exists and is private.
  static func data(_ home: URL) -> DoctorCheck {
    var facts: [String: DoctorFact] = ["path": .text(home.path)]
    guard let status = fileStatus(home.path) else {
      facts["exists"] = .flag(false)
      return DoctorCheck(
        name: "data",
        summary: "\(home.path): not created yet (the first command that saves "
          + "something makes it)", facts: facts)
    }
    facts["exists"] = .flag(true)
    let mode = status.st_mode & 0o7777
    facts["mode"] = .text(octal(mode))
    guard status.st_mode & S_IFMT == S_IFDIR else {
      return DoctorCheck(
        name: "data", status: .failed, summary: "\(home.path) is not a folder", facts: facts)
    }
    guard access(home.path, R_OK | W_OK | X_OK) == 0 else {
      return DoctorCheck(
        name: "data", status: .failed,
        summary: "\(home.path) (\(octal(mode))) cannot be read and written", facts: facts)
    }
    if mode & 0o077 != 0 {
      return DoctorCheck(
        name: "data", status: .warning,
        summary: "\(home.path) is \(octal(mode)): the next command tightens it to 0700",
        facts: facts)
    }
    return DoctorCheck(name: "data", summary: "\(home.path) (\(octal(mode)))", facts: facts)
  }

  /// The session store's schema.
  static func store(_ store: StoreInspection, home: URL) -> DoctorCheck {
    let path = home.appendingPathComponent(RehearseHome.databaseName).path
    var facts: [String: DoctorFact] = ["path": .text(path)]
    switch store {
    case .notCreated:
      return DoctorCheck(
        name: "store", summary: "not created yet (the first session makes it)", facts: facts)
    case .schema(let applied, let known, let newest):
      facts["schema_version"] = .number(applied)
      facts["latest_schema_version"] = .number(known)
      let state =
        applied == known ? "up to date" : "the next command brings it to v\(known)"
      return DoctorCheck(
        name: "store", summary: "\(path): schema v\(applied) (\(newest)), \(state)", facts: facts)
    case .newer(let applied, let known):
      facts["schema_version"] = .number(applied)
      facts["latest_schema_version"] = .number(known)
      return DoctorCheck(
        name: "store", status: .failed,
        summary: "\(path): schema v\(applied), newer than this version knows (v\(known)): "
          + "a newer Rehearse made it", facts: facts)
    case .unreadable(let reason):
      return DoctorCheck(
        name: "store", status: .failed, summary: "\(path) cannot be read: \(reason)",
        facts: facts)
    }
  }

  /// The cache folder: where it is and why, the copies in it and their format, and a cache
  /// folder an older version left in the data folder.
  static func cache(home: URL, environment: [String: String]) -> DoctorCheck {
    let (folder, chosenBy) = RehearseHome.cacheLocation(environment: environment)
    var facts: [String: DoctorFact] = [
      "path": .text(folder.path), "chosen_by": .text(chosenBy),
      "format_version": .number(Int(BankCache.formatVersion)),
    ]
    var details: [String] = []
    var status = DoctorStatus.ok
    var summary = "\(folder.path) (\(chosenBy))"
    if let folderStatus = fileStatus(folder.path) {
      let mode = folderStatus.st_mode & 0o7777
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter {
          $0.hasPrefix("bank-") && $0.hasSuffix(".cache")
        } ?? []
      let versions = Set(names.compactMap { copyVersion(folder.appendingPathComponent($0).path) })
      facts["exists"] = .flag(true)
      facts["mode"] = .text(octal(mode))
      facts["copies"] = .number(names.count)
      summary +=
        ", \(octal(mode)): \(plural(names.count, "bank copy", "bank copies")) (format "
        + "v\(BankCache.formatVersion)"
        + (versions.subtracting([BankCache.formatVersion]).isEmpty
          ? ")" : "; older copies are replaced when next used)")
    } else {
      facts["exists"] = .flag(false)
      facts["copies"] = .number(0)
      summary += ": not created yet (format v\(BankCache.formatVersion))"
    }
    let old = home.appendingPathComponent(RehearseHome.cacheName)
    if old.standardizedFileURL.path != folder.standardizedFileURL.path,
      fileStatus(old.path) != nil
    {
      status = .warning
      facts["stale_folder"] = .text(old.path)
      details.append(
        "\(old.path) is the cache folder of an older version, no longer used: it is safe to "
          + "delete")
    }
    return DoctorCheck(
      name: "cache", status: status, summary: summary, details: details, facts: facts)
  }

  /// The format version written at the start of a bank copy, `nil` when it is no copy.
  static func copyVersion(_ path: String) -> UInt32? {
    guard let status = fileStatus(path), status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return nil }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: BankCache.headerSize)).flatMap {
      BankCache.formatVersion(ofHeader: Array($0))
    }
  }

  /// The config file: found or not, its settings, its problems, and a default focus that is not
  /// saved.
  static func config(_ path: String, home: URL) -> DoctorCheck {
    var facts: [String: DoctorFact] = ["path": .text(path)]
    let config: UserConfig
    do {
      config = try UserConfig.load(path: path)
    } catch {
      facts["found"] = .flag(true)
      facts["valid"] = .flag(false)
      return DoctorCheck(
        name: "config", status: .failed,
        summary: "\(path) cannot be used: every command stops until it is fixed",
        details: [error.description], facts: facts)
    }
    guard config.file != nil else {
      facts["found"] = .flag(false)
      facts["valid"] = .flag(true)
      return DoctorCheck(
        name: "config", summary: "\(path): none (optional; see 'Configuration' in the README)",
        facts: facts)
    }
    facts["found"] = .flag(true)
    facts["valid"] = .flag(true)
    var settings: [String] = []
    if let minutes = config.minutes { settings.append("minutes = \(minutes)") }
    if let minutes = config.sessionMinutes { settings.append("session-minutes = \(minutes)") }
    if let pause = config.pause { settings.append("pause = \(pause)") }
    if let focus = config.focus { settings.append("focus = \"\(focus)\"") }
    if let color = config.color { settings.append("color = \"\(color.rawValue)\"") }
    var status = DoctorStatus.ok
    var details = config.warnings.map(\.description)
    if !details.isEmpty { status = .warning }
    if let focus = config.focus,
      !FileManager.default.fileExists(atPath: FocusLibrary(home: home).file(for: focus).path)
    {
      status = .failed
      details.append(
        "the focus '\(focus)' is not saved: mock, today and progress stop until it is "
          + "('rehearse recon FILE --save \(focus)'), or give --no-focus")
    }
    facts["problems"] = .number(details.count)
    return DoctorCheck(
      name: "config", status: status,
      summary: "\(path): "
        + (settings.isEmpty ? "no settings" : settings.joined(separator: ", ")),
      details: details, facts: facts)
  }

  /// Whether Python answers can run: the interpreter, its version, and the sandbox starting.
  static func python(_ checker: PythonChecker) -> DoctorCheck {
    var facts: [String: DoctorFact] = [:]
    var path = ""
    if case .found(let found) = checker.interpreter {
      path = found
      facts["path"] = .text(found)
    }
    switch checker.probe() {
    case .runs(let version):
      facts["version"] = .text(version)
      facts["sandbox"] = .flag(true)
      return DoctorCheck(
        name: "python3",
        summary: "\(path), Python \(version): Python answers run in the sandbox", facts: facts)
    case .missing(let reason):
      facts["sandbox"] = .flag(false)
      return DoctorCheck(
        name: "python3", status: .warning,
        summary: "not available: Python answers are scored by their rubrics alone",
        details: [reason], facts: facts)
    case .sandboxFails(let reason):
      facts["sandbox"] = .flag(false)
      return DoctorCheck(
        name: "python3", status: .warning,
        summary: "found, but it does not start in the sandbox: Python answers are scored by "
          + "their rubrics alone", details: [reason], facts: facts)
    }
  }

  // MARK: - Helpers

  private static func fileStatus(_ path: String) -> stat? {
    var status = stat()
    return stat(path, &status) == 0 ? status : nil
  }

  private static func octal(_ mode: mode_t) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) \(count == 1 ? one : many ?? one + "s")"
  }

  private static func firstProblems(_ problems: [BankProblem]) -> [String] {
    problems.prefix(5).map(\.description)
      + (problems.count > 5 ? ["… and \(problems.count - 5) more"] : [])
  }
}
