import Foundation
import Testing

/// Runs the built `rehearse` binary the way a user or a script does.
struct RehearseProcess {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The repository, found from this source file.
  static let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return url
  }()

  /// The binary built beside the test bundle.
  static let executable: URL? = {
    let bundleFolder = Bundle.main.bundleURL
    let candidates = [
      bundleFolder.appendingPathComponent("rehearse"),
      bundleFolder.deletingLastPathComponent().appendingPathComponent("rehearse"),
      repository.appendingPathComponent(".build/debug/rehearse"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs the binary with `input` on standard input; standard output is captured, or goes to
  /// `output` when one is given (such as `/dev/full`).
  static func run(
    _ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:],
    in directory: URL? = nil, output outputFile: FileHandle? = nil
  ) throws -> Result {
    let executable = try #require(executable, "build the rehearse binary first")
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-home-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["REHEARSE_BANK"] = nil
    environment["REHEARSE_HOME"] = home.path
    environment["NO_COLOR"] = "1"
    isolate(&environment, home: home)
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = directory ?? repository
    let output = Pipe()
    let error = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = outputFile ?? output
    process.standardError = error
    process.standardInput = inputPipe
    // A child may stop reading early (an answer over the limit); that must not kill the tests.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    let writer = inputPipe.fileHandleForWriting
    let feeding = Thread {
      if let input { try? writer.write(contentsOf: input) }
      try? writer.close()
    }
    feeding.start()
    if outputFile != nil { try output.fileHandleForWriting.close() }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  /// Keeps a run away from the user's own cache and config file: with `XDG_CACHE_HOME` unset
  /// the cache goes in the test's `REHEARSE_HOME`, and the config file is `home`'s
  /// `config.toml`, absent unless the test writes it.
  static func isolate(_ environment: inout [String: String], home: URL) {
    environment["XDG_CACHE_HOME"] = nil
    environment["REHEARSE_CONFIG"] = home.appendingPathComponent("config.toml").path
  }

  /// A copy of the shipped bank in a temporary folder.
  static func copyOfShippedBank() throws -> URL {
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-bank-copy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    for folder in ["question-bank", "rubrics"] {
      try FileManager.default.copyItem(
        at: repository.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
    }
    return copy
  }
}

@Suite("Command line")
struct CommandLineTests {
  // `bank test` runs here by the rubric alone: with meaning it embeds some 3,000 answers, which
  // `.ci/run` does once, on the shipped bank, as its own step.
  @Test("bank lint and bank test pass on the shipped bank")
  func shippedBankIsClean() throws {
    let lint = try RehearseProcess.run(["bank", "lint"])
    #expect(lint.status == 0, "\(lint.standardError)")
    #expect(lint.standardOutput.contains(": ok"))
    let test = try RehearseProcess.run(["bank", "test", "--no-semantic"])
    #expect(test.status == 0, "\(test.standardOutput)")
    #expect(test.standardOutput.contains("all on their band"))
  }

  @Test("five planted errors give five file:line: lines and exit 65")
  func plantedErrors() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    let questions = bank.appendingPathComponent("question-bank/database-concepts.yaml")
    let rubrics = bank.appendingPathComponent("rubrics/database-concepts.yaml")
    var questionText = try String(contentsOf: questions, encoding: .utf8)
    var rubricText = try String(contentsOf: rubrics, encoding: .utf8)
    // 1: a misspelt key; 2: difficulty out of range.
    questionText = questionText.replacingOccurrences(
      of: "model_answer:", with: "model_anwser:", options: [],
      range: questionText.range(of: "model_answer:"))
    questionText = questionText.replacingOccurrences(
      of: "difficulty: 1", with: "difficulty: 7", options: [],
      range: questionText.range(of: "difficulty: 1"))
    // 3: a weight out of range; 4: an unknown band.
    rubricText = rubricText.replacingOccurrences(
      of: "weight: 2", with: "weight: 40", options: [], range: rubricText.range(of: "weight: 2"))
    rubricText = rubricText.replacingOccurrences(
      of: "band: weak", with: "band: terrible", options: [],
      range: rubricText.range(of: "band: weak"))
    // 5: a rubric whose question does not exist.
    rubricText +=
      "\ndbc-no-such-question:\n  points:\n    - label: Nothing\n      phrasings: [nothing]\n"
    try Data(questionText.utf8).write(to: questions)
    try Data(rubricText.utf8).write(to: rubrics)

    let result = try RehearseProcess.run(["bank", "lint", bank.path])
    #expect(result.status == 65)
    let located = result.standardError.split(separator: "\n").filter {
      $0.range(of: #"^/.+\.yaml:\d+: "#, options: .regularExpression) != nil
    }
    #expect(located.count == 5, "\(result.standardError)")
    #expect(
      result.standardError.contains("unknown key 'model_anwser' (did you mean 'model_answer'?)"))
    #expect(result.standardError.contains("rehearse: error: the bank has 5 problems"))
  }

  @Test("bank test exits 1 and lists, with file and line, an example off its band")
  func bankTestFailure() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    let rubrics = bank.appendingPathComponent("rubrics/database-concepts.yaml")
    let text = try String(contentsOf: rubrics, encoding: .utf8)
    let weak = try #require(text.range(of: "band: weak"))
    let line = text[..<weak.lowerBound].filter { $0 == "\n" }.count + 1
    try Data(text.replacingCharacters(in: weak, with: "band: strong").utf8).write(to: rubrics)

    let result = try RehearseProcess.run(["bank", "test", bank.path, "--no-semantic"])
    #expect(result.status == 1)
    let failures = result.standardOutput.split(separator: "\n").filter {
      $0.contains(": strong example scored")
    }
    #expect(failures.count == 1, "\(result.standardOutput)")
    #expect(
      failures.first?.hasPrefix("\(rubrics.path):\(line): ") == true, "\(result.standardOutput)")
    #expect(result.standardOutput.contains("1 off their band"))
  }

  @Test("a folder that is not a bank exits 66")
  func notABank() throws {
    let result = try RehearseProcess.run(["bank", "lint", "/nonexistent"])
    #expect(result.status == 66)
    #expect(
      result.standardError
        == "rehearse: error: the DIR argument names /nonexistent, which has no question-bank/ "
        + "and rubrics/ folders\n")
    let option = try RehearseProcess.run(["bank", "lint", "--bank", "/nonexistent"])
    #expect(option.status == 66)
    #expect(option.standardError.hasPrefix("rehearse: error: --bank names /nonexistent,"))
  }

  @Test("score --format json prints the DESIGN.md keys")
  func scoreJSON() throws {
    let bank = try RehearseProcess.run([
      "bank", "show", "dbc-sharding-vs-partitioning", "--format", "json",
    ])
    #expect(bank.status == 0, "\(bank.standardError)")
    let shown = try #require(
      try JSONSerialization.jsonObject(with: Data(bank.standardOutput.utf8)) as? [String: Any])
    let modelAnswer = try #require(shown["model_answer"] as? String)
    #expect(shown["rubric"] is [String: Any])
    #expect((shown["hints"] as? [String])?.isEmpty == false)

    let result = try RehearseProcess.run(
      ["score", "dbc-sharding-vs-partitioning", "--format", "json"], input: Data(modelAnswer.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let scored = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(scored["question"] as? String == "dbc-sharding-vs-partitioning")
    #expect(scored["band"] as? String == "strong")
    #expect((scored["score"] as? Int).map { $0 >= 70 } == true)
    let hits = try #require(scored["hits"] as? [[String: Any]])
    #expect(!hits.isEmpty)
    #expect(hits.allSatisfy { ($0["evidence"] as? [String])?.isEmpty == false })
    #expect(scored["misses"] is [Any])
    #expect(scored["misconceptions"] is [Any])
  }

  @Test("score reads --answer-file and rejects binary, oversized and missing answers")
  func scoreInputs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehearse-answers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("answer.txt")
    try Data("Both are about indexes.".utf8).write(to: text)
    let weak = try RehearseProcess.run([
      "score", "dbc-sharding-vs-partitioning", "--answer-file", text.path,
    ])
    #expect(weak.status == 0)
    #expect(weak.standardOutput.contains("weak"))

    let binary = folder.appendingPathComponent("binary.bin")
    try Data([0x41, 0x0A, 0x42, 0x0A, 0x00, 0xFF]).write(to: binary)
    let refused = try RehearseProcess.run([
      "score", "dbc-sharding-vs-partitioning", "--answer-file", binary.path,
    ])
    #expect(refused.status == 65)
    #expect(
      refused.standardError
        == "rehearse: error: \(binary.path):3: not UTF-8 text (a NUL byte or an invalid byte "
        + "sequence)\n")

    let huge = folder.appendingPathComponent("huge.txt")
    try Data(String(repeating: "sharding splits data\n", count: 50_000).utf8).write(to: huge)
    let tooLarge = try RehearseProcess.run([
      "score", "dbc-sharding-vs-partitioning", "--answer-file", huge.path,
    ])
    #expect(tooLarge.status == 65)
    #expect(
      tooLarge.standardError.contains("\(huge.path):3121: longer than the limit of 64 KiB"))

    let piped = try RehearseProcess.run(
      ["score", "dbc-sharding-vs-partitioning"],
      input: Data(String(repeating: "x", count: 1_048_576).utf8))
    #expect(piped.status == 65)
    #expect(piped.standardError.contains("<stdin>:1: longer than the limit of 64 KiB"))

    let missing = try RehearseProcess.run([
      "score", "dbc-sharding-vs-partitioning", "--answer-file", "/nonexistent/answer",
    ])
    #expect(missing.status == 66)
  }

  @Test("an unknown question id is bad usage with a suggestion")
  func unknownID() throws {
    let result = try RehearseProcess.run(
      ["score", "dbc-sharding-vs-partitionin"], input: Data("x".utf8))
    #expect(result.status == 64)
    #expect(result.standardError.contains("did you mean 'dbc-sharding-vs-partitioning'?"))
  }

  @Test("bank list and stats print the DESIGN.md JSON shapes")
  func listAndStats() throws {
    let list = try RehearseProcess.run(["bank", "list", "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
    #expect(rows.count >= 35)
    // DESIGN.md's shape, with `source` ("bank", or "own" for the user's own questions).
    #expect(
      rows.allSatisfy {
        Set($0.keys) == ["id", "component", "kind", "difficulty", "prompt", "source"]
      })
    #expect(rows.allSatisfy { $0["source"] as? String == "bank" })

    let stats = try RehearseProcess.run(["bank", "stats", "--format", "json"])
    let counts = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
    let components = try #require(counts["components"] as? [String: Int])
    #expect(components.count == 7)
    #expect(components.values.allSatisfy { $0 >= 5 })
    #expect(counts["questions"] as? Int == rows.count)
    #expect(counts["kinds"] is [String: Int])

    let filtered = try RehearseProcess.run([
      "bank", "list", "--component", "ci-cd", "--format", "json",
    ])
    let ciRows = try #require(
      try JSONSerialization.jsonObject(with: Data(filtered.standardOutput.utf8)) as? [[String: Any]]
    )
    #expect(ciRows.count == components["ci-cd"])
  }

  @Test("the bank is found from another folder through REHEARSE_BANK and --bank")
  func bankLocation() throws {
    let elsewhere = FileManager.default.temporaryDirectory
    let viaVariable = try RehearseProcess.run(
      ["bank", "stats"], environment: ["REHEARSE_BANK": RehearseProcess.repository.path],
      in: elsewhere)
    #expect(viaVariable.status == 0)
    let viaFlag = try RehearseProcess.run(
      ["bank", "stats", "--bank", "/nonexistent"], in: elsewhere)
    #expect(viaFlag.status == 66)
    #expect(viaFlag.standardError.contains("--bank names /nonexistent"))
  }
}
