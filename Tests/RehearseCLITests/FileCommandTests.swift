import Foundation
import Testing

@Suite("Files given to and written by the command line")
struct FileCommandTests {
  @Test(
    "a folder where a file is expected is named as a folder, exit 66",
    arguments: [
      ["score", "dbc-sharding-vs-partitioning", "--answer-file"], ["story", "add", "--from"],
      ["eval"],
    ])
  func folderAsFile(command: [String]) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-folder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try RehearseProcess.run(command + [folder.path])
    #expect(result.status == 66)
    #expect(
      result.standardError.contains("\(folder.path) is a folder, not a file\n"),
      "\(result.standardError)")
    #expect(!result.standardError.contains("NSCocoaErrorDomain"))
  }

  @Test("a missing story file is named without a made-up line")
  func missingStoryFile() throws {
    let result = try RehearseProcess.run(["story", "add", "--from", "/nonexistent/story.md"])
    #expect(result.status == 66)
    #expect(result.standardError == "/nonexistent/story.md: no such file\n")
  }

  @Test("an export to a full device exits 74, and the device is left as it was")
  func exportToFullDevice() throws {
    let home = SharedHome()
    defer { home.remove() }
    _ = try home.run(["ask", "dbc-sharding-vs-partitioning"], input: "Sharding splits data.\n.\n")
    let result = try home.run(["export", "last", "--format", "markdown", "--output", "/dev/full"])
    #expect(result.status == 74)
    #expect(result.standardError == "rehearse: error: /dev/full: No space left on device\n")
    var status = stat()
    #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test(
    "standard output that cannot be written exits 74 with the system's reason",
    arguments: [["bank", "list"], ["export", "last"]])
  func standardOutputFull(command: [String]) throws {
    let home = SharedHome()
    defer { home.remove() }
    if command.first == "export" {
      _ = try home.run(["ask", "dbc-sharding-vs-partitioning"], input: "Sharding.\n.\n")
    }
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try RehearseProcess.run(command, environment: home.environment, output: full)
    #expect(result.status == 74)
    #expect(
      result.standardError == "rehearse: error: standard output: No space left on device\n")
  }

  @Test("a session whose results cannot be written exits 74 once it ends, its answers saved")
  func sessionOutputFull() throws {
    let home = SharedHome()
    defer { home.remove() }
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try RehearseProcess.run(
      ["ask", "dbc-sharding-vs-partitioning"], input: Data("Sharding splits data.\n.\n".utf8),
      environment: home.environment, output: full)
    #expect(result.status == 74)
    #expect(
      result.standardError.hasSuffix("rehearse: error: standard output: No space left on device\n"))
    #expect(try home.savedAnswers().map(\.text) == ["Sharding splits data."])
  }
}
