import Foundation
import Testing

/// What one attack could reach, made for it and removed after: a store and a home readable by
/// anyone (the worst case: the sandbox alone must hide them), a secret in Rehearse's own
/// environment, a world-writable folder outside the temporary folders, a TCP and a Unix socket
/// listening, and a temporary folder of its own to look for leftover run folders in.
struct AttackScene {
  let user: AttackUser
  let base: URL
  let store: URL
  let home: URL
  let temporary: URL
  /// World-writable, and in none of the folders the sandbox covers: only its read-only file
  /// system keeps a write out.
  let outside: URL
  let marker: String
  let environmentSecret: String
  let storeSecret: String
  let storySecret: String
  let homeSecret: String
  let tcpListener: Int32
  let port: UInt16
  let unixListener: Int32
  let socketPath: String
  let storeBefore: [String: Data]

  init(user: AttackUser) throws {
    self.user = user
    let id = UUID().uuidString.lowercased()
    marker = "rehearse-attack-marker-" + id.replacingOccurrences(of: "-", with: "")
    environmentSecret = "env-secret-\(id)"
    storeSecret = "store-secret-\(id)"
    storySecret = "story-secret-\(id)"
    homeSecret = "home-secret-\(id)"
    let files = FileManager.default
    base = files.temporaryDirectory.appendingPathComponent("rehearse-attack-\(id)")
    store = base.appendingPathComponent("store")
    home = base.appendingPathComponent("home")
    temporary = base.appendingPathComponent("tmp")
    outside = RehearseProcess.repository.appendingPathComponent(".build/rehearse-attack-\(id)")
    for folder in [base, store, store.appendingPathComponent("stories"), home, temporary, outside] {
      try files.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = chmod(folder.path, 0o755)
    }
    _ = chmod(outside.path, 0o777)
    try Data("SQLite format 3 \(storeSecret)".utf8).write(
      to: store.appendingPathComponent("rehearse.sqlite"))
    try Data("# My conflict story\n\(storySecret)\n".utf8).write(
      to: store.appendingPathComponent("stories/conflict.md"))
    try Data("\(homeSecret)\n".utf8).write(to: home.appendingPathComponent(".private-notes"))
    if let cache = PythonAttackTests.warmCache {
      try? files.copyItem(at: cache, to: store.appendingPathComponent("cache"))
    }
    if user == .nobody {
      for folder in [store, home, temporary] { Self.giveToNobody(folder) }
    }
    storeBefore = Self.snapshot(store)
    (tcpListener, port) = try Self.listenOnLoopback()
    socketPath = outside.appendingPathComponent("a.sock").path
    unixListener = try Self.listenOnUnixSocket(socketPath)
  }

  /// The secrets no output may hold.
  var secrets: [String] { [environmentSecret, storeSecret, storySecret, homeSecret] }

  /// `source` with its placeholders filled, written where `rehearse` reads it.
  func answer(_ source: String, sentinel: Sentinel) -> URL {
    let text = source.replacingOccurrences(of: "{{MARKER}}", with: marker)
      .replacingOccurrences(of: "{{SENTINEL}}", with: String(sentinel.process.processIdentifier))
      .replacingOccurrences(of: "{{STORE}}", with: store.path)
      .replacingOccurrences(of: "{{HOME}}", with: home.path)
      .replacingOccurrences(of: "{{OUTSIDE}}", with: outside.path)
      .replacingOccurrences(of: "{{PORT}}", with: String(port))
      .replacingOccurrences(of: "{{SOCKET}}", with: socketPath)
    let file = base.appendingPathComponent("answer.py")
    try? Data(text.utf8).write(to: file)
    _ = chmod(file.path, 0o644)
    return file
  }

