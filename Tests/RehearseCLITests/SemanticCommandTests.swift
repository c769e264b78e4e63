import Foundation
import Testing

/// The semantic signal from the command line: on by default, off with `--no-semantic` or the
/// config file's `semantic = false`.
@Suite("Reading by meaning from the command line")
struct SemanticCommandTests {
  static let id = "dbc-batch-vs-stream-basics"
  /// Correct, in everyday words: the rubric alone scores it below what it says.
  static let answer = """
    One way waits and collects the data for a while, then crunches the whole pile in one go, say \
    every night, which is cheap and simple but the numbers are only as fresh as the last run. The \
    other way handles each record the moment it shows up, so dashboards are up to the second, but \
    it is harder to run because late or repeated records have to be dealt with as they come. Pick \
    the first when a daily report is fine and the second when someone has to react within \
    minutes, like fraud alerts.
    """

  func score(_ home: SharedHome, _ extra: [String] = []) throws -> [String: Any] {
    let result = try home.run(["score", Self.id, "--format", "json"] + extra, input: Self.answer)
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("score reads the answer by meaning and says how it moved the score")
  func onByDefault() throws {
    let home = SharedHome()
    defer { home.remove() }
    let report = try score(home)
    let semantic = try #require(report["semantic"] as? [String: Any])
    let rubricScore = try #require(semantic["rubric_score"] as? Int)
    #expect(try #require(report["score"] as? Int) > rubricScore)
    let text = try home.run(["score", Self.id], input: Self.answer)
    #expect(text.standardOutput.contains("Read by meaning"), "\(text.standardOutput)")
    #expect(text.standardOutput.contains("over the rubric's \(rubricScore)"))
  }

  @Test("--no-semantic and semantic = false score by the rubric alone")
  func offSwitch() throws {
    let home = SharedHome()
    defer { home.remove() }
    let rubricScore = try #require(
      (try score(home)["semantic"] as? [String: Any])?["rubric_score"] as? Int)
    let flagged = try score(home, ["--no-semantic"])
    #expect(flagged["semantic"] == nil)
    #expect(flagged["score"] as? Int == rubricScore)
    try Data("semantic = false\n".utf8).write(to: URL(fileURLWithPath: home.configPath))
    let configured = try score(home)
    #expect(configured["semantic"] == nil)
    #expect(configured["score"] as? Int == rubricScore)
  }

  @Test("a semantic key that is not true or false stops the command with file:line, exit 65")
  func badConfigValue() throws {
    let home = SharedHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    try Data("color = \"never\"\nsemantic = \"yes\"\n".utf8).write(
      to: URL(fileURLWithPath: home.configPath))
    let result = try home.run(["score", Self.id], input: Self.answer)
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(home.configPath):2:"), "\(result.standardError)")
  }

  @Test("a model that cannot be read: one warning, the rubric's score, exit 0")
  func missingModel() throws {
    let home = SharedHome()
    defer { home.remove() }
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    // A bank with a damaged model beside it: the model is looked for there first.
    let folder = bank.appendingPathComponent("models/all-minilm-l6-v2")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("damaged".utf8).write(to: folder.appendingPathComponent("model.safetensors"))
    try FileManager.default.copyItem(
      at: RehearseProcess.repository.appendingPathComponent("models/all-minilm-l6-v2/vocab.txt"),
      to: folder.appendingPathComponent("vocab.txt"))
    let result = try home.run(
      ["score", Self.id, "--format", "json", "--bank", bank.path], input: Self.answer)
    #expect(result.status == 0, "\(result.standardError)")
    let warnings = result.standardError.split(separator: "\n").filter { $0.contains("warning") }
    #expect(warnings.count == 1, "\(result.standardError)")
    #expect(
      warnings.first?.contains(folder.appendingPathComponent("model.safetensors").path) == true)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(report["semantic"] == nil)
    #expect(report["score"] as? Int == (try score(home, ["--no-semantic"])["score"] as? Int))
  }

  @Test("doctor says whether the model loads")
  func doctor() throws {
    let home = SharedHome()
    defer { home.remove() }
    let result = try home.run(["doctor"])
    #expect(result.standardOutput.contains("semantic model"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("answers are read by meaning"))
  }
}
