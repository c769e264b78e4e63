import Foundation
import RehearseCore
import RehearseStore
import Testing

/// A temporary `REHEARSE_HOME` shared by several runs of the binary.
struct SharedHome {
  let url: URL

  /// A home at `url`, by default a new folder name in the temporary folder.
  init(
    url: URL = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-cli-home-\(UUID().uuidString)")
  ) {
    self.url = url
  }

  var environment: [String: String] {
    ["REHEARSE_HOME": url.path, "REHEARSE_CONFIG": configPath]
  }
  /// The config file of runs in this home (`RehearseProcess.isolate`): absent until a test
  /// writes it.
  var configPath: String { url.appendingPathComponent("config.toml").path }
  var databasePath: String { url.appendingPathComponent(RehearseHome.databaseName).path }

  func run(_ arguments: [String], input: String? = nil) throws -> RehearseProcess.Result {
    try RehearseProcess.run(arguments, input: input.map { Data($0.utf8) }, environment: environment)
  }

  /// The answers saved so far in the newest session, read through the store.
  func savedAnswers() throws -> [AnswerRecord] {
    guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
    return (try? SessionStore(path: databasePath).transcript("last").answers) ?? []
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// A `rehearse` process fed through a pipe that stays open, so the test decides when it ends.
final class RunningSession: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let outputPipe = Pipe()
  private let errors = Pipe()
  private let lock = NSLock()
  private var conversation = Data()
  private var results = Data()
  private var resultsEnded = false

  /// Starts `rehearse` with `arguments`; with `umask`, through `/bin/sh`, which sets it first.
  init(_ arguments: [String], home: SharedHome, umask mask: String? = nil) throws {
    let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
    if let mask {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "umask \(mask) && exec \"$0\" \"$@\"", executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    var environment = ProcessInfo.processInfo.environment
    environment["REHEARSE_BANK"] = nil
    environment["NO_COLOR"] = "1"
    environment["REHEARSE_HOME"] = home.url.path
    RehearseProcess.isolate(&environment, home: home.url)
    process.environment = environment
    process.currentDirectoryURL = RehearseProcess.repository
    process.standardInput = input
    process.standardOutput = outputPipe
    process.standardError = errors
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // Piped, the session's questions and prompts go to standard error: kept as they come, so
    // the test can wait for them.
    let reading = errors.fileHandleForReading
    Thread { [weak self] in
      while true {
        let chunk = reading.availableData
        if chunk.isEmpty { break }
        guard let self else { break }
        self.lock.lock()
        self.conversation.append(chunk)
        self.lock.unlock()
      }
    }.start()
    // The feedback, on standard output, as it comes: a driver reads it before its next answer.
    let resultsReading = outputPipe.fileHandleForReading
    Thread { [weak self] in
      while true {
        let chunk = resultsReading.availableData
        guard let self else { break }
        self.lock.lock()
        if chunk.isEmpty { self.resultsEnded = true } else { self.results.append(chunk) }
        self.lock.unlock()
        if chunk.isEmpty { break }
      }
    }.start()
  }

  /// What the session has written to standard output so far.
  var output: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: results, as: UTF8.self)
  }

  /// What the session has written to standard error so far (questions, notices, errors).
  var conversationText: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: conversation, as: UTF8.self)
  }

  /// Waits until the session has written `text` to standard output (feedback, the summary).
  func waitForOutput(_ text: String, seconds: Double = 15) -> Bool {
    eventually(within: seconds) { output.contains(text) }
  }

  func send(_ text: String) throws {
    try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
  }

  /// Waits until the session has written `text` to standard error (a question, a notice).
  func waitFor(_ text: String, seconds: Double = 15) -> Bool {
    eventually(within: seconds) {
      lock.lock()
      defer { lock.unlock() }
      return String(decoding: conversation, as: UTF8.self).contains(text)
    }
  }

  /// Waits for the process to end and returns its status and standard output.
  func wait() -> (status: Int32, reason: Process.TerminationReason, output: String) {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    _ = eventually(within: 10) {
      lock.lock()
      defer { lock.unlock() }
      return resultsEnded
    }
    return (process.terminationStatus, process.terminationReason, output)
  }
}

/// Polls `condition` every 50 ms for up to `seconds`.
func eventually(within seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if try condition() { return true }
    usleep(50_000)
  }
  return try condition()
}

