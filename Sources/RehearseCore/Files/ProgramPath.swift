import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the running program's own file is, so that an installed copy finds the bank installed
/// beside it.
///
/// The name it was started by (`argv[0]`) is no path when it was found on `PATH` (`rehearse`), and
/// a path relative to a folder the user may since have left; the kernel's own record of the
/// program (`/proc/self/exe` on Linux) is neither, and already has its symbolic links resolved.
public enum ProgramPath {
  /// The real path of the running program: the kernel's record where there is one, else the name
  /// it was started by, looked up on `PATH` when it holds no `/`, with symbolic links resolved.
  public static func current(
    arguments: [String] = CommandLine.arguments,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> String {
    if let path = kernelRecord() { return path }
    return resolve(
      invokedAs: arguments.first ?? "", environment: environment,
      currentDirectory: currentDirectory)
  }

  /// The real path of a program started as `name`: a name holding a `/` is taken from
  /// `currentDirectory`, a bare name is the first executable file of that name on `PATH`;
  /// symbolic links are resolved, so a link on `PATH` to an installed program names the
  /// installed file. A name found nowhere is returned as it is.
  public static func resolve(
    invokedAs name: String, environment: [String: String], currentDirectory: String
  ) -> String {
    guard !name.isEmpty else { return name }
    if name.contains("/") {
      let url =
        name.hasPrefix("/")
        ? URL(fileURLWithPath: name)
        : URL(fileURLWithPath: currentDirectory).appendingPathComponent(name)
      return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
    let folders = (environment["PATH"] ?? "").split(
      separator: ":", omittingEmptySubsequences: false)
    for folder in folders {
      // An empty entry of PATH is the current folder, as the shell reads it.
      let base = folder.isEmpty ? currentDirectory : String(folder)
      let candidate = URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, access(candidate.path, X_OK) == 0
      {
        return resolve(
          invokedAs: candidate.path, environment: environment, currentDirectory: currentDirectory)
      }
    }
    return name
  }

  /// The program's file as the kernel records it (`/proc/self/exe`), when the system keeps one.
  private static func kernelRecord() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    buffer[count] = 0
    return String(cString: buffer)
  }
}
