import Foundation
import RehearseCore
import Testing

/// The shipped example debrief, in the repository.
let exampleDebrief = RehearseProcess.repository
  .appendingPathComponent("examples/debriefs/netease-technical.md")

/// A debrief of three questions as piped lines, in the order the form asks for them; the user
/// text holds Markdown and HTML that the exports must escape.
let threeQuestionDebrief = """
  Acme <Data> & Co
  2026-11-20
  technical 1
  Data Engineer
  Ana *Lead*
  How familiar are you with <cloud> infrastructure like GCP/AWS?
  badly
  Only the basic concepts: compute, storage.

  # Not a heading: a second paragraph.
  .
  Build a cloud project of my own on AWS.
  .
  Write a SQL query for the top 3 salaries per department.
  well
  DENSE_RANK over a partition by department.
  .
  Name the window function's tie behaviour.
  .
  Share your experience at work.
  p
  The pipelines I built.
  .
  Lead with the impact, in numbers.
  .

  1. Learn one cloud platform well.
  2. Spark.
  .
  They run Kafka and Spark on AWS EC2.
  .

  """

@Suite("Debriefs from the command line", .serialized)
struct DebriefCommandTests {
  @Test("an asked question becomes an own question in one step, asked by mock and linked")
  func promote() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["debrief"], input: threeQuestionDebrief).status == 0)
    // The editor gets the drafted question and rubric; this one makes it a senior question.
    let editor = ["EDITOR": "sed -i 's/difficulty: 2/difficulty: 3/'"]
    let promoted = try RehearseProcess.run(
      ["debrief", "promote", "d1", "1"], environment: home.environment.merging(editor) { $1 })
    #expect(promoted.status == 0, "\(promoted.standardError)")
    let id = "own-how-familiar-are-you-with-cloud"
    #expect(promoted.standardOutput.contains("as your own question \(id)"))

    let shown = try #require(
      try home.json(["bank", "show", id]) as? [String: Any], "the question is in the bank")
    #expect(shown["source"] as? String == "own")
    #expect(shown["component"] as? String == "cloud-platforms", "guessed from the bank")
    #expect(shown["difficulty"] as? Int == 3, "the editor's change is saved")
    #expect(
      (shown["prompt"] as? String)?.hasPrefix("How familiar are you with <cloud>") == true)
    #expect((shown["model_answer"] as? String)?.hasPrefix("Only the basic concepts") == true)
    #expect(
      (shown["hints"] as? [String])?.first?.contains("Build a cloud project of my own") == true)
    #expect((shown["tags"] as? [String])?.contains("debrief") == true)

    let debrief = try #require(try home.json(["debrief", "show", "d1", "--format", "json"]))
    let questions = try #require((debrief as? [String: Any])?["questions"] as? [[String: Any]])
    #expect(questions.map { $0["own_question"] as? String } == [id, nil, nil])

    let mock = try home.run(
      ["mock", "--question", id], input: "Compute, storage and networking on AWS.\n.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    #expect(try home.savedAnswers().map(\.questionID) == [id])

    let again = try home.run(["debrief", "promote", "d1", "1", "--no-edit"])
    #expect(again.status == 64)
    #expect(again.standardError.contains("already your own question \(id)"))
    #expect(try home.run(["debrief", "promote", "d1", "9", "--no-edit"]).status == 64)
    #expect(try home.run(["debrief", "promote", "d7", "1", "--no-edit"]).status == 64)
  }

  @Test("three questions piped are saved, listed, in history, shown, exported and round-trip")
  func pipedDebrief() throws {
    let home = SharedHome()
    defer { home.remove() }
    let added = try home.run(["debrief"], input: threeQuestionDebrief)
    #expect(added.status == 0, "\(added.standardError)")
    #expect(added.standardOutput.contains("Saved d1"))

    let list = try #require(try home.json(["debrief", "list"]) as? [[String: Any]])
    #expect(list.count == 1)
    #expect(list.first?["id"] as? String == "d1")
    #expect(list.first?["questions"] as? Int == 3)
    #expect(list.first?["ratings"] as? [String: Int] == ["well": 1, "partly": 1, "badly": 1])
    #expect(list.first?["complete"] as? Bool == true)
    #expect(try home.run(["debrief", "list"]).standardOutput.contains("technical 1"))

    // A mock session beside it: history lists both, each marked with its kind.
    let mock = try home.run(
      ["mock", "--question", "dbc-sharding-vs-partitioning"],
      input: "Shards split data across separate servers.\n.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    let history = try #require(try home.json(["history"]) as? [[String: Any]])
    #expect(history.count == 2)
    let session = try #require(history.first { $0["kind"] as? String == "session" })
    #expect(session["id"] is Int && session["started"] is String && session["planned"] is Int)
    let debrief = try #require(history.first { $0["kind"] as? String == "debrief" })
    #expect(debrief["id"] as? String == "d1" && debrief["date"] as? String == "2026-11-20")
    // The session is today, after the interview: it comes first.
    #expect(history.first?["kind"] as? String == "session")
    let historyText = try home.run(["history"]).standardOutput
    #expect(historyText.contains("d1") && historyText.contains("debrief"))
    #expect(historyText.contains("3 asked"))
    let sessionsOnly = try #require(
      try home.json(["history", "--component", "database-concepts"]) as? [[String: Any]])
    #expect(sessionsOnly.count == 1 && sessionsOnly.first?["kind"] as? String == "session")
    let sinceTomorrowish = try #require(
      try home.json(["history", "--since", "2026-11-21"]) as? [[String: Any]])
    #expect(!sinceTomorrowish.contains { $0["kind"] as? String == "debrief" })

    let shown = try home.run(["debrief", "show", "d1", "--no-pager"])
    #expect(shown.status == 0)
    for text in [
      "How familiar are you with <cloud>", "[badly]", "Build a cloud project of my own",
      "top 3 salaries", "[well]", "tie behaviour", "Share your experience", "[partly]",
      "Lead with the impact", "Learn one cloud platform", "Kafka and Spark on AWS EC2",
    ] {
      #expect(shown.standardOutput.contains(text), "show lacks \(text)")
    }
    #expect(
      try home.run(["debrief", "show", "1", "--no-pager"]).standardOutput == shown.standardOutput)

    let markdown = try home.run(["export", "d1", "--format", "markdown"])
    #expect(markdown.status == 0, "\(markdown.standardError)")
    #expect(markdown.standardOutput.contains("Acme \\<Data\\> \\& Co"))
    #expect(markdown.standardOutput.contains("\\<cloud\\>"))
    #expect(markdown.standardOutput.contains("> \\# Not a heading"))
    #expect(markdown.standardOutput.contains("*How it went: badly*"))
    #expect(markdown.standardOutput.contains("Name the window function"))
    #expect(!markdown.standardOutput.contains("\n# Not a heading"))

    let html = try home.run(["export", "d1", "--format", "html"])
    #expect(html.status == 0)
    #expect(html.standardOutput.contains("Acme &lt;Data&gt; &amp; Co"))
    #expect(html.standardOutput.contains("&lt;cloud&gt;"))
    #expect(!html.standardOutput.contains("<cloud>"))
    #expect(html.standardOutput.contains("Lead with the impact, in numbers."))

    let json = try home.run(["export", "d1", "--format", "json"])
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let decoded = try decoder.decode(
      DebriefReports.Shown.self, from: Data(json.standardOutput.utf8))
    let back = try #require(DebriefReports.debrief(from: decoded))
    #expect(back.company == "Acme <Data> & Co" && back.round == "technical 1")
    #expect(back.questions.map(\.rating) == [.badly, .well, .partly])
    #expect(
      back.questions.first?.answer
        == "Only the basic concepts: compute, storage.\n\n# Not a heading: a second paragraph.")
    #expect(back.interviewer == "Ana *Lead*" && back.role == "Data Engineer")
    #expect(back.conclusions == "1. Learn one cloud platform well.\n2. Spark.")
    // What the JSON says is what was saved: written out again, it is the same JSON.
    #expect(JSONOutput.encode(DebriefReports.shown(back)) + "\n" == json.standardOutput)

    let output = home.url.appendingPathComponent("d1.html")
    #expect(
      try home.run(["export", "d1", "--format", "html", "--output", output.path]).status == 0)
    #expect(try String(contentsOf: output, encoding: .utf8) == html.standardOutput.dropLast())

    let removed = try home.run(["debrief", "rm", "d1", "--yes"])
    #expect(removed.status == 0 && removed.standardOutput.contains("Removed d1"))
    #expect((try home.json(["debrief", "list"]) as? [Any])?.isEmpty == true)
  }

  @Test("the example Markdown debrief is read with its four questions")
  func fromMarkdown() throws {
    let home = SharedHome()
    defer { home.remove() }
    let added = try home.run(["debrief", "add", "--from", exampleDebrief.path])
    #expect(added.status == 0, "\(added.standardError)")
    let shown = try #require(try home.json(["debrief", "show", "last"]) as? [String: Any])
    #expect(shown["company"] as? String == "NetEase" && shown["date"] as? String == "2026-11-20")
    let questions = try #require(shown["questions"] as? [[String: Any]])
    #expect(questions.map { $0["rating"] as? String } == ["partly", "well", "badly", "partly"])
    #expect((questions[1]["answer"] as? String)?.contains("\n\nData quality") == true)
    #expect((shown["company_notes"] as? String)?.contains("Kafka Streams") == true)
  }

  @Test(
    "a malformed Markdown debrief names its file and line, and nothing is saved",
    arguments: [
      ("---\ncompany: X\nround: HR\n---\n\n## Questions\n\nJust text.\n", 8),
      ("---\ncompany: X\nround: HR\ndate: 2026-02-30\n---\n", 4),
      ("---\ncompany: X\nround: HR\n---\n## Questions\n### Q?\nWent: brilliantly\n", 7),
      ("---\ncompany: X\n---\n", 3),
      ("---\ncompany: X\nround: HR\n---\n## Lessons\n", 5),
    ])
  func malformed(text: String, line: Int) throws {
    let home = SharedHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let file = home.url.appendingPathComponent("bad.md")
    try Data(text.utf8).write(to: file)
    let result = try home.run(["debrief", "add", "--from", file.path])
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(file.path):\(line): "), "\(result.standardError)")
    #expect((try home.json(["debrief", "list"]) as? [Any])?.isEmpty == true)
  }

  @Test(
    "an unknown debrief id exits 64",
    arguments: [
      ["debrief", "show", "d9"], ["debrief", "show", "x"], ["debrief", "rm", "d9", "--yes"],
      ["export", "d9"],
    ])
  func unknownID(arguments: [String]) throws {
    let home = SharedHome()
    defer { home.remove() }
    let result = try home.run(arguments)
    #expect(result.status == 64)
    #expect(result.standardError.contains("no debrief with id"))
  }

  @Test("input that ends mid-question keeps what was entered, marked incomplete")
  func endOfInput() throws {
    let home = SharedHome()
    defer { home.remove() }
    let result = try home.run(
      ["debrief", "--company", "Acme", "--round", "HR screen", "--date", "2026-11-02"],
      input: "\n\nWhy us?\nwell\nYour data platform.\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("marked incomplete"))
    let shown = try #require(try home.json(["debrief", "show", "d1"]) as? [String: Any])
    #expect(shown["complete"] as? Bool == false)
    #expect(shown["company"] as? String == "Acme" && shown["date"] as? String == "2026-11-02")
    let questions = try #require(shown["questions"] as? [[String: Any]])
    #expect(questions.first?["answer"] as? String == "Your data platform.")
    #expect(try home.run(["history"]).standardOutput.contains("incomplete"))

    // Before the company is named there is nothing to keep.
    let empty = SharedHome()
    defer { empty.remove() }
    let nothing = try empty.run(["debrief"], input: "")
    #expect(nothing.status == 66)
  }
}