@Suite("Mock sessions from the command line", .serialized)
struct SessionCommandTests {
  @Test("piped answers end at '.', are saved, and review last shows both with scores")
  func pipedSession() throws {
    let home = SharedHome()
    defer { home.remove() }
    let mock = try home.run(
      ["mock", "--count", "2", "--component", "database-concepts"],
      input: "first answer\n.\nsecond answer\n.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    #expect(mock.standardError.contains("Question 1 of 2"), "questions go to standard error")
    #expect(!mock.standardOutput.contains("Question 1 of 2"), "standard output stays clean")
    #expect(mock.standardOutput.contains("Session 1 summary"))

    let review = try home.run(["review", "last", "--format", "json"])
    #expect(review.status == 0, "\(review.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(review.standardOutput.utf8)) as? [String: Any])
    let answers = try #require(object["answers"] as? [[String: Any]])
    #expect(answers.map { $0["answer"] as? String } == ["first answer", "second answer"])
    #expect(answers.allSatisfy { $0["score"] is Int && $0["outcome"] as? String == "answered" })
    #expect(answers.allSatisfy { ($0["component"] as? String) == "database-concepts" })
    #expect(object["complete"] as? Bool == true)

    let history = try home.run(["history", "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [[String: Any]])
    #expect(rows.count == 1)
    for key in ["id", "started", "components", "answers", "mean_score", "complete"] {
      #expect(rows.first?[key] != nil, "\(key)")
    }
  }

  @Test("a session killed with SIGKILL after two answers keeps exactly those two, and resumes")
  func killedSession() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try RunningSession(["mock", "--seed", "11"], home: home)
    try session.send("Sharding splits data across separate servers.\n.\n")
    try session.send("ETL transforms before loading.\n.\n")
    #expect(try eventually { try home.savedAnswers().count == 2 })
    try session.send("a third answer still being typed")
    // The third question is asked: the session is reading its answer when it is killed.
    #expect(session.waitFor("Question 3 of 7"))
    kill(session.process.processIdentifier, SIGKILL)
    let ended = session.wait()
    #expect(ended.reason == .uncaughtSignal)

    #expect(try home.savedAnswers().count == 2)
    let history = try home.run(["history", "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [[String: Any]])
    #expect(rows.first?["answers"] as? Int == 2)
    #expect(rows.first?["complete"] as? Bool == false)
    let review = try home.run(["review", "last"])
    #expect(review.status == 0)
    #expect(review.standardOutput.contains("cut off"))
    #expect(review.standardOutput.contains("Sharding splits data across separate servers."))

    let resumed = try home.run(["mock", "--resume"], input: ".\n.\n.\n.\n.\n")
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardError.contains("Resuming session 1"))
    #expect(resumed.standardError.contains("Question 3 of 7"))
    let answers = try home.savedAnswers()
    #expect(answers.map(\.position) == Array(0..<7))
    #expect(answers.dropFirst(2).allSatisfy { $0.outcome == .skipped })
  }

  @Test("SIGTERM saves the unfinished answer as interrupted and exits 143")
  func terminated() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try RunningSession(["mock", "--count", "3"], home: home)
    try session.send("one\n.\nhalf of the second")
    #expect(try eventually { try home.savedAnswers().count == 1 })
    // The second question is asked: the session is reading the half-typed answer.
    #expect(session.waitFor("Question 2 of 3"))
    session.process.terminate()
    let ended = session.wait()
    #expect(ended.status == 143)
    let answers = try home.savedAnswers()
    #expect(answers.map(\.outcome) == [.answered, .interrupted])
    #expect(answers.last?.text == "half of the second")
    #expect(ended.output.contains("Continue it with: rehearse mock --resume"))
  }

  @Test("a binary paste and a 1 MB answer are saved as text within the limit, with a notice")
  func hostileAnswers() throws {
    let home = SharedHome()
    defer { home.remove() }
    var input = Data("abc\u{0}".utf8) + Data([0xFF, 0xFE]) + Data(" def\n.\n".utf8)
    input += Data(repeating: UInt8(ascii: "w"), count: 1_048_576) + Data("\n.\n".utf8)
    let result = try RehearseProcess.run(
      ["mock", "--count", "2", "--component", "ci-cd"], input: input,
      environment: home.environment)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("bytes that are not text"))
    #expect(result.standardError.contains("longer than 65536 bytes"))
    let answers = try home.savedAnswers()
    #expect(answers.first?.text == "abc\u{FFFD}\u{FFFD} def")
    #expect(answers.count == 2)
    #expect((answers.last?.text.utf8.count ?? 0) <= AnswerInput.maximumBytes)
    #expect((answers.last?.text.utf8.count ?? 0) > 60_000)
  }

  @Test("exports: Markdown on standard output, HTML to a file, written whole")
  func exports() throws {
    let home = SharedHome()
    defer { home.remove() }
    _ = try home.run(
      ["ask", "dbc-sharding-vs-partitioning"],
      input: "Sharding <script>alert(1)</script> splits data across separate servers.\n.\n")
    let markdown = try home.run(["export", "last", "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.standardOutput.hasPrefix("# Rehearse session 1"))
    let file = home.url.appendingPathComponent("session.html")
    let html = try home.run(["export", "1", "--format", "html", "--output", file.path])
    #expect(html.status == 0, "\(html.standardError)")
    #expect(html.standardOutput.isEmpty)
    let page = try String(contentsOf: file, encoding: .utf8)
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!page.contains("<script"))
    #expect(page.contains("<svg"))
    let unwritable = try home.run(
      ["export", "--format", "json", "--output", "/nonexistent-folder/x.json"])
    #expect(unwritable.status == 73)
    #expect(unwritable.standardError.contains("/nonexistent-folder/x.json"))
  }

  @Test(
    "bad usage exits 64 with a message",
    arguments: [
      ["mock", "--count", "0"], ["mock", "--minutes", "0"], ["mock", "--difficulty", "4"],
      ["mock", "--resume", "--count", "2"], ["review", "42"], ["ask", "no-such-question"],
      ["export", "--format", "text"],
    ])
  func badUsage(arguments: [String]) throws {
    let home = SharedHome()
    defer { home.remove() }
    let result = try home.run(arguments, input: "")
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.contains("rehearse: error:") || result.standardError.contains("Error:"))
  }

  @Test("--resume with nothing to resume exits 66; a damaged store exits 65 and is left alone")
  func missingAndDamaged() throws {
    let home = SharedHome()
    defer { home.remove() }
    let nothing = try home.run(["mock", "--resume"], input: "")
    #expect(nothing.status == 66)
    #expect(nothing.standardError.contains("no unfinished session"))

    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let garbage = Data(repeating: 0x5A, count: 8192)
    try FileManager.default.removeItem(atPath: home.databasePath)
    try garbage.write(to: URL(fileURLWithPath: home.databasePath))
    let mock = try home.run(["mock"], input: "an answer\n.\n")
    #expect(mock.status == 65)
    #expect(mock.standardError.contains(home.databasePath))
    #expect(try Data(contentsOf: URL(fileURLWithPath: home.databasePath)) == garbage)
  }
}
