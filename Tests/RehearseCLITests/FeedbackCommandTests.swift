import Foundation
import RehearseCore
import RehearseStore
import Testing

/// One grader and one feedback model, seen from the command line: every way of grading gives the
/// same result, and every way of showing it states the same facts.
@Suite("Grading and feedback from the command line", .serialized)
struct FeedbackCommandTests {
  static let behaviouralID = "beh-share-a-pipeline-you-built"
  static let openID = "dbc-sharding-vs-partitioning"
  static let sqlID = "sql-total-spend-per-player-left-join"

  static let story = """
    At my last company the finance team relied on a manual spreadsheet export every morning. \
    My task was to replace it with a pipeline they could trust. I built an extraction job in \
    Python that pulled the orders from the Postgres replica, I wrote the transformations in SQL \
    to deduplicate and join them with the currency rates, and I loaded the result into the \
    warehouse. I scheduled it in Airflow every night with alerts on failure. As a result the \
    report was ready at 7 am instead of 11, and the analysts saved about 10 hours a week.
    """

  static func bank() throws -> Bank {
    try Bank.load(from: RehearseProcess.repository)
  }

  static func decode(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test("a behavioural answer gets the same JSON from score, from a piped ask and from bank test")
  func oneGrader() throws {
    let home = SharedHome()
    defer { home.remove() }
    let scored = try home.run(
      ["score", Self.behaviouralID, "--format", "json"], input: Self.story)
    #expect(scored.status == 0, "\(scored.standardError)")
    let fromScore = scored.standardOutput.trimmingCharacters(in: .newlines)
    #expect(try Self.decode(fromScore)["star"] != nil, "score reads the STAR structure too")

    let asked = try home.run(["ask", Self.behaviouralID], input: Self.story + "\n.\n")
    #expect(asked.status == 0, "\(asked.standardError)")
    let saved = try #require(try home.savedAnswers().first)
    let question = try Self.bank().requireQuestion(id: Self.behaviouralID)
    #expect(JSONOutput.encode(ScoreReport(saved.scored, question: question)) == fromScore)

    // bank test grades its examples and model answers through the same grader, meaning included.
    let semantics = SemanticScorer(
      model: SemanticModel(
        folder: SemanticModel.folder(bankRoot: RehearseProcess.repository), warn: { _ in }))
    let graded = Grader(bank: try Self.bank(), semantics: semantics)
      .grade(Self.story, questionID: Self.behaviouralID)
    #expect(graded.semantic != nil, "the story is read by meaning")
    #expect(JSONOutput.encode(ScoreReport(graded, question: question)) == fromScore)
  }

  /// A session of two answers saved in `home`: an open answer with a partly made required
  /// point, a misconception and a capped score, and a SQL answer graded by running it.
  static func saveSession(in home: SharedHome) throws -> (open: ScoredAnswer, sql: ScoredAnswer) {
    let open = ScoredAnswer(
      question: openID, score: 69, band: .adequate,
      hits: [
        .init(
          point: "Partitions split a table within one database", weight: 1, required: false,
          evidence: ["partitioning splits one table"])
      ],
      misses: [
        .init(
          point: "Shards are independent databases on separate nodes", weight: 2, required: true,
          credit: 0.25, evidence: ["shards"])
      ],
      misconceptions: [
        .init(
          label: "Sharding and partitioning are the same thing",
          correction: "They work at different levels.", evidence: ["they are the same"],
          penalty: 10, kind: .stated)
      ], cappedByRequired: true)
    let query = """
      SELECT p.player_id, p.username, COUNT(pu.purchase_id) AS purchases,
             COALESCE(SUM(pu.amount), 0) AS total_spend
      FROM players p
      JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id;
      """
    let checker = ExerciseChecker(python: .init(interpreter: .missing(reason: "not needed")))
    let sql = Grader(bank: try bank(), questionIDs: [sqlID], checker: checker)
      .grade(query, questionID: sqlID)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let plan = SessionPlan(
      items: [
        .init(questionID: openID, component: .databaseConcepts, limitSeconds: 240),
        .init(questionID: sqlID, component: .sqlPython, limitSeconds: 600),
      ], sessionLimitSeconds: 840, seed: 1)
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(plan: plan, startedAt: start, bank: "bank")
    try store.record(
      AnswerRecord(
        position: 0, questionID: openID, component: .databaseConcepts,
        prompt: "Sharding or partitioning?", text: "Shards... they are the same.",
        outcome: .answered, startedAt: start, answeredAt: start.addingTimeInterval(60),
        hintsUsed: 1, scored: open), session: id)
    try store.record(
      AnswerRecord(
        position: 1, questionID: sqlID, component: .sqlPython, prompt: "Total spend?",
        text: query, outcome: .answered, startedAt: start.addingTimeInterval(60),
        answeredAt: start.addingTimeInterval(200), hintsUsed: 0, scored: sql), session: id)
    try store.finish(session: id, ending: .completed, at: start.addingTimeInterval(200))
    return (open, sql)
  }

  @Test("review JSON, the Markdown and the HTML export state the same points, credits and answers")
  func oneFeedbackModel() throws {
    let home = SharedHome()
    defer { home.remove() }
    let (_, sql) = try Self.saveSession(in: home)
    #expect(sql.execution?.outcome == .failed, "an inner join loses the players who never paid")
    let bank = try Self.bank()
    let open = try bank.requireQuestion(id: Self.openID)
    let sqlQuestion = try bank.requireQuestion(id: Self.sqlID)
    let followUp = try #require(open.followUps.first)

    let review = try home.run(["review", "last", "--format", "json"])
    #expect(review.status == 0, "\(review.standardError)")
    let answers = try #require(
      try Self.decode(review.standardOutput)["answers"] as? [[String: Any]])
    let first = try #require(answers.first?["feedback"] as? [String: Any])
    let partly = try #require((first["partly_made"] as? [[String: Any]])?.first)
    #expect(partly["credit"] as? Double == 0.25)
    #expect(partly["required"] as? Bool == true)
    let wrong = try #require((first["misconceptions"] as? [[String: Any]])?.first)
    #expect(wrong["penalty"] as? Double == 10)
    #expect(first["capped_below_strong"] as? Bool == true)
    #expect(first["model_answer"] as? String == open.modelAnswer)
    #expect(first["follow_up"] as? String == followUp)
    let second = try #require(answers.last?["feedback"] as? [String: Any])
    #expect(second["code_language"] as? String == "sql")
    #expect(second["model_answer"] as? String == sqlQuestion.modelAnswer)
    #expect((second["execution"] as? [String: Any])?["outcome"] as? String == "failed")

    let markdown = try home.run(["export", "last", "--format", "markdown"])
    #expect(markdown.status == 0, "\(markdown.standardError)")
    let document = markdown.standardOutput
    #expect(
      document.contains(
        "- ~ Shards are independent databases on separate nodes (required) — 25% of its weight"))
    #expect(document.contains("- ! Sharding and partitioning are the same thing (−10)"))
    #expect(document.contains(FeedbackMarkdown.inline(Feedback.capNote)))
    #expect(document.contains(FeedbackMarkdown.quote(open.modelAnswer)))
    #expect(document.contains(FeedbackMarkdown.inline(followUp)))
    let fenced = try #require(try home.savedAnswers().last?.text)
    #expect(document.contains("```sql\n" + fenced + "\n```"), "the SQL answer is a fenced block")
    let report = try #require(sql.execution)
    #expect(document.contains("Checks: \(report.passedCount)/\(report.checks.count) passed"))

