import Foundation
import RehearseCore
import Testing

/// Long output at a terminal goes through `$PAGER`; anywhere else, or with `--no-pager`, it is
/// printed directly; and it is laid out for the width it is read at.
@Suite("Pager and width from the command line", .serialized)
struct PagerCommandTests {
  /// A pager that records what it is given in `$PAGER_RECORD` and says so on the terminal.
  struct RecordingPager {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-pager-\(UUID().uuidString)")
    var script: URL { folder.appendingPathComponent("record-pager") }
    var record: URL { folder.appendingPathComponent("paged.txt") }

    init() throws {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(
        "#!/bin/sh\ncat > \"$PAGER_RECORD\"\necho \"pager got $(wc -l < \"$PAGER_RECORD\") lines\"\n"
          .utf8
      )
      .write(to: script)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    var environment: [String: String] { ["PAGER": script.path, "PAGER_RECORD": record.path] }

    /// What the pager was given, or `nil` when it never ran.
    var paged: String? {
      (try? Data(contentsOf: record)).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() {
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// A home with a saved session of two answers, for `review` to show.
  static func homeWithSession() throws -> SharedHome {
    let home = SharedHome()
    _ = try FeedbackCommandTests.saveSession(in: home)
    return home
  }

  /// Runs `arguments` on a pseudo-terminal until the program exits, which it must do by itself
  /// (not by a signal) with status 0.
  static func runAtTerminal(
    _ arguments: [String], home: SharedHome, environment: [String: String]
  ) throws -> PseudoTerminalSession {
    let session = try PseudoTerminalSession(arguments, home: home, environment: environment)
    let status = session.exitStatus()
    #expect(session.process.terminationReason == .exit, "not killed by a signal (SIGPIPE)")
    #expect(status == 0, "\(session.screen)")
    return session
  }

  @Test("review at a terminal goes through $PAGER, laid out for the terminal's width")
  func reviewThroughPager() throws {
    let home = try Self.homeWithSession()
    let pager = try RecordingPager()
    defer {
      home.remove()
      pager.remove()
    }
    let session = try Self.runAtTerminal(
      ["review", "last"], home: home, environment: pager.environment)
    let paged = try #require(pager.paged, "the pager ran")
    #expect(paged.contains("Session 1") && paged.contains("Model answer"))
    #expect(session.waitFor("pager got"))
    #expect(!session.screen.contains("Model answer"), "nothing was printed past the pager")
    // The terminal is 120 columns: the lines are wrapped at the 100 columns that reading caps.
    let widest = paged.split(separator: "\n").map(\.count).max() ?? 0
    #expect(widest <= 100 && widest > 80, "widest line \(widest)")
  }

  @Test("--no-pager, PAGER=cat and an empty PAGER print directly at a terminal")
  func noPager() throws {
    let home = try Self.homeWithSession()
    let pager = try RecordingPager()
    defer {
      home.remove()
      pager.remove()
    }
    let variants: [([String], [String: String])] = [
      (["review", "last", "--no-pager"], pager.environment),
      (["review", "last"], ["PAGER": "cat"]),
      (["review", "last"], ["PAGER": ""]),
    ]
    for (arguments, environment) in variants {
      let session = try Self.runAtTerminal(arguments, home: home, environment: environment)
      #expect(session.waitFor("Model answer"), "\(arguments) \(environment)")
    }
    #expect(pager.paged == nil, "the pager never ran")
  }

  @Test("without a terminal the output is printed directly, whatever PAGER says")
  func pipedOutputIsNotPaged() throws {
    let home = try Self.homeWithSession()
    let pager = try RecordingPager()
    defer {
      home.remove()
      pager.remove()
    }
    for arguments in [
      ["review", "last"], ["history"], ["bank", "show", FeedbackCommandTests.openID],
    ] {
      let result = try RehearseProcess.run(
        arguments, environment: home.environment.merging(pager.environment) { $1 })
      #expect(result.status == 0, "\(result.standardError)")
      #expect(!result.standardOutput.isEmpty)
    }
    #expect(pager.paged == nil, "the pager never ran")
  }

  @Test("a pager that cannot be started leaves the output printed directly")
  func missingPager() throws {
    let home = try Self.homeWithSession()
    defer { home.remove() }
    let session = try Self.runAtTerminal(
      ["review", "last"], home: home,
      environment: ["PAGER": "/nonexistent/pager-\(UUID().uuidString)"])
    #expect(session.waitFor("Model answer"))
  }

  @Test("a pager quit before it read everything ends the output quietly, with status 0")
  func pagerQuitEarly() throws {
    let home = SharedHome()
    defer { home.remove() }
    // Far more than a pipe holds, to a pager that reads nothing: writing meets EPIPE.
    let session = try Self.runAtTerminal(
      ["bank", "list", "--format", "json"], home: home, environment: ["PAGER": "true"])
    #expect(!session.screen.contains("error"), "\(session.screen)")
  }

  @Test("piped output wraps to COLUMNS, and to 80 columns without it")
  func pipedWidth() throws {
    let home = try Self.homeWithSession()
    defer { home.remove() }
    for (columns, width) in [("60", 60), ("", 80)] {
      var environment = home.environment
      environment["COLUMNS"] = columns
      let result = try RehearseProcess.run(["review", "last"], environment: environment)
      #expect(result.status == 0, "\(result.standardError)")
      let lines = result.standardOutput.split(separator: "\n")
      // The SQL answer keeps its lines; everything else fits. (An empty COLUMNS is no width.)
      let query = try #require(try home.savedAnswers().last?.text)
      let code = Set(query.split(separator: "\n").map { "  " + $0 })
      let over = lines.filter { $0.count > width && !code.contains(String($0)) }
      #expect(over.isEmpty, "\(over)")
      #expect(lines.contains { $0.count > width - 12 }, "the lines use the width")
    }
  }
}
