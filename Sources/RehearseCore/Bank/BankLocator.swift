import Foundation

/// Finds the bank to use: the one named, else the one shipped beside the program.
public enum BankLocator {
  /// Where an installed copy keeps its bank, relative to the folder of the executable.
  public static let installedRelativePath = "../share/rehearse"

  /// The bank folder.
  ///
  /// In order: `explicit` (`--bank`, or a command's DIR argument, as `explicitOrigin` says),
  /// `REHEARSE_BANK`, the checkout the executable was built in (found by walking up from it, which
  /// covers `swift run`), the installed location `<prefix>/share/rehearse` beside
  /// `<prefix>/bin/rehearse`, and the current folder and its parents.
  public static func locate(
    explicit: String?, explicitOrigin: String = "--bank", environment: [String: String],
    executablePath: String, currentDirectory: String
  ) throws(BankLocationError) -> URL {
    try locateWithOrigin(
      explicit: explicit, explicitOrigin: explicitOrigin, environment: environment,
      executablePath: executablePath, currentDirectory: currentDirectory
    ).folder
  }

  /// The bank folder, as `locate` finds it, with how it was found in words (`rehearse doctor`
  /// says it): `explicitOrigin`, `REHEARSE_BANK`, the checkout the program is in, installed
  /// beside the program, or the working folder or a folder above it.
  public static func locateWithOrigin(
    explicit: String?, explicitOrigin: String = "--bank", environment: [String: String],
    executablePath: String, currentDirectory: String
  ) throws(BankLocationError) -> (folder: URL, origin: String) {
    if let explicit {
      let url = absolute(explicit, in: currentDirectory)
      guard isBank(url) else { throw .notABank(path: explicit, source: explicitOrigin) }
      return (url, explicitOrigin)
    }
    if let variable = environment["REHEARSE_BANK"], !variable.isEmpty {
      let url = absolute(variable, in: currentDirectory)
      guard isBank(url) else { throw .notABank(path: variable, source: "REHEARSE_BANK") }
      return (url, "REHEARSE_BANK")
    }
    let executable = absolute(executablePath, in: currentDirectory).resolvingSymlinksInPath()
    let executableFolder = executable.deletingLastPathComponent()
    var searched: [String] = []
    let candidates =
      ancestors(of: executableFolder).map { ($0, "the checkout the program is in") }
      + [
        (
          executableFolder.appendingPathComponent(installedRelativePath).standardizedFileURL,
          "installed beside the program"
        )
      ]
      + ancestors(of: URL(fileURLWithPath: currentDirectory)).map {
        ($0, "the working folder or a folder above it")
      }
    for (candidate, origin) in candidates {
      if isBank(candidate) { return (candidate, origin) }
      if !searched.contains(candidate.path) { searched.append(candidate.path) }
    }
    throw .notFound(searched: searched)
  }

  /// Whether `url` holds a bank's two folders.
  public static func isBank(_ url: URL) -> Bool {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    for folder in [BankLoader.questionFolder, BankLoader.rubricFolder] {
      let path = url.appendingPathComponent(folder).path
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
      else { return false }
    }
    return true
  }

  private static func absolute(_ path: String, in directory: String) -> URL {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
    return url.standardizedFileURL
  }

  private static func ancestors(of url: URL) -> [URL] {
    var result: [URL] = []
    var current = url.standardizedFileURL
    while true {
      result.append(current)
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { break }
      current = parent
    }
    return result
  }
}