    let html = try home.run(["export", "last", "--format", "html"])
    #expect(html.status == 0, "\(html.standardError)")
    let page = html.standardOutput
    #expect(page.contains("<span class=\"credit\">25% of its weight</span>"))
    #expect(page.contains("<span class=\"penalty\">(−10)</span>"))
    #expect(page.contains(FeedbackHTML.escape(Feedback.capNote)))
    #expect(page.contains(FeedbackHTML.escape(open.modelAnswer)))
    #expect(page.contains(FeedbackHTML.escape(followUp)))
    #expect(page.contains("<pre><code class=\"language-sql\">" + FeedbackHTML.escape(fenced)))
    #expect(page.contains("width=\"100%\""), "the chart scales down to a phone's width")

    let text = try home.run(["review", "last"])
    #expect(text.standardOutput.contains("25% of its weight"))
    #expect(text.standardOutput.contains("(−10)"))
    // Wrapped to the width, the text says the same words.
    let words = text.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Follow-up to think about: " + followUp))
  }

  @Test("a SQL answer that passes every check gets its talking points to discuss, in text and JSON")
  func passingCodeToDiscuss() throws {
    let query = """
      SELECT p.player_id, p.username, COUNT(pu.purchase_id), COALESCE(SUM(pu.amount), 0)
      FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id;
      """
    let json = try RehearseProcess.run(
      ["score", Self.sqlID, "--format", "json"], input: Data(query.utf8))
    #expect(json.status == 0, "\(json.standardError)")
    let report = try Self.decode(json.standardOutput)
    #expect(report["score"] as? Int == 100)
    let feedback = try #require(report["feedback"] as? [String: Any])
    let discussed = try #require(feedback["to_discuss"] as? [[String: Any]])
    #expect(!discussed.isEmpty)
    #expect((feedback["missed"] as? [Any])?.isEmpty == true)

    let text = try RehearseProcess.run(["score", Self.sqlID], input: Data(query.utf8))
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("To discuss"))
    #expect(!text.standardOutput.contains("missed"))
    #expect(!text.standardOutput.contains("(required)"))
    for point in discussed {
      #expect(text.standardOutput.contains("  • " + (point["label"] as? String ?? "?")))
    }
  }
}
