import Foundation
import RehearseCore
import Testing

@Suite("Text that cannot drive the terminal, from the command line")
struct TerminalTextCommandTests {
  static let openID = "dbc-sharding-vs-partitioning"
  static let sqlID = "sql-total-spend-per-player-left-join"
  static let eraseScreen = "\u{1B}[2J"

  /// Whether `text` holds an ESC byte, a C1 control or a bidirectional control.
  static func drivesTerminal(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: TerminalText.isReplaced)
  }

  @Test("score of an answer holding ESC [2J between its words prints no ESC byte, as text or JSON")
  func scoreOpenAnswer() throws {
    let bank = try Bank.load(from: RehearseProcess.repository)
    let model = try bank.requireQuestion(id: Self.openID).modelAnswer
    // Between every two words, so that every quotation of the answer holds one.
    let answer = model.split(separator: " ").joined(separator: " \(Self.eraseScreen)one ")
    let text = try RehearseProcess.run(["score", Self.openID], input: Data(answer.utf8))
    #expect(text.status == 0, "\(text.standardError)")
    #expect(!text.standardOutput.utf8.contains(0x1B))
    #expect(!Self.drivesTerminal(text.standardOutput))
    // The evidence quoted the answer, ESC shown as ^[.
    #expect(text.standardOutput.contains("^[[2Jone"))
    let json = try RehearseProcess.run(
      ["score", Self.openID, "--format", "json"], input: Data((answer + " \u{202E}").utf8))
    #expect(json.status == 0)
    #expect(!json.standardOutput.utf8.contains(0x1B))
    #expect(!Self.drivesTerminal(json.standardOutput))
    #expect(json.standardOutput.contains("\\u001b[2Jone"))
  }

  @Test("score of a SQL answer returning ESC [2J shows the row safe")
  func scoreSQLAnswer() throws {
    let query = "SELECT 1, char(27) || '[2J' || char(8238), 0, 0;"
    let result = try RehearseProcess.run(["score", Self.sqlID], input: Data(query.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardOutput.utf8.contains(0x1B))
    #expect(!Self.drivesTerminal(result.standardOutput))
    #expect(result.standardOutput.contains("'^[[2J<U+202E>'"))
  }

  @Test("a bank prompt holding ESC [2J and RLO is shown safe by bank show, bank list and a session")
  func bankPrompt() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    let file = bank.appendingPathComponent("question-bank/database-concepts.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8)
    let prompt = try #require(
      yaml.range(
        of: "    prompt: >-\n      What is the difference between a SQL (relational) database and "
          + "a NoSQL database, and how\n      would you choose between them for a new service?\n"))
    // A double-quoted YAML string, where \e is ESC and \u202E the right-to-left override.
    try Data(
      yaml.replacingCharacters(
        in: prompt, with: "    prompt: \"Clear \\e[2J the \\u202E screen?\"\n"
      ).utf8
    ).write(to: file)
    let shown = try RehearseProcess.run(["bank", "show", "dbc-sql-vs-nosql", "--bank", bank.path])
    #expect(shown.status == 0, "\(shown.standardError)")
    #expect(shown.standardOutput.contains("Clear ^[[2J the <U+202E> screen?"))
    let listed = try RehearseProcess.run(["bank", "list", "--bank", bank.path])
    let session = try RehearseProcess.run(
      ["ask", "dbc-sql-vs-nosql", "--bank", bank.path], input: Data("an answer\n.\n".utf8))
    #expect(session.standardError.contains("Clear ^[[2J the <U+202E> screen?"))
    for output in [
      shown.standardOutput, listed.standardOutput, session.standardOutput, session.standardError,
    ] {
      #expect(!output.utf8.contains(0x1B))
      #expect(!Self.drivesTerminal(output))
    }
  }

  @Test(
    "an error that quotes its input prints it safe, ours or the argument parser's",
    arguments: [
      ["bank", "show", "no-such-\u{1B}[2J-question"], ["score", "x", "--format", "\u{1B}[2J"],
    ])
  func errorMessage(arguments: [String]) throws {
    let result = try RehearseProcess.run(arguments)
    #expect(result.status == 64)
    #expect(result.standardError.contains("^[[2J"), "\(result.standardError)")
    #expect(!result.standardError.utf8.contains(0x1B))
  }
}
