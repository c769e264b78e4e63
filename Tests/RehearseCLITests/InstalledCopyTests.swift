import Foundation
import Testing

/// The built program copied into an installed layout in a temporary folder:
/// `<prefix>/bin/rehearse`, the shipped bank under `<prefix>/share/rehearse`, and a folder on
/// `PATH` holding only a link to the program, as `~/bin` or a package manager's shims do.
private struct InstalledCopy {
  let root: URL
  var links: URL { root.appendingPathComponent("links") }

  init() throws {
    let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-installed-\(UUID().uuidString)")
    let manager = FileManager.default
    let prefix = root.appendingPathComponent("prefix")
    let bin = prefix.appendingPathComponent("bin")
    let share = prefix.appendingPathComponent("share/rehearse")
    try manager.createDirectory(at: bin, withIntermediateDirectories: true)
    try manager.createDirectory(at: share, withIntermediateDirectories: true)
    try manager.createDirectory(at: links, withIntermediateDirectories: true)
    try manager.copyItem(at: executable, to: bin.appendingPathComponent("rehearse"))
    for folder in ["question-bank", "rubrics"] {
      try manager.copyItem(
        at: RehearseProcess.repository.appendingPathComponent(folder),
        to: share.appendingPathComponent(folder))
    }
    try manager.createSymbolicLink(
      at: links.appendingPathComponent("rehearse"),
      withDestinationURL: bin.appendingPathComponent("rehearse"))
  }

  /// Runs `rehearse ARGUMENTS` by name through the shell, from `/`, with only the links folder and
  /// the system's folders on `PATH`.
  func run(_ arguments: String, input: String = "") throws -> RehearseProcess.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "rehearse \(arguments)"]
    let home = root.appendingPathComponent("home")
    process.environment = [
      "PATH": "\(links.path):/usr/bin:/bin", "REHEARSE_HOME": home.path, "NO_COLOR": "1",
      "HOME": home.path,
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    let output = Pipe()
    let error = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = inputPipe
    try process.run()
    try inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try inputPipe.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RehearseProcess.Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("An installed copy, run by name from any folder")
struct InstalledCopyTests {
  @Test("bank stats and a piped one-question mock work from / through a link on PATH")
  func runsByName() throws {
    let copy = try InstalledCopy()
    defer { copy.remove() }
    let stats = try copy.run("bank stats")
    #expect(stats.status == 0, "\(stats.standardError)")
    #expect(stats.standardOutput.contains("database-concepts"))
    let mock = try copy.run(
      "mock --count 1 --component database-concepts --seed 1",
      input: "Sharding splits data across servers; partitioning splits one table.\n.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    #expect(mock.standardError.contains("Question 1 of 1"))
  }
}
