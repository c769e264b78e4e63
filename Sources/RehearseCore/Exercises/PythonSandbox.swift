import CSandbox
import Foundation

/// Where a Python run is confined: a fresh folder, an environment of a few fixed variables, its
/// own session killed whole, and where the system allows, no network, no view of the user's
/// files or processes, and another user.
///
/// Each run starts (through `csandbox_spawn`) in a new session and process group, with standard
/// input, output and error and one result descriptor (3) only, and is killed as a group at its
/// wall-clock limit and again after it ends, so no process it started outlives it. Then, in the
/// order the system allows:
///
/// - Run by root: in new mount, network, IPC and PID namespaces, as `nobody` with no
///   supplementary groups. The network is a loopback interface that is down. The whole file
///   system is read-only and nosuid, `covers` (the user's home, `REHEARSE_HOME`, the temporary
///   folder, `/root`, `/home`, `/tmp`, `/var/tmp`, `/dev/shm`, `/run`, `/proc`) are empty, and the
///   working folder is a fresh tmpfs of `workBytes`; the interpreter's installation is shown
///   again read-only when it lies inside a cover (`keeps(for:)`). The program is the first
///   process of its PID namespace: it sees no other process, and when it ends every process in
///   the namespace ends.
/// - Run by another user where unprivileged user namespaces are allowed: the same, in a user
///   namespace mapping the user to itself (no capability after exec); the user stays the same,
///   so folders outside the covers that the user can read stay readable (read-only).
/// - Without namespaces (a container that forbids them): the file system as it is; root still
///   runs the code as `nobody`, so the user's private files (0700 folders) stay out of reach,
///   but an unprivileged user's answer reads and writes what that user can.
///
/// Always: a seccomp filter (x86-64, arm64) refuses sockets, so there is no network even
/// without namespaces, and signals to, tracing of and memory reads from other processes, and
/// mount and namespace changes; the program cannot gain privileges (`no_new_privs`) and dies
/// with Rehearse; its parent is not dumpable (its `/proc/<pid>/environ` is unreadable); and the
/// harness denies it child processes (`RLIMIT_NPROC` 0) before any answer code runs.
struct PythonSandbox: Sendable {
  /// What a run reached on this machine.
  struct Isolation: OptionSet, Sendable, Equatable {
    let rawValue: Int32
    /// Own mount, network and IPC namespaces: no network, covers hidden, read-only elsewhere.
    static let namespaces = Isolation(rawValue: Int32(CSANDBOX_NAMESPACES))
    /// Started by root, run as `nobody`.
    static let droppedUser = Isolation(rawValue: Int32(CSANDBOX_DROPPED_USER))
    /// The namespaces through a user namespace.
    static let userNamespace = Isolation(rawValue: Int32(CSANDBOX_USER_NAMESPACE))
    /// A seccomp filter refuses sockets, signals to and tracing of other processes, and mounts.
    static let syscallFilter = Isolation(rawValue: Int32(CSANDBOX_SYSCALL_FILTER))
  }

  /// How one run ended and what it wrote.
  struct Run {
    /// What the program wrote on descriptor 3, at most the run's output limit.
    var output: Data
    /// Whether it wrote more than that (the rest was read and dropped).
    var outputOverflowed: Bool
    /// The end of what it wrote on standard error.
    var errors: String
    /// The signal that ended it, 0 when it exited.
    var signal: Int32
    /// Its exit status when it exited.
    var status: Int32
    /// Whether it was killed at the wall-clock limit.
    var timedOut: Bool
    var isolation: Isolation
  }

  /// Why a run could not start.
  enum SetupError: Error, CustomStringConvertible {
    /// No private temporary folder could be made; the system's reason.
    case noTemporaryFolder(String)
    /// The sandbox or the program could not be started: at which step, and the system's reason.
    case cannotStart(step: String, reason: String)
    /// Run by root, the sandbox runs the program as `nobody`, who may not reach it (such as a
    /// `python3` installed in root's home, where namespaces are not there to show it again).
    case programOutOfReach(program: String, reason: String)

    var description: String {
      switch self {
      case .noTemporaryFolder(let reason): "no temporary folder (\(reason))"
      case .cannotStart(let step, let reason): "the sandbox could not \(step) (\(reason))"
      case .programOutOfReach(let program, let reason):
        "the sandbox runs Python as nobody, who cannot run \(program) (\(reason)); set "
          + "REHEARSE_PYTHON to a Python 3 every user can run, such as /usr/bin/python3"
      }
    }
  }

  /// The name every run folder starts with, in the temporary folder.
  static let folderPrefix = "rehearse-python-"

  /// Folders hidden from the run, resolved, in the order they are covered.
  var covers: [String]
  /// Where run folders are made.
  var temporaryFolder: String
  /// Who runs the code when Rehearse runs as root.
  var user: uid_t
  var group: gid_t
  /// The size of the working folder's tmpfs.
  var workBytes = 64 << 20

