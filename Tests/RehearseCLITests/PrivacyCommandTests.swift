import Foundation
import RehearseCore
import Testing

/// Runs `rehearse` with `arguments` through `/bin/sh` under umask 000, with only `environment`
/// (and `PATH`) set, from the repository; returns its status and standard error.
private func runUnderOpenUmask(_ arguments: [String], environment: [String: String]) throws
  -> (status: Int32, standardOutput: String, standardError: String)
{
  let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", "umask 000 && exec \"$0\" \"$@\"", executable.path] + arguments
  var variables = environment
  variables["PATH"] = ProcessInfo.processInfo.environment["PATH"]
  variables["NO_COLOR"] = "1"
  process.environment = variables
  process.currentDirectoryURL = RehearseProcess.repository
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: outputData, as: UTF8.self),
    String(decoding: errorData, as: UTF8.self)
  )
}

/// Every entry under `folder` (itself included), with its type and permission bits.
private func modes(under folder: URL) -> [(path: String, isFolder: Bool, mode: mode_t)] {
  var found: [(String, Bool, mode_t)] = []
  var status = stat()
  if lstat(folder.path, &status) == 0 {
    found.append((folder.path, true, status.st_mode & 0o7777))
  }
  let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
  for name in names {
    let path = folder.appendingPathComponent(name).path
    guard lstat(path, &status) == 0 else { continue }
    found.append((path, (status.st_mode & S_IFMT) == S_IFDIR, status.st_mode & 0o7777))
  }
  return found
}

/// The entries under `folder` whose mode is not 0700 for a folder or 0600 for a file.
private func loose(under folder: URL) -> [String] {
  modes(under: folder).filter { $0.mode != ($0.isFolder ? 0o700 : 0o600) }.map {
    "\($0.path) \(String($0.mode, radix: 8))"
  }
}

@Suite("Private files from the command line", .serialized)
struct PrivacyCommandTests {
  /// The store with its WAL and shared memory, the locks, the cache, a story and two exports.
  @Test("under umask 000 every file Rehearse creates is 0600 and every folder 0700")
  func openUmask() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-privacy-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
    // A home whose parent is missing too: both are made.
    let data = scratch.appendingPathComponent("data")
    let home = SharedHome(url: data.appendingPathComponent("rehearse"))

    let session = try RunningSession(
      ["mock", "--count", "1", "--component", "database-concepts"], home: home, umask: "000")
    // While the session waits for its answer, the store is open in WAL mode.
    #expect(session.waitFor("Question 1 of 1", seconds: 60))
    let during = modes(under: data).map { URL(fileURLWithPath: $0.path).lastPathComponent }
    for name in [
      "rehearse.sqlite", "rehearse.sqlite-wal", "rehearse.sqlite-shm", "rehearse.sqlite.lock",
      "session-1.lock",
    ] {
      #expect(during.contains(name), "\(name) in \(during)")
    }
    #expect(during.contains { $0.hasPrefix("bank-") && $0.hasSuffix(".cache") })
    #expect(loose(under: data).isEmpty, "\(loose(under: data))")
    try session.send("Sharding splits data across separate servers.\n.\n")
    let ended = session.wait()
    #expect(ended.status == 0)

    let story = try runUnderOpenUmask(
      ["story", "add", "--from", "examples/stories/control-tower-pipeline.md"],
      environment: home.environment)
    #expect(story.status == 0, "\(story.standardError)")
    let newExport = scratch.appendingPathComponent("new.md").path
    let oldExport = scratch.appendingPathComponent("old.md").path
    try Data("shared".utf8).write(to: URL(fileURLWithPath: oldExport))
    #expect(chmod(oldExport, 0o644) == 0)
    for (path, format) in [(newExport, "markdown"), (oldExport, "html")] {
      let export = try runUnderOpenUmask(
        ["export", "last", "--format", format, "--output", path], environment: home.environment)
      #expect(export.status == 0, "\(export.standardError)")
    }

