import Foundation
import Testing

/// bash completing a `rehearse` command line the way it does on Tab: the script that
/// `rehearse --generate-completion-script bash` prints is sourced, with the built binary first on
/// `PATH` as `rehearse` (the script calls it back by that name), and the function it registered
/// for `rehearse` (read from `complete -p rehearse`) is called with `COMP_WORDS`, `COMP_CWORD`,
/// `COMP_LINE` and `COMP_POINT` set for the cursor at the end of the line.
struct BashCompletion {
  /// Holds `bin/rehearse` (a symbolic link to the built binary) and the script.
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-completion-\(UUID().uuidString)")

  var script: URL { folder.appendingPathComponent("rehearse.bash") }

  /// What bash runs: `$1` is the script, the other arguments the words of the command line.
  static let driver = """
    source "$1" || exit 1
    shift
    spec=$(complete -p rehearse) || exit 1
    function=${spec##* -F }
    function=${function%% *}
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    "$function" rehearse "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\\n' "${COMPREPLY[@]}"
    """

  struct Result {
    var candidates: [String]
    var standardError: String
  }

  init() throws {
    let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: bin.appendingPathComponent("rehearse"), withDestinationURL: executable)
    let generated = try RehearseProcess.run(["--generate-completion-script", "bash"])
    #expect(generated.status == 0, "\(generated.standardError)")
    try Data(generated.standardOutput.utf8).write(to: script)
  }

  /// The candidates bash offers for the last of `words` (`""` for Tab after a space), with
  /// `home` as `REHEARSE_HOME` and `directory` as the working folder.
  func complete(
    _ words: [String], home: SharedHome, in directory: URL? = nil,
    environment extra: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      ["--norc", "--noprofile", "-c", Self.driver, "bash", script.path] + words
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] =
      folder.appendingPathComponent("bin").path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["REHEARSE_HOME"] = home.url.path
    // No REHEARSE_BANK: the program, started by name through the link, finds the bank from its
    // own real path, as an installed copy does.
    environment["REHEARSE_BANK"] = nil
    environment["NO_COLOR"] = "1"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = directory ?? folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Result(
      candidates: String(decoding: outputData, as: UTF8.self).split(separator: "\n").map(
        String.init),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// One kind of value completed: what to do first in a new home, the words typed, and what bash
/// must offer.
struct CompletionCase: Sendable, CustomTestStringConvertible {
  var testDescription: String
  /// Commands run first, each with its standard input.
  var setup: [(arguments: [String], input: String?)] = []
  var words: [String]
  var expected: [String]
  /// Whether `expected` must be all that is offered, in that order, or only among it.
  var exact = true

  static let exampleDebrief = RehearseProcess.repository
    .appendingPathComponent("examples/debriefs/netease-technical.md").path
  static let jobDescription = RehearseProcess.repository
    .appendingPathComponent("examples/job-descriptions/netease-games-data-platform.md").path
  static let oneSession: (arguments: [String], input: String?) = (
    ["mock", "--count", "1", "--component", "database-concepts"], "Sharding splits data.\n.\n"
  )
  static let oneDebrief: (arguments: [String], input: String?) = (
    ["debrief", "add", "--from", exampleDebrief], nil
  )

  static let all: [CompletionCase] = [
    CompletionCase(
      testDescription: "a component for mock --component",
      words: ["rehearse", "mock", "--component", "data-"], expected: ["data-models"]),
    CompletionCase(
      testDescription: "a component for bank add --component",
      words: ["rehearse", "bank", "add", "--component", "cloud"], expected: ["cloud-platforms"]),
    CompletionCase(
      testDescription: "a tag for mock --tag",
      words: ["rehearse", "mock", "--tag", "kafk"], expected: ["kafka"], exact: false),
    CompletionCase(
      testDescription: "a question id for mock --question",
      words: ["rehearse", "mock", "--question", "dbc-sharding-v"],
      expected: ["dbc-sharding-vs-partitioning"]),
    CompletionCase(
      testDescription: "a question id for bank show",
      words: ["rehearse", "bank", "show", "dbc-sharding-v"],
      expected: ["dbc-sharding-vs-partitioning"]),
    CompletionCase(
      testDescription: "a story slug for story show, after adding a story",
      setup: [(["story", "add", "--from", exampleStory.path], nil)],
      words: ["rehearse", "story", "show", "con"], expected: ["control-tower-pipeline"]),
    CompletionCase(
      testDescription: "a session id for review, after a piped mock",
      setup: [oneSession], words: ["rehearse", "review", ""], expected: ["last", "1"]),
    CompletionCase(
      testDescription: "sessions and debriefs for export",
      setup: [oneSession, oneDebrief], words: ["rehearse", "export", ""],
      expected: ["last", "1", "d1"]),
    CompletionCase(
      testDescription: "a debrief id for debrief show",
      setup: [oneDebrief], words: ["rehearse", "debrief", "show", ""], expected: ["last", "d1"]),
    CompletionCase(
      testDescription: "a debrief id for debrief rm",
      setup: [oneDebrief], words: ["rehearse", "debrief", "rm", ""], expected: ["d1"]),
    CompletionCase(
      testDescription: "the question numbers of the debrief named for debrief promote",
      setup: [oneDebrief],
      words: ["rehearse", "debrief", "promote", "--no-edit", "d1", ""],
      expected: ["1", "2", "3", "4"]),
    CompletionCase(
      testDescription: "a focus name for mock --focus, after recon --save",
      setup: [(["recon", jobDescription, "--save", "netease"], nil)],
      words: ["rehearse", "mock", "--focus", "ne"], expected: ["netease"]),
    CompletionCase(
      testDescription: "a focus name for recon show",
      setup: [(["recon", jobDescription, "--save", "netease"], nil)],
      words: ["rehearse", "recon", "show", ""], expected: ["netease"]),
    CompletionCase(
      testDescription: "files for score --answer-file",
      words: ["rehearse", "score", "dbc-sharding-vs-partitioning", "--answer-file", "answer."],
      expected: ["answer.txt"]),
    CompletionCase(
      testDescription: "folders, not files, for bank lint DIR",
      words: ["rehearse", "bank", "lint", "an"], expected: ["answers"]),
  ]
}

@Suite("Shell completion", .serialized)
struct CompletionCommandTests {
  @Test("bash completion of 'rehearse ask dbc-sh' offers dbc-sharding-vs-partitioning")
  func askQuestionID() throws {
    let bash = try BashCompletion()
    let home = SharedHome()
    defer {
      bash.remove()
      home.remove()
    }
    let result = try bash.complete(["rehearse", "ask", "dbc-sh"], home: home)
    #expect(result.candidates.contains("dbc-sharding-vs-partitioning"), "\(result)")
    #expect(result.candidates.allSatisfy { $0.hasPrefix("dbc-sh") })
    #expect(result.standardError.isEmpty)
  }

  @Test("completion knows the data", arguments: CompletionCase.all)
  func completes(_ example: CompletionCase) throws {
    let bash = try BashCompletion()
    let home = SharedHome()
    defer {
      bash.remove()
      home.remove()
    }
    for step in example.setup {
      let result = try home.run(step.arguments, input: step.input)
      #expect(result.status == 0, "\(step.arguments): \(result.standardError)")
    }
    // A working folder holding a file and a folder whose names start with "answer".
    let directory = bash.folder.appendingPathComponent("work")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("answers"), withIntermediateDirectories: true)
    try Data("An answer.".utf8).write(to: directory.appendingPathComponent("answer.txt"))
    let result = try bash.complete(example.words, home: home, in: directory)
    if example.exact {
      #expect(result.candidates == example.expected)
    } else {
      #expect(Set(example.expected).isSubset(of: result.candidates), "\(result.candidates)")
      #expect(result.candidates.allSatisfy { $0.hasPrefix(example.words.last ?? "") })
    }
    #expect(result.standardError.isEmpty)
  }

  @Test("a broken bank completes nothing and prints nothing, exit 0")
  func brokenBank() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    let bash = try BashCompletion()
    let home = SharedHome()
    defer {
      try? FileManager.default.removeItem(at: bank)
      bash.remove()
      home.remove()
    }
    let questions = bank.appendingPathComponent("question-bank/database-concepts.yaml")
    try Data("questions: [\n".utf8).write(to: questions)
    let result = try bash.complete(
      ["rehearse", "ask", "dbc-sh"], home: home, environment: ["REHEARSE_BANK": bank.path])
    #expect(result.candidates.isEmpty)
    #expect(result.standardError.isEmpty)
    let direct = try RehearseProcess.run(
      ["---completion", "ask", "--", "positional@0", "2", "6", "rehearse", "ask", "dbc-sh"],
      environment: ["REHEARSE_BANK": bank.path, "REHEARSE_HOME": home.url.path])
    #expect(direct.status == 0)
    #expect(direct.standardOutput.isEmpty && direct.standardError.isEmpty)
  }

  @Test("--bank on the line is the bank completed from")
  func bankOption() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    let bash = try BashCompletion()
    let home = SharedHome()
    defer {
      try? FileManager.default.removeItem(at: bank)
      bash.remove()
      home.remove()
    }
    let questions = bank.appendingPathComponent("question-bank/database-concepts.yaml")
    let text = try String(contentsOf: questions, encoding: .utf8)
    try Data(
      text.replacingOccurrences(
        of: "id: dbc-sharding-vs-partitioning", with: "id: dbc-sharding-elsewhere"
      ).utf8
    ).write(to: questions)
    let rubrics = bank.appendingPathComponent("rubrics/database-concepts.yaml")
    let rubricText = try String(contentsOf: rubrics, encoding: .utf8)
    try Data(
      rubricText.replacingOccurrences(
        of: "dbc-sharding-vs-partitioning:", with: "dbc-sharding-elsewhere:"
      ).utf8
    ).write(to: rubrics)
    let result = try bash.complete(
      ["rehearse", "score", "--bank", bank.path, "dbc-sharding-"], home: home)
    #expect(result.candidates == ["dbc-sharding-elsewhere"])
  }

  @Test("completing sessions in a home that does not exist creates nothing")
  func absentHome() throws {
    let bash = try BashCompletion()
    let home = SharedHome()
    defer {
      bash.remove()
      home.remove()
    }
    for words in [
      ["rehearse", "review", ""], ["rehearse", "story", "show", ""],
      ["rehearse", "ask", "dbc-sh"],
    ] {
      _ = try bash.complete(words, home: home)
    }
    #expect(!FileManager.default.fileExists(atPath: home.url.path))
  }

  @Test("zsh and fish scripts are generated and call rehearse back", arguments: ["zsh", "fish"])
  func otherShells(_ shell: String) throws {
    let result = try RehearseProcess.run(["--generate-completion-script", shell])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("---completion ask -- positional@0"))
    #expect(result.standardOutput.contains("---completion mock -- --focus"))
  }
}
