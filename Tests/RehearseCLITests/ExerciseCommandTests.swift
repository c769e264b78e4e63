import Foundation
import RehearseCore
import Testing

@Suite("Executable questions on the command line")
struct ExerciseCommandTests {
  static let sqlID = "sql-total-spend-per-player-left-join"
  static let pythonID = "py-latest-record-per-key"

  /// How many SQL and Python exercises the shipped bank has, as `bank stats` counts them.
  static func kinds() throws -> (sql: Int, python: Int) {
    let stats = try json(
      try RehearseProcess.run(["bank", "stats", "--format", "json"]).standardOutput)
    let kinds = try #require(stats["kinds"] as? [String: Int])
    return (kinds["sql"] ?? 0, kinds["python"] ?? 0)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("bank test runs every executable question and exits 0")
  func bankTestRunsCode() throws {
    let result = try RehearseProcess.run(["bank", "test", "--format", "json", "--no-semantic"])
    #expect(result.status == 0, "\(result.standardOutput)")
    let exercises = try #require(
      try Self.json(result.standardOutput)["exercises"] as? [String: Any])
    // Without python3 on this machine the Python questions are listed as not run.
    let kinds = try Self.kinds()
    let python = PythonChecker.locate(environment: ProcessInfo.processInfo.environment)
    #expect(
      exercises["questions"] as? Int == kinds.sql + (python.isAvailable ? kinds.python : 0))
    #expect((exercises["run"] as? Int).map { $0 > kinds.sql * 4 } == true)
    #expect((exercises["failures"] as? [Any])?.isEmpty == true)
  }

  @Test("bank test names the file and line of a strong example whose query is wrong")
  func bankTestWrongStrongExample() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    let rubrics = bank.appendingPathComponent("rubrics/sql-python.yaml")
    let text = try String(contentsOf: rubrics, encoding: .utf8)
    // The first strong example of the first question: its LEFT JOIN becomes an inner join.
    let wrong = try #require(text.range(of: "LEFT JOIN purchases x"))
    let broken = text.replacingCharacters(in: wrong, with: "JOIN purchases x")
    try Data(broken.utf8).write(to: rubrics)
    let result = try RehearseProcess.run(
      ["bank", "test", bank.path, "--no-semantic"], environment: ["REHEARSE_PYTHON": ""])
    #expect(result.status == 1)
    let lines = result.standardOutput.split(separator: "\n").filter {
      $0.contains("the strong example passes 2/4 checks")
    }
    #expect(lines.count == 1, "\(result.standardOutput)")
    #expect(lines.first?.hasPrefix("\(rubrics.path):") == true)
    #expect(lines.first?.contains(Self.sqlID) == true)
    #expect(result.standardOutput.contains("1 not as expected"))
    #expect(
      result.standardOutput.contains(
        "\(try Self.kinds().python) Python questions not run: REHEARSE_PYTHON is empty"))
  }

  @Test("score runs a SQL answer: a differently written query passes, a wrong one shows its rows")
  func scoreSQL() throws {
    let correct = """
      SELECT pl.player_id AS id, pl.username AS name, COUNT(x.purchase_id) AS n,
             IFNULL(SUM(x.amount), 0) AS total
      FROM purchases x RIGHT JOIN players pl ON x.player_id = pl.player_id
      GROUP BY pl.player_id, pl.username
      ORDER BY total DESC;
      """
    let passed = try RehearseProcess.run(
      ["score", Self.sqlID, "--format", "json"], input: Data(correct.utf8))
    #expect(passed.status == 0, "\(passed.standardError)")
    let scored = try Self.json(passed.standardOutput)
    #expect(scored["score"] as? Int == 100)
    let execution = try #require(scored["execution"] as? [String: Any])
    #expect(execution["outcome"] as? String == "passed")
    #expect((execution["checks"] as? [[String: Any]])?.count == 4)

    let wrong =
      "SELECT p.player_id, p.username, COUNT(*), SUM(pu.amount) FROM players p "
      + "JOIN purchases pu ON pu.player_id = p.player_id GROUP BY p.player_id;"
    let failed = try RehearseProcess.run(["score", Self.sqlID], input: Data(wrong.utf8))
    #expect(failed.status == 0)
    #expect(
      failed.standardOutput.contains("score 36/100  weak"), "most players never bought anything")
    #expect(failed.standardOutput.contains("Rows that differ"))
    #expect(failed.standardOutput.contains("(3, 'chen', 0, 0)"))
    #expect(failed.standardOutput.contains("(5, 'eli', 0, 0)"))
  }

  @Test("a DROP TABLE answer is refused with a clear message")
  func dropTableRefused() throws {
    let result = try RehearseProcess.run(
      ["score", Self.sqlID], input: Data("DROP TABLE players;\n".utf8))
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("Refused: DROP TABLE players would change the database"))
    #expect(result.standardOutput.contains("score 0/100"))
  }

  @Test("without python3, score says the tests were not run and exits 69; ask exits 69")
  func noPython() throws {
    let answer = "def latest_per_key(records):\n    return records\n"
    let scored = try RehearseProcess.run(
      ["score", Self.pythonID], input: Data(answer.utf8), environment: ["REHEARSE_PYTHON": ""])
    #expect(scored.status == 69)
    #expect(scored.standardOutput.contains("Not run: REHEARSE_PYTHON is empty"))
    let asked = try RehearseProcess.run(
      ["ask", Self.pythonID], input: Data(), environment: ["REHEARSE_PYTHON": ""])
    #expect(asked.status == 69)
    #expect(
      asked.standardError.contains(
        "rehearse: error: \(Self.pythonID) is a Python question, and its tests cannot run here"))
  }

  @Test("a mock without python3 leaves Python questions out and says so")
  func mockWithoutPython() throws {
    let input = String(repeating: "SELECT 1;\n.\n", count: 40)
    let result = try RehearseProcess.run(
      ["mock", "--component", "sql-python", "--count", "40", "--seed", "3"],
      input: Data(input.utf8), environment: ["REHEARSE_PYTHON": ""])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("Python questions are left out of this session"))
    #expect(!result.standardError.contains("Write the function:"))
    let bank = try BankSource(
      explicitPath: RehearseProcess.repository.path, environment: [:], executablePath: "/bin/sh",
      currentDirectory: "/"
    ).load()
    let runnable = bank.questions.filter { $0.component == Component.sqlPython && $0.python == nil }
    #expect(result.standardError.contains("only \(runnable.count) questions match"))
  }

  @Test("a piped SQL answer is run, saved with its checks, and reviewable", .timeLimit(.minutes(1)))
  func pipedSQLSession() throws {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-home-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let answer = """
      SELECT p.player_id, p.username, COUNT(pu.purchase_id), COALESCE(SUM(pu.amount), 0)
      FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id;

      A left join keeps the players who never bought anything.
      .

      """
    let asked = try RehearseProcess.run(
      ["ask", Self.sqlID], input: Data(answer.utf8), environment: ["REHEARSE_HOME": home.path])
    #expect(asked.status == 0, "\(asked.standardError)")
    #expect(asked.standardOutput.contains("Checks  4/4 passed"))
    let review = try RehearseProcess.run(
      ["review", "last", "--format", "json"], environment: ["REHEARSE_HOME": home.path])
    let answers = try #require(try Self.json(review.standardOutput)["answers"] as? [[String: Any]])
    let execution = try #require(answers.first?["execution"] as? [String: Any])
    #expect(execution["outcome"] as? String == "passed")
    #expect(answers.first?["score"] as? Int == 100)
    let markdown = try RehearseProcess.run(
      ["export", "last", "--format", "markdown"], environment: ["REHEARSE_HOME": home.path])
    #expect(markdown.standardOutput.contains("Checks: 4/4 passed"))
    let html = try RehearseProcess.run(
      ["export", "last", "--format", "html"], environment: ["REHEARSE_HOME": home.path])
    #expect(html.standardOutput.contains("Checks: 4/4 passed"))
    #expect(html.standardOutput.contains("<code>runs</code>"))
  }
}
