import RehearseCore
import Testing

/// How the scorer reads claims rather than keywords: what one-term phrasings, lists, crowded
/// sentences and contrast words earn.
@Suite("Claim reading")
struct ClaimReadingTests {
  private static let location = SourceLocation(file: "test.yaml", line: 1)

  /// A rubric of one point per entry: its label and phrasings.
  private static func rubric(_ points: [(String, [Phrasing])]) -> CompiledRubric {
    CompiledRubric(
      Rubric(
        questionID: "q",
        points: points.map { TalkingPoint(label: $0.0, phrasings: $0.1, location: location) },
        location: location),
      lexicon: CompiledLexicon(Lexicon()))
  }

  private static let facts = rubric([
    ("Facts hold the measures", [Phrasing(["fact", "measure"])]),
    ("Dimensions hold the descriptive attributes", [Phrasing(["dimension", "attribute"])]),
  ])

  @Test("a one-term phrasing names the topic for half the point; marked as a claim, all of it")
  func topicAndClaim() {
    let topic = Self.rubric([("idempotent loads", [Phrasing(["idempotent"])])])
    let claim = Self.rubric([("idempotent loads", [Phrasing(["idempotent"], isClaim: true)])])
    let answer = "I make the load idempotent so a rerun changes nothing."
    #expect(Scorer.score(answer, against: topic).score == 50)
    #expect(Scorer.score(answer, against: topic).misses.first?.credit == 0.5)
    #expect(Scorer.score(answer, against: claim).score == 100)
  }

  @Test(
    "terms must stand in one claim: a contrast or a colon splits a sentence, so swapped facts across it earn only the partial credit of half a phrasing",
    arguments: [
      ("Facts hold the measures and dimensions hold the attributes.", 100),
      ("The fact table holds measures, while the dimension holds attributes.", 100),
      ("Dimensions are for measures, whereas facts describe attributes.", 25),
      ("The dimension: attributes of a fact, but the measure sits elsewhere.", 25),
    ])
  func claims(answer: String, score: Int) {
    #expect(Scorer.score(answer, against: Self.facts).score == score)
  }

  @Test("a point made only in a list of names earns a fraction of it")
  func lists() {
    let rubric = Self.rubric([
      ("composite index", [Phrasing(["composite index"], isClaim: true)]),
      ("covering index", [Phrasing(["covering index"], isClaim: true)]),
      ("write cost", [Phrasing(["write amplification"], isClaim: true)]),
    ])
    let salad = "Composite index. Covering index. Write amplification."
    let commas = "Options are B-tree, composite index, covering index and write amplification."
    let prose =
      "A composite index serves the filter. A covering index answers it from the index alone. "
      + "Each index adds write amplification to every insert."
    #expect(Scorer.score(salad, against: rubric).score == 35)
    #expect(Scorer.score(commas, against: rubric).score == 35)
    #expect(Scorer.score(prose, against: rubric).score == 100)
  }

  @Test("one sentence earns at most three points at full weight")
  func crowdedSentence() {
    let rubric = Self.rubric(
      ["kafka", "spark", "flink", "airflow"].map { ($0, [Phrasing([$0, "use"])]) })
    let crowded = "We use Kafka to ingest and use Spark and use Flink and use Airflow to schedule."
    let spread =
      "We use Kafka to ingest. We use Spark for batch. We use Flink for streams. "
      + "We use Airflow to schedule."
    #expect(Scorer.score(crowded, against: rubric).score == 88)
    #expect(Scorer.score(spread, against: rubric).score == 100)
  }

  @Test(
    "a negation straight after a one-term claim denies it",
    arguments: [
      ("Column order doesn't matter in a composite index.", 0),
      ("Column order is not important.", 0),
      ("Column order matters: put the equality column first.", 100),
      ("Column order, not the index name, is what matters.", 100),
    ])
  func negationAfter(answer: String, score: Int) {
    let rubric = Self.rubric([("column order", [Phrasing(["column order"], isClaim: true)])])
    #expect(Scorer.score(answer, against: rubric).score == score)
  }

  @Test("a claim that states a misconception earns no talking point, and costs its penalty")
  func wrongClaimEarnsNothing() {
    let source = Rubric(
      questionID: "q",
      points: [
        TalkingPoint(
          label: "Facts hold the measures", phrasings: [Phrasing(["fact", "measure"])],
          location: Self.location)
      ],
      misconceptions: [
        Misconception(
          label: "Facts hold the descriptive attributes",
          phrasings: [Phrasing(["fact", "descriptive attribute"])],
          correction: "Dimensions hold them.", penalty: 20, location: Self.location)
      ], location: Self.location)
    let rubric = CompiledRubric(source, lexicon: CompiledLexicon(Lexicon()))
    let wrong = Scorer.score(
      "The fact table holds descriptive attributes and a measure or two.", against: rubric)
    #expect(wrong.score == 0)
    #expect(wrong.misconceptions.map(\.label) == ["Facts hold the descriptive attributes"])
    let right = Scorer.score(
      "The fact table holds the measures. Descriptive attributes live in dimensions.",
      against: rubric)
    #expect(right.score == 100)
  }

  @Test("a rubric that does not read claims (a drafted one) counts every word in full")
  func draftedRubrics() {
    var source = Self.rubric([
      ("kafka", [Phrasing(["kafka"])]), ("spark", [Phrasing(["spark"])]),
      ("flink", [Phrasing(["flink"])]),
    ]).rubric
    source.readsClaims = false
    let drafted = CompiledRubric(source, lexicon: CompiledLexicon(Lexicon()))
    #expect(Scorer.score("Kafka, Spark, Flink.", against: drafted).score == 100)
  }
}
