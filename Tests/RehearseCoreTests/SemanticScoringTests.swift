import Foundation
import Testing

@testable import RehearseCore

/// Answers read by meaning beside the rubric: the blend, its limits, and what happens without a
/// usable model.
@Suite("Reading answers by meaning")
struct SemanticScoringTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)
  static let semantics = SemanticScorer(
    model: SemanticModel(
      folder: SemanticModel.folder(bankRoot: Repository.root), warn: { _ in }))

  /// `answer` graded as an answer to `id`, read by meaning.
  static func graded(_ answer: String, _ id: String) throws -> ScoredAnswer {
    let bank = try #require(Self.bank)
    return Grader(bank: bank, questionIDs: [id], semantics: semantics).grade(answer, questionID: id)
  }

  /// The model answer of `id`.
  static func modelAnswer(_ id: String) throws -> String {
    let bank = try #require(Self.bank)
    return try #require(bank.question(id: id)).modelAnswer
  }

  /// Open questions of several components.
  static let questionIDs = [
    "dbc-batch-vs-stream-basics", "cicd-git-revert-bad-commit", "dm-fact-vs-dimension-tables",
    "cloud-alb-vs-nlb", "sd-warehouse-business-objectives",
  ]

  @Test(
    "the margin over the buzzword floor moves the score, within 0 to 100",
    arguments: [
      (50, 0.5, 0.42, false, 0),
      (50, 0.70, 0.42, false, 9),
      (50, 0.30, 0.42, false, -9),
      (98, 0.95, 0.10, false, 2),
      (3, 0.0, 0.40, false, -3),
    ])
  func blend(rubric: Int, similarity: Double, floor: Double, misconception: Bool, expected: Int) {
    #expect(
      SemanticBlend.adjustment(
        rubric: rubric, similarity: similarity, floor: floor, misconception: misconception)
        == expected)
  }

  @Test("a stated misconception keeps meaning from raising the score, never from lowering it")
  func misconceptionGate() {
    #expect(
      SemanticBlend.adjustment(rubric: 40, similarity: 0.9, floor: 0.3, misconception: true) == 0)
    #expect(
      SemanticBlend.adjustment(rubric: 40, similarity: 0.1, floor: 0.3, misconception: true) < 0)
  }

  @Test(
    "a bare list of the rubric's key terms scores lower read by meaning", arguments: questionIDs)
  func keywordListFalls(id: String) throws {
    let bank = try #require(Self.bank)
    let question = try #require(bank.question(id: id))
    let rubric = try #require(bank.rubrics[id])
    let texts = try #require(
      SemanticTexts(
        prompt: question.prompt, references: Grader.references(question, rubric), rubric: rubric))
    let scored = try Self.graded(texts.keywordList, id)
    let reading = try #require(scored.semantic)
    #expect(scored.score < reading.rubricScore, "\(reading)")
    #expect(reading.similarity < reading.floor + SemanticBlend.neutralMargin)
  }

  @Test(
    "an answer in everyday words that means what a strong answer says is raised")
  func everydayWordsRise() throws {
    let id = "dbc-batch-vs-stream-basics"
    let answer = """
      One way waits and collects the data for a while, then crunches the whole pile in one go, \
      say every night, which is cheap and simple but the numbers are only as fresh as the last \
      run. The other way handles each record the moment it shows up, so dashboards are up to \
      the second, but it is harder to run because late or repeated records have to be dealt \
      with as they come. Pick the first when a daily report is fine and the second when \
      someone has to react within minutes, like fraud alerts.
      """
    let scored = try Self.graded(answer, id)
    let reading = try #require(scored.semantic)
    #expect(scored.score > reading.rubricScore, "\(reading)")
  }

  @Test("a missed point is shown with the answer's sentence that reads like it")
  func readsLike() throws {
    let id = "sd-warehouse-business-objectives"
    let sentence =
      "I would ask what the warehouse will be used for and what reports and KPIs they need."
    let scored = try Self.graded("I would talk to the stakeholders first. " + sentence, id)
    let hint = try #require(scored.semantic?.readsLike.first)
    #expect(hint.sentence == sentence)
    #expect(hint.point.hasPrefix("Ask for the strategic purpose"))
    #expect(hint.similarity >= SemanticBlend.readsLikeThreshold)
    #expect(scored.misses.contains { $0.point == hint.point }, "only a point not fully made")
    let feedback = FeedbackText.render(
      Feedback(scored, question: try #require(Self.bank).question(id: id)), style: .plain)
    #expect(feedback.contains("reads like: \"I would ask what the warehouse"), "\(feedback)")
  }

  @Test(
    "a sentence stating a misconception is never offered as reading like a point",
    arguments: [
      (
        "dbc-sql-vs-nosql",
        "NoSQL is always faster than SQL, so use it for speed. Relational "
          + "databases keep tables with a fixed schema."
      ),
      (
        "dbc-sharding-vs-partitioning",
        "Sharding and partitioning are the same thing, both just "
          + "split a table. Sharding puts data on different servers."
      ),
    ])
  func noHintFromMisconception(id: String, answer: String) throws {
    let scored = try Self.graded(answer, id)
    let evidence = scored.misconceptions.flatMap(\.evidence)
    #expect(!evidence.isEmpty, "the answer states a misconception")
    for hint in scored.semantic?.readsLike ?? [] {
      #expect(!evidence.contains { hint.sentence.contains($0) }, "\(hint.sentence)")
    }
  }

  @Test("a strong answer is compared with the other strong answers, not with itself")
  func strongAnswerNotItsOwnReference() throws {
    let id = "cicd-git-revert-bad-commit"
    let scored = try Self.graded(try Self.modelAnswer(id), id)
    let reading = try #require(scored.semantic)
    #expect(reading.similarity < 0.99, "compared with itself: \(reading.similarity)")
    #expect(reading.similarity > reading.floor)
  }

  @Test("code questions are judged by their code: no reading by meaning")
  func codeQuestionsUnread() throws {
    let id = "sql-find-duplicate-purchase-ids"
    #expect(try Self.graded(try Self.modelAnswer(id), id).semantic == nil)
  }

  @Test(
    "without a usable model the score is the rubric's, with one warning naming the file",
    arguments: ["missing", "damaged"])
  func noUsableModel(kind: String) throws {
    let bank = try #require(Self.bank)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    if kind == "damaged" {
      try Data("not a model".utf8).write(
        to: folder.appendingPathComponent(SemanticModel.weightsFile))
      try Data("[PAD]\n[UNK]\n[CLS]\n[SEP]\n".utf8).write(
        to: folder.appendingPathComponent("vocab.txt"))
    }
    let warnings = Warnings()
    let semantics = SemanticScorer(
      model: SemanticModel(folder: folder, warn: { warnings.add($0) }))
    let id = "dbc-batch-vs-stream-basics"
    let answer =
      "Batch runs on a schedule over a bounded set; streaming handles events as they come."
    let plain = Grader(bank: bank, questionIDs: [id]).grade(answer, questionID: id)
    let grader = Grader(bank: bank, questionIDs: [id], semantics: semantics)
    for _ in 0..<2 {
      let scored = grader.grade(answer, questionID: id)
      #expect(scored == plain)
    }
    #expect(warnings.all.count == 1)
    #expect(warnings.all.first?.contains(folder.path) == true, "\(warnings.all)")
  }

  @Test(
    "bank test with meaning: the rubric alone must give the band, the blend stay within 10 points",
    arguments: [
      (Band.adequate, 55, 45, true),
      (Band.adequate, 31, 43, true),
      (Band.adequate, 29, 43, false),
      (Band.adequate, 79, 69, true),
      (Band.adequate, 80, 69, false),
      (Band.adequate, 50, 72, false),
      (Band.weak, 49, 39, true),
      (Band.strong, 60, 70, true),
      (Band.strong, 59, 71, false),
    ])
  func bankTestTolerance(expected: Band, score: Int, rubricScore: Int, passes: Bool) {
    let check = BankTester.Check(
      question: "q", subject: .example, file: "rubrics/q.yaml", line: 1, expected: expected,
      got: Band(score: score), score: score, rubricScore: rubricScore)
    #expect(check.passed == passes)
    let plain = BankTester.Check(
      question: "q", subject: .example, file: "rubrics/q.yaml", line: 1, expected: expected,
      got: Band(score: rubricScore), score: rubricScore, rubricScore: nil)
    #expect(plain.passed == (Band(score: rubricScore) == expected), "without meaning, exactly")
  }

  @Test("an answer's sentences are read as written, one per sentence")
  func sentences() {
    let text = "Batch waits.  Streaming does not!\nBoth have a place"
    #expect(
      Grader.sentences(of: text, tokens: Tokenizer.tokens(of: text)) == [
        "Batch waits.", "Streaming does not!", "Both have a place",
      ])
  }
}
