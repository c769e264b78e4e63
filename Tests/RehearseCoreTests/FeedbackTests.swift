import Foundation
import RehearseCore
import Testing

/// The feedback model: what a candidate is told about an answer, whichever way it is shown.
@Suite("Feedback model")
struct FeedbackTests {
  /// An answer whose evidence includes quotations of function words alone.
  static let functionWordEvidence = ScoredAnswer(
    question: "dbc-partitioning", score: 45, band: .adequate,
    hits: [
      .init(
        point: "Partitions are chosen by a key", weight: 1, required: false,
        evidence: ["by", "partition key"])
    ],
    misses: [
      .init(
        point: "Rows are routed by the key's hash", weight: 1, required: true, credit: 0.5,
        evidence: ["by"]),
      .init(
        point: "Ranges suit time series", weight: 1, required: false, credit: 0.25,
        evidence: ["of the", "In the"]),
    ],
    misconceptions: [
      .init(
        label: "Partitions live on other servers", correction: "That is sharding.",
        evidence: ["on the"], penalty: 5, kind: .stated)
    ], cappedByRequired: true)

  @Test("evidence that is only function words is never shown, in any rendering")
  func functionWordEvidenceIsNotShown() throws {
    let feedback = Feedback(Self.functionWordEvidence, question: nil)
    #expect(feedback.made.first?.evidence == ["partition key"])
    #expect(feedback.partlyMade.map(\.evidence) == [[], []])
    #expect(feedback.misconceptions.first?.evidence == [])
    #expect(feedback.partlyMade.first?.credit == 0.5, "the score's credit is kept")

    let text = FeedbackText.render(feedback, style: .plain)
    let markdown = FeedbackMarkdown.lines(feedback).joined(separator: "\n")
    let html = FeedbackHTML.lines(feedback).joined(separator: "\n")
    let json = JSONOutput.encode(feedback)
    for quoted in ["by", "of the", "In the", "on the"] {
      #expect(!text.contains("\"\(quoted)\""), "text quotes \(quoted)")
      #expect(!markdown.contains("“\(quoted)”"), "Markdown quotes \(quoted)")
      #expect(!html.contains("“\(quoted)”"), "HTML quotes \(quoted)")
      #expect(!json.contains("\"\(quoted)\""), "JSON quotes \(quoted)")
    }
    #expect(text.contains("\"partition key\""))
    #expect(text.contains("50% of its weight\n"), "no colon before missing evidence")
  }

  @Test(
    "evidence with a word of its own is kept: content words, short names and numbers",
    arguments: ["partition key", "db", "S3", "by 40%", "3", "the warehouse"])
  func meaningfulEvidenceIsShown(_ quotation: String) {
    #expect(Feedback.shownEvidence([quotation]) == [quotation])
  }

  @Test(
    "evidence of function words alone is dropped",
    arguments: ["by", "the", "of the", "It is", "was", "from", "into", "and so"])
  func functionWordsAreDropped(_ quotation: String) {
    #expect(Feedback.shownEvidence([quotation]).isEmpty)
  }

  /// The feedback on `answer` to the fixture bank's question `id`, graded with its code run.
  static func codeFeedback(_ answer: String, _ id: String) throws -> (ScoredAnswer, Feedback) {
    let bank = try #require(CodeAnswerTests.bank)
    let scored = Grader(bank: bank, questionIDs: [id], checker: CodeAnswerTests.checker)
      .grade(answer, questionID: id)
    return (scored, Feedback(scored, question: try bank.requireQuestion(id: id)))
  }

  /// Checks that code which passed every check lists the rubric's points as to discuss, in every
  /// rendering: neutral, never missed, never red.
  static func expectToDiscuss(_ scored: ScoredAnswer, _ feedback: Feedback) throws {
    #expect(scored.execution?.outcome == .passed)
    #expect(scored.misses.contains { $0.required }, "the rubric has a required point not made")
    #expect(feedback.missed.isEmpty && feedback.partlyMade.isEmpty)
    #expect(feedback.toDiscuss.map(\.label) == scored.misses.map(\.point))

    let text = FeedbackText.render(feedback, style: TextStyle(colored: true))
    #expect(text.contains("To discuss"))
    #expect(!text.contains("missed") && !text.contains("(required)"))
    for point in feedback.toDiscuss {
      let line = try #require(text.split(separator: "\n").first { $0.contains(point.label) })
      #expect(!line.contains("\u{1B}[31m") && !line.contains("\u{1B}[33m"), "neutral: \(line)")
    }

    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(JSONOutput.encode(ScoreReport(scored, question: nil)).utf8)) as? [String: Any])
    let shown = try #require(json["feedback"] as? [String: Any])
    #expect((shown["missed"] as? [Any])?.isEmpty == true)
    #expect((shown["partly_made"] as? [Any])?.isEmpty == true)
    let discussed = try #require(shown["to_discuss"] as? [[String: Any]])
    #expect(discussed.compactMap { $0["label"] as? String } == feedback.toDiscuss.map(\.label))
    #expect(json["misses"] != nil, "the scorer's own keys stay, as DESIGN.md names them")

    let markdown = FeedbackMarkdown.lines(feedback).joined(separator: "\n")
    #expect(markdown.contains("To discuss:") && !markdown.contains("missed"))
    let html = FeedbackHTML.lines(feedback).joined(separator: "\n")
    #expect(html.contains("<li class=\"discuss\">") && !html.contains("class=\"miss\""))
  }

  @Test("a SQL answer that passes every check lists its talking points to discuss, not missed")
  func passingSQL() throws {
    let (scored, feedback) = try Self.codeFeedback(
      CodeAnswerTests.query.joined(separator: "\n"), CodeAnswerTests.sqlID)
    try Self.expectToDiscuss(scored, feedback)
  }

  @Test(
    "a Python answer that passes every test lists its talking points to discuss, not missed",
    .enabled(if: CodeAnswerTests.checker.python.isAvailable))
  func passingPython() throws {
    let bank = try #require(CodeAnswerTests.bank)
    let question = try bank.requireQuestion(id: CodeAnswerTests.pythonID)
    let solution = try #require(question.python?.referenceSolution)
    let (scored, feedback) = try Self.codeFeedback(solution, CodeAnswerTests.pythonID)
    try Self.expectToDiscuss(scored, feedback)
  }

  @Test("code that fails a check still lists the points missed, with the required ones marked")
  func failingCodeKeepsMisses() throws {
    let (scored, feedback) = try Self.codeFeedback(
      "SELECT player_id, username, 0, 0 FROM players;", CodeAnswerTests.sqlID)
    #expect(scored.execution?.outcome == .failed)
    #expect(feedback.toDiscuss.isEmpty)
    #expect(!feedback.missed.isEmpty)
    #expect(FeedbackText.render(feedback, style: .plain).contains("Talking points missed"))
  }
}
