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

  @Test("eval reports n, Pearson, Spearman, RMSE and per-question medians as JSON")
  func evalJSON() throws {
    let file = try write(
      "question_id\tquestion\treference_answer\tstudent_answer\tgrade_avg\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tthe main function\t5\n"
        + "1.1\tWhere do programs begin?\tAt the main function.\tno idea\t1\n"
        + "2.1\tWhat is a pointer?\tThe address of a variable.\tan address of a variable\t5\n"
        + "2.1\tWhat is a pointer?\tThe address of a variable.\ta number\t0\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try RehearseProcess.run(["eval", file.path, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
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
    "on the Mohler dev set the scorer agrees with human grades at r of 0.55 or more",
    .enabled(if: FileManager.default.fileExists(atPath: mohlerDev.path)))
  func mohler() throws {
    let result = try RehearseProcess.run(["eval", mohlerDev.path, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(report["n"] as? Int == 1074)
    #expect((report["pearson"] as? Double ?? 0) >= 0.55, "\(report["pearson"] ?? "")")
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