  /// `rehearse score QUESTION --answer-file ANSWER --format json`, as `user`.
  func score(_ answer: URL) throws -> RehearseProcess.Result {
    let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
    var environment = ProcessInfo.processInfo.environment
    environment["REHEARSE_BANK"] = nil
    environment["NO_COLOR"] = "1"
    environment["REHEARSE_HOME"] = store.path
    environment["HOME"] = home.path
    environment["XDG_CACHE_HOME"] = nil
    environment["XDG_CONFIG_HOME"] = nil
    environment["REHEARSE_CONFIG"] = nil
    environment["TMPDIR"] = temporary.path
    environment["REHEARSE_ATTACK_SECRET"] = environmentSecret
    let arguments = [
      "score", PythonAttackTests.question, "--answer-file", answer.path, "--format", "json",
    ]
    let process = Process()
    if user == .nobody {
      environment["REHEARSE_PYTHON"] = AttackUser.nobodyPython
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    process.environment = environment
    process.currentDirectoryURL = RehearseProcess.repository
    let output = base.appendingPathComponent("stdout")
    let errors = base.appendingPathComponent("stderr")
    try Data().write(to: output)
    try Data().write(to: errors)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    return RehearseProcess.Result(
      status: process.terminationStatus,
      standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
  }

  /// Whether every file of the store (its bank cache aside) is as it was, and none was added.
  func storeIsUnchanged() -> Bool {
    Self.snapshot(store) == storeBefore
  }

  /// Whether no attack file was written: not in the outside folder, nor in the shared
  /// temporary folders.
  func nothingWrittenOutside() -> Bool {
    let written = (try? FileManager.default.contentsOfDirectory(atPath: outside.path)) ?? []
    let shared = ["/tmp", "/var/tmp", "/dev/shm"].map { "\($0)/pwned-\(marker)" }
    return written == ["a.sock"] && !shared.contains { FileManager.default.fileExists(atPath: $0) }
  }

  /// Whether anything connected to the TCP or the Unix listener.
  func listenersWereReached() -> Bool {
    [tcpListener, unixListener].contains { listener in
      let connection = accept(listener, nil, nil)
      if connection >= 0 { close(connection) }
      return connection >= 0
    }
  }

  /// The run folders left in the temporary folder.
  func runFoldersLeft() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [])
      .filter { $0.hasPrefix("rehearse-python-") }
  }

  /// The processes whose command line holds the marker: `pgrep -f MARKER`.
  func processesLeft() -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    process.arguments = ["-f", marker]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return Self.scanProcesses(for: marker) }
    let found = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: found, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// A process of the same user as `rehearse`, which an attack must not be able to kill.
  func startSentinel() throws -> Sentinel {
    let process = Process()
    if user == .nobody {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "60"]
    } else {
      process.executableURL = URL(fileURLWithPath: "/bin/sleep")
      process.arguments = ["60"]
    }
    try process.run()
    return Sentinel(process: process)
  }

  func remove() {
    close(tcpListener)
    close(unixListener)
    try? FileManager.default.removeItem(at: base)
    try? FileManager.default.removeItem(at: outside)
  }

  /// A process that must outlive the attack.
  struct Sentinel {
    let process: Process

    func isAlive() -> Bool { process.isRunning }

    func stop() {
      // SIGKILL: the test process may pass SIGTERM on ignored.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  private static func giveToNobody(_ folder: URL) {
    _ = chown(folder.path, 65534, 65534)
    let entries = FileManager.default.enumerator(atPath: folder.path)
    while let entry = entries?.nextObject() as? String {
      _ = chown(folder.appendingPathComponent(entry).path, 65534, 65534)
    }
  }

  private static func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let entries = FileManager.default.enumerator(atPath: folder.path)
    while let entry = entries?.nextObject() as? String {
      guard !entry.hasPrefix("cache") else { continue }
      files[entry] =
        FileManager.default.contents(
          atPath: folder.appendingPathComponent(entry).path) ?? Data()
    }
    return files
  }

  private static func scanProcesses(for marker: String) -> [String] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return pids.filter { pid in
      guard pid.allSatisfy(\.isNumber),
        let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
      else { return false }
      return String(decoding: line, as: UTF8.self).contains(marker)
    }
  }

  private static func listenOnLoopback() throws -> (Int32, UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(fd >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && Glibc.listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    try #require(bound)
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    return (fd, UInt16(bigEndian: address.sin_port))
  }

  private static func listenOnUnixSocket(_ path: String) throws -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    try #require(fd >= 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8CString)
    try #require(bytes.count <= MemoryLayout.size(ofValue: address.sun_path))
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in bytes.enumerated() { raw[index] = UInt8(bitPattern: byte) }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
          && Glibc.listen(fd, 16) == 0
      }
    }
    try #require(bound)
    _ = chmod(path, 0o777)
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    return fd
  }
}
