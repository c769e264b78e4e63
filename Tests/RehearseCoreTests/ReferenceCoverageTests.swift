import RehearseCore
import Testing

/// How an answer in other words than the rubric's is lifted by covering a strong answer's content.
@Suite("Coverage of a strong answer")
struct ReferenceCoverageTests {
  private static let location = SourceLocation(file: "test.yaml", line: 1)
  private static let reference =
    "Each night the job copies yesterday's purchases from the shop database into the "
    + "warehouse, checks the totals against the shop's own report, and only then swaps the new "
    + "day in, so analysts never see a half loaded day or numbers that disagree with finance."

  private static func rubric(references: [String], given: String = "") -> CompiledRubric {
    let point = TalkingPoint(
      label: "Reconcile before publishing", phrasings: [Phrasing(["reconcile", "publish"])],
      location: location)
    let misconception = Misconception(
      label: "Publish first and fix later", phrasings: [Phrasing(["publish", "fix later"])],
      correction: "Check before publishing.", location: location)
    return CompiledRubric(
      Rubric(
        questionID: "q", points: [point], misconceptions: [misconception], location: location),
      lexicon: CompiledLexicon(Lexicon()), references: references, given: given)
  }

  private static let everyday =
    "Every night we copy the purchases of the day before from the shop database into the "
    + "warehouse, compare the totals with the shop's report, and only swap the day in when they "
    + "match, so analysts never see numbers that disagree with finance."

  @Test("an answer saying the strong answer's content in its own words is lifted")
  func everydayWordsAreLifted() {
    let without = Scorer.score(Self.everyday, against: Self.rubric(references: []))
    let with = Scorer.score(Self.everyday, against: Self.rubric(references: [Self.reference]))
    #expect(without.score == 0)
    #expect(without.referenceCoverage == nil)
    #expect((with.referenceCoverage ?? 0) >= Scorer.fullCoverage)
    #expect(with.score == 50)
  }

  @Test("a stated misconception, a list of the reference's words, or the prompt lift nothing")
  func nothingToLift() {
    let rubric = Self.rubric(references: [Self.reference], given: Self.reference)
    #expect(Scorer.score(Self.everyday, against: rubric).score == 0)
    let plain = Self.rubric(references: [Self.reference])
    let wrong = Self.everyday + " We publish first and fix later."
    #expect(Scorer.score(wrong, against: plain).misconceptions.count == 1)
    #expect(Scorer.score(wrong, against: plain).score == 0)
    let salad =
      "Night job, purchases, shop database, warehouse, totals, report, analysts, finance, "
      + "numbers, half loaded day."
    #expect(Scorer.score(salad, against: plain).score == 0)
  }

  @Test("a reference the answer holds whole is the answer itself and is not compared with")
  func referenceItself() {
    let scored = Scorer.score(Self.reference, against: Self.rubric(references: [Self.reference]))
    #expect(scored.referenceCoverage == 0)
  }

  @Test("feedback says how much of a strong answer the answer covers, when that counts")
  func feedbackNote() {
    var scored = ScoredAnswer(
      question: "q", score: 50, band: .adequate, hits: [], misses: [], misconceptions: [],
      cappedByRequired: false, referenceCoverage: 0.4)
    let note = Feedback(scored, question: nil).coverageNote
    #expect(note?.contains("40%") == true)
    #expect(FeedbackText.render(Feedback(scored, question: nil), style: .plain).contains("40%"))
    scored.referenceCoverage = 0.1
    #expect(Feedback(scored, question: nil).coverageNote == nil)
    scored.referenceCoverage = nil
    #expect(Feedback(scored, question: nil).coverageNote == nil)
  }
}