  /// The sandbox for a process with `environment`: it covers that environment's home, data
  /// folder (`RehearseHome`), cache folder, config folder and temporary folder, and the system's shared writable and
  /// per-user folders.
  static func forEnvironment(_ environment: [String: String]) -> PythonSandbox {
    func value(_ name: String) -> String? {
      environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
    let home = value("HOME") ?? RehearseHome.passwordDatabaseHome() ?? NSHomeDirectory()
    let data = RehearseHome.resolve(environment: environment, passwordDatabaseHome: { home }).path
    let cache = RehearseHome.cacheFolder(environment: environment, passwordDatabaseHome: { home })
      .path
    // The config file's own folder when XDG_CONFIG_HOME places it outside the home; a file
    // REHEARSE_CONFIG names may sit in any folder, which is not covered for it.
    let config = RehearseHome.xdgFolder("XDG_CONFIG_HOME", environment: environment)
      .map { $0.appendingPathComponent("rehearse").path }
    let temporary = value("TMPDIR") ?? "/tmp"
    let wanted =
      [
        home, data, cache, temporary, "/root", "/home", "/tmp", "/var/tmp", "/dev/shm", "/run",
        "/proc",
      ] + (config.map { [$0] } ?? [])
    var covers: [String] = []
    for path in wanted.map(resolved) where isCoverable(path) && !covers.contains(path) {
      covers.append(path)
    }
    var user: uid_t = 65534
    var group: gid_t = 65534
    if let entry = getpwnam("nobody") {
      user = entry.pointee.pw_uid
      group = entry.pointee.pw_gid
    }
    return PythonSandbox(
      covers: covers, temporaryFolder: temporary, user: user, group: group)
  }

  /// Folders that must stay visible for the system to work, and so are never covered (nor is
  /// any folder holding one, such as `/` for a home of `/`).
  private static let systemFolders = [
    "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/dev", "/opt",
    "/nix", "/var", "/sys", "/snap",
  ]

  private static func isCoverable(_ path: String) -> Bool {
    path.hasPrefix("/")
      && !systemFolders.contains {
        $0 == path || $0.hasPrefix(path.hasSuffix("/") ? path : path + "/")
      }
  }

  /// `path` with symbolic links resolved when it exists (mounts follow them), else as written.
  static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else {
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    defer { free(real) }
    return String(cString: real)
  }

  /// The folders that show `program` again inside the covers: the folder holding it when it is a
  /// symbolic link, else its installation (the folder above its `bin`); and the installation of
  /// the file it resolves to. A folder that would show a cover again is left out.
  func keeps(for program: String) -> [String] {
    let written = URL(fileURLWithPath: program).standardizedFileURL.path
    var status = stat()
    let isLink = lstat(written, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    func parent(_ path: String, _ levels: Int) -> String {
      var url = URL(fileURLWithPath: path)
      for _ in 0..<levels { url.deleteLastPathComponent() }
      return url.path
    }
    let candidates = [
      parent(written, isLink ? 1 : 2), parent(Self.resolved(program), 2),
    ]
    var keeps: [String] = []
    for keep in candidates where !keeps.contains(keep) {
      let inside = covers.contains { keep.hasPrefix($0 + "/") }
      let showsCover = covers.contains { $0 == keep || $0.hasPrefix(keep + "/") }
      if inside && !showsCover { keeps.append(keep) }
    }
    return keeps
  }

  /// Runs `program` in a fresh folder (its working folder, `HOME` and `TMPDIR`) with
  /// `environment` and nothing else, `input` on its standard input, for at most `seconds`;
  /// collects what it writes on descriptor 3 (up to `outputLimit` bytes) and the end of its
  /// standard error. The folder is removed afterwards, however the run ended.
  func run(
    program: String, arguments: [String], environment: [String: String], input: Data,
    seconds: Double, outputLimit: Int
  ) throws -> Run {
    var template = Array((temporaryFolder + "/" + Self.folderPrefix + "XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw SetupError.noTemporaryFolder(String(cString: strerror(errno)))
    }
    let folder = String(cString: made)
    defer { Self.removeTree(folder) }
    // Used as it is where namespaces are not available: then it must be the runner's own.
    if geteuid() == 0 { _ = chown(folder, user, group) }
    var variables = environment
    variables["HOME"] = folder
    variables["TMPDIR"] = folder
    let process = try SandboxedProcess.start(
      sandbox: self, program: program, arguments: [program] + arguments,
      environment: variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
      folder: folder, keeps: keeps(for: program))
    return process.collect(input: input, seconds: seconds, outputLimit: outputLimit)
  }

  /// Removes `path` and everything in it, making each folder writable first (an answer may
  /// leave a folder it made unreadable); symbolic links are removed, never followed.
  static func removeTree(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    if status.st_mode & S_IFMT == S_IFDIR {
      _ = chmod(path, 0o700)
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      for entry in entries { removeTree(path + "/" + entry) }
      _ = rmdir(path)
    } else {
      _ = unlink(path)
    }
  }
}
