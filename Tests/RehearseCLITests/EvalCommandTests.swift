import Foundation
import Testing

/// The graded data of the project's shared folder, when this checkout sits beside it.
let mohlerDev = RehearseProcess.repository.deletingLastPathComponent()
  .appendingPathComponent("shared/data/asag/mohler-dev.tsv")

@Suite("Eval and rubric draft from the command line")
struct EvalCommandTests {
  func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-eval-\(UUID().uuidString).tsv")
    try Data(text.utf8).write(to: url)
    return url
  }

  /// The JSON object a run printed, after checking that it succeeded.
  func jsonReport(_ result: RehearseProcess.Result) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("eval reports n, Pearson, Spearman, RMSE and per-question medians as JSON")
  func evalJSON() throws {
    let file = try write(
      "question_id\tquestion\treference_answer\tstudent_answer\tgrade_avg\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tthe main function\t5\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tno idea\t1\n"
        + "2.1\tWhat is a pointer?\tThe address of a variable.\tan address of a variable\t5\n"
        + "2.1\tWhat is a pointer?\tThe address of a variable.\ta number\t0\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let report = try jsonReport(RehearseProcess.run(["eval", file.path, "--format", "json"]))
    #expect(report["n"] as? Int == 4)
    #expect((report["pearson"] as? Double ?? 0) > 0.8)
    #expect(report["spearman"] is Double && report["rmse"] is Double)
    #expect((report["questions"] as? [[String: Any]])?.count == 2)
  }

  @Test("a malformed file names its line and exits 65; a missing one exits 66")
  func evalErrors() throws {
    let file = try write(
      "question_id\tquestion\treference_answer\tstudent_answer\tgrade_avg\n1.1\tq\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let bad = try RehearseProcess.run(["eval", file.path])
    #expect(bad.status == 65)
    #expect(bad.standardError.contains("\(file.path):2:"))
    #expect(try RehearseProcess.run(["eval", "/nonexistent/answers.tsv"]).status == 66)
  }

  @Test(
    "on the Mohler dev set: the rubric alone at r 0.59 or more, with meaning at 0.62 or more",
    .enabled(if: FileManager.default.fileExists(atPath: mohlerDev.path)))
  func mohler() throws {
    let result = try RehearseProcess.run(["eval", mohlerDev.path, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(report["n"] as? Int == 1074)
    #expect((report["pearson"] as? Double ?? 0) >= 0.62, "\(report["pearson"] ?? "")")
    #expect((report["rubric_pearson"] as? Double ?? 0) >= 0.59, "\(report["rubric_pearson"] ?? "")")
  }

  @Test("eval gives the rubric's figures beside the blended ones, and alone with --no-semantic")
  func rubricAlone() throws {
    let file = try write(
      "question_id\tquestion\treference_answer\tstudent_answer\tgrade_avg\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tthe main function\t5\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tno idea\t1\n"
        + "2.1\tWhat is a pointer?\tThe address of a variable.\tan address of a variable\t5\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let blended = try jsonReport(RehearseProcess.run(["eval", file.path, "--format", "json"]))
    #expect(blended["rubric_pearson"] is Double)
    let answers = try #require(blended["answers"] as? [[String: Any]])
    #expect(answers.allSatisfy { $0["similarity"] is Double && $0["rubric_score"] is Int })
    let alone = try jsonReport(
      RehearseProcess.run(["eval", file.path, "--format", "json", "--no-semantic"]))
    #expect(alone["rubric_pearson"] == nil)
    #expect((alone["answers"] as? [[String: Any]])?.allSatisfy { $0["similarity"] == nil } == true)
  }

  @Test("eval grades a bank-answer file with the bank's rubrics and checks, and names its lines")
  func bankAnswers() throws {
    let query = "SELECT purchase_id, COUNT(*) AS n FROM purchases_raw\\nGROUP BY purchase_id;"
    let file = try write(
      "question_id\tvariant\thuman_grade\treason\tanswer\n"
        + "dbc-sharding-vs-partitioning\tv5\t15\tBuzzwords.\tSharding. Partitioning. Scale.\n"
        + "sql-find-duplicate-purchase-ids\tv3\t45\tKeeps NULL ids.\t\(query)\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let report = try jsonReport(RehearseProcess.run(["eval", file.path, "--format", "json"]))
    #expect(report["n"] as? Int == 2)
    for key in ["pearson", "spearman", "band_agreement", "kappa", "variants", "disagreements"] {
      #expect(report[key] != nil, "\(key)")
    }
    let answers = try #require(report["answers"] as? [[String: Any]])
    #expect(answers.map { $0["line"] as? Int } == [2, 3])
    // The SQL answer was run, as 'rehearse score' runs it.
    let scored = try RehearseProcess.run(
      ["score", "sql-find-duplicate-purchase-ids", "--format", "json"],
      input: Data(
        "SELECT purchase_id, COUNT(*) AS n FROM purchases_raw\nGROUP BY purchase_id;".utf8))
    let alone = try #require(
      try JSONSerialization.jsonObject(with: Data(scored.standardOutput.utf8)) as? [String: Any])
    #expect(answers.last?["score"] as? Int == alone["score"] as? Int)

    let text = try RehearseProcess.run(["eval", file.path])
    #expect(text.standardOutput.contains("Largest disagreements"))
    #expect(text.standardOutput.contains("\(file.path):2: dbc-sharding-vs-partitioning v5"))

    let unknown = try write(
      "question_id\tvariant\thuman_grade\treason\tanswer\nno-such-question\tv1\t90\tr\ta\n")
    defer { try? FileManager.default.removeItem(at: unknown) }
    let refused = try RehearseProcess.run(["eval", unknown.path])
    #expect(refused.status == 65)
    #expect(
      refused.standardError.contains(
        "\(unknown.path):2: the bank has no question 'no-such-question'"))
  }

  @Test("rubric draft prints a rubric for a bank question, and for a question and answer given")
  func draft() throws {
    let fromBank = try RehearseProcess.run(["rubric", "draft", "dbc-sharding-vs-partitioning"])
    #expect(fromBank.status == 0, "\(fromBank.standardError)")
    #expect(fromBank.standardOutput.hasPrefix("dbc-sharding-vs-partitioning:"))
    #expect(fromBank.standardOutput.contains("full_credit_at: 0.4"))
    let given = try RehearseProcess.run(
      ["rubric", "draft", "--question", "What is a pointer?"],
      input: Data("A pointer holds the address of another variable.".utf8))
    #expect(given.status == 0, "\(given.standardError)")
    #expect(given.standardOutput.contains("label: address"))
    #expect(try RehearseProcess.run(["rubric", "draft", "no-such-question"]).status == 64)
  }
}