    let after = modes(under: data).map { URL(fileURLWithPath: $0.path).lastPathComponent }
    #expect(after.contains("control-tower-pipeline.md"), "\(after)")
    #expect(loose(under: data).isEmpty, "\(loose(under: data))")
    for path in [newExport, oldExport] {
      #expect(modes(under: URL(fileURLWithPath: path)).first?.mode == 0o600, "\(path)")
    }
  }

  @Test("a store and home left readable by an older version are tightened when next opened")
  func tightenedOnOpen() throws {
    let home = SharedHome()
    defer { home.remove() }
    _ = try home.run(["ask", "dbc-sharding-vs-partitioning"], input: "Sharding splits data.\n.\n")
    #expect(chmod(home.url.path, 0o755) == 0)
    #expect(chmod(home.databasePath, 0o644) == 0)
    let history = try home.run(["history"])
    #expect(history.status == 0)
    #expect(loose(under: home.url).isEmpty, "\(loose(under: home.url))")
  }

  @Test("the line history, left readable by others, is private again after a terminal session")
  func lineHistory() throws {
    let home = SharedHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let history = home.url.appendingPathComponent(RehearseHome.historyName).path
    try Data("an earlier line\n".utf8).write(to: URL(fileURLWithPath: history))
    #expect(chmod(history, 0o644) == 0)
    let session = try PseudoTerminalSession(
      ["ask", "dbc-sharding-vs-partitioning", "--minutes", "0.05"], home: home)
    #expect(session.waitFor("session "))
    #expect(session.exitStatus() == 0)
    #expect(try String(contentsOfFile: history, encoding: .utf8).contains("an earlier line"))
    #expect(loose(under: home.url).isEmpty, "\(loose(under: home.url))")
  }

  @Test("a cache edited by hand is ignored: the edited prompt is not shown, and it is rewritten")
  func editedCache() throws {
    let home = SharedHome()
    defer { home.remove() }
    let id = "dbc-sharding-vs-partitioning"
    let first = try home.run(["bank", "show", id, "--format", "json"])
    #expect(first.status == 0, "\(first.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
    let prompt = try #require(object["prompt"] as? String)
    let cacheFolder = home.url.appendingPathComponent(RehearseHome.cacheName)
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).first {
        $0.hasSuffix(".cache")
      })
    let cache = cacheFolder.appendingPathComponent(name)
    let original = [UInt8](try Data(contentsOf: cache))
    // The prompt replaced by text of the same length, as a hand edit would.
    let promptBytes = Array(prompt.utf8)
    let forged = Array(String(repeating: "X", count: promptBytes.count).utf8)
    let start = try #require(
      original.indices.first { original[$0...].starts(with: promptBytes) }, "the cache holds it")
    var edited = original
    edited.replaceSubrange(start..<start + promptBytes.count, with: forged)
    try Data(edited).write(to: cache)

    let second = try home.run(["bank", "show", id, "--format", "json"])
    #expect(second.status == 0)
    #expect(second.standardOutput.contains(String(decoding: forged, as: UTF8.self)) == false)
    #expect(second.standardOutput == first.standardOutput)
    #expect([UInt8](try Data(contentsOf: cache)) == original, "the copy is written again")
  }

  @Test("HOME sets the default cache folder; the password database is read only without it")
  func homeVariable() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-user-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
    let result = try runUnderOpenUmask(["bank", "stats"], environment: ["HOME": scratch.path])
    #expect(result.status == 0, "\(result.standardError)")
    // The cache is HOME's .cache/rehearse (XDG_CACHE_HOME unset), beside no data folder: a
    // command that saves nothing makes none.
    let cache = scratch.appendingPathComponent(".cache/rehearse")
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 1)
    #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent(".local").path))
    // Every folder made on the way to the cache is private.
    for folder in [".cache", ".cache/rehearse"] {
      #expect(
        modes(under: scratch.appendingPathComponent(folder)).first?.mode == 0o700, "\(folder)")
    }
  }
}
