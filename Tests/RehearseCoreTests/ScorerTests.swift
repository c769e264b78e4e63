import Foundation
import RehearseCore
import Testing

/// A one-point rubric for testing how a single phrasing matches.
private func rubric(
  _ phrasings: [[String]], misconceptions: [Misconception] = [],
  lexicon: Lexicon = ScorerTests.lexicon
) -> CompiledRubric {
  let location = SourceLocation(file: "test.yaml", line: 1)
  let point = TalkingPoint(
    label: "the point", phrasings: phrasings.map { Phrasing($0, isClaim: true) },
    location: location)
  return CompiledRubric(
    Rubric(questionID: "q", points: [point], misconceptions: misconceptions, location: location),
    lexicon: CompiledLexicon(lexicon))
}

private func credit(_ answer: String, _ phrasings: [[String]]) -> Int {
  Scorer.score(answer, against: rubric(phrasings)).score
}

/// An answer, the phrasings of a one-point rubric, and whether the answer earns the point.
struct MatchCase: CustomTestStringConvertible, Sendable {
  var answer: String
  var phrasings: [[String]]
  var earns: Bool
  var testDescription: String { "\(earns ? "earns" : "misses"): \(answer)" }

  init(_ answer: String, _ phrasings: [[String]], earns: Bool) {
    self.answer = answer
    self.phrasings = phrasings
    self.earns = earns
  }
}

@Suite("Scorer")
struct ScorerTests {
  static let lexicon = Lexicon(groups: [
    ["database", "db"], ["primary key", "pk"], ["kubernetes", "k8s"],
    ["horizontal scaling", "scale out", "scaling out"], ["nosql", "no sql", "non relational"],
  ])

  @Test(
    "synonyms and abbreviations",
    arguments: [
      MatchCase("Each shard is its own DB.", [["shard", "database"]], earns: true),
      MatchCase("Every table needs a PK.", [["primary key"]], earns: true),
      MatchCase("We index the pks.", [["primary key"]], earns: true),
      MatchCase("Jobs run on k8s.", [["kubernetes"]], earns: true),
      MatchCase("Sharding lets you scale out.", [["shard", "horizontal scaling"]], earns: true),
      MatchCase("No SQL stores scale well.", [["nosql"]], earns: true),
    ])
  func synonyms(_ example: MatchCase) {
    #expect((credit(example.answer, example.phrasings) == 100) == example.earns)
  }

  @Test(
    "stemming and normalisation",
    arguments: [
      MatchCase("The table was partitioned by date.", [["partition", "date"]], earns: true),
      MatchCase("PARTITIONING by dates", [["partitions", "date"]], earns: true),
      MatchCase("It is real-time.", [["realtime"]], earns: true),
      MatchCase("It is real time.", [["realtime"]], earns: true),
      MatchCase("It is realtime.", [["real-time"]], earns: true),
      MatchCase("It is real time.", [["real-time"]], earns: true),
      MatchCase("Dump it in the datalake.", [["data lake"]], earns: true),
      MatchCase("Dump it in the data lakes.", [["datalake"]], earns: true),
      MatchCase("Le schéma est dénormalisé", [["schema"]], earns: true),
      MatchCase("Ｐａｒｔｉｔｉｏｎ the table", [["partition"]], earns: true),
      MatchCase("The user’s data", [["users"]], earns: true),
      MatchCase("We cluster rows.", [["partition"]], earns: false),
      MatchCase("Normalisation removes redundancy.", [["normalization"]], earns: true),
      MatchCase("We normalized it.", [["normalise"]], earns: true),
    ])
  func stemming(_ example: MatchCase) {
    #expect((credit(example.answer, example.phrasings) == 100) == example.earns)
  }

  @Test(
    "phrase windows: terms share a sentence, multi-word terms keep their order",
    arguments: [
      MatchCase("Shards live on separate nodes.", [["shard", "separate node"]], earns: true),
      MatchCase("Separate nodes hold the shards.", [["shard", "separate node"]], earns: true),
      MatchCase(
        "Shards are great. Separate nodes are too.", [["shard", "separate node"]], earns: false),
      MatchCase(
        "Shards are great; separate nodes are too.", [["shard", "separate node"]], earns: false),
      MatchCase("Use primary and foreign keys.", [["primary key"]], earns: true),
      MatchCase("The primary table has a clustered compound key.", [["primary key"]], earns: false),
      MatchCase("The key is primary.", [["primary key"]], earns: false),
      MatchCase("A point-in-time restore", [["point in time"]], earns: true),
      MatchCase("- shards\n- separate nodes", [["shard", "separate node"]], earns: false),
      MatchCase("Shards, e.g. on separate nodes", [["shard", "separate node"]], earns: true),
      MatchCase(
        "Version 3.5 of the shard on separate nodes", [["shard", "separate node"]], earns: true),
    ])
  func phraseWindows(_ example: MatchCase) {
    #expect((credit(example.answer, example.phrasings) == 100) == example.earns)
  }

  @Test(
    "negation earns nothing",
    arguments: [
      MatchCase(
        "NoSQL databases don't scale out.", [["nosql", "horizontal scaling"]], earns: false),
      MatchCase(
        "Sharding is not about separate nodes.", [["shard", "separate node"]], earns: false),
      MatchCase("Shards are never on separate nodes.", [["shard", "separate node"]], earns: false),
      MatchCase("Shards without separate nodes.", [["shard", "separate node"]], earns: false),
      MatchCase("A shard isn't on a separate node.", [["shard", "separate node"]], earns: false),
      MatchCase("Shards aren’t on separate nodes.", [["shard", "separate node"]], earns: false),
      MatchCase(
        "Partitions don't need other machines, they stay on a single node.",
        [["partition", "single node"]], earns: true),
      MatchCase(
        "Not only do shards sit on separate nodes, they scale.", [["shard", "separate node"]],
        earns: true),
      MatchCase("NoSQL stores scale out well.", [["nosql", "horizontal scaling"]], earns: true),
    ])
  func negation(_ example: MatchCase) {
    #expect((credit(example.answer, example.phrasings) == 100) == example.earns)
  }

  @Test("a negated talking point is shown as a possible misconception, with the words")
  func negatedPointIsReported() {
    let scored = Scorer.score(
      "Sharding is not about separate nodes.", against: rubric([["shard", "separate node"]]))
    #expect(scored.score == 0)
    #expect(scored.hits.isEmpty)
    #expect(scored.misconceptions.map(\.kind) == [.negatedPoint])
    #expect(scored.misconceptions.first?.evidence == ["Sharding", "separate nodes"])
  }

  @Test(
    "typos in longer words are tolerated, short words must be exact",
    arguments: [
      MatchCase("We partiton the table.", [["partition"]], earns: true),
      MatchCase("We use clustring keys.", [["clustering"]], earns: true),
      MatchCase("Denormalisaton speeds reads.", [["denormalisation"]], earns: true),
      MatchCase("Run a batch job.", [["match"]], earns: false),
      MatchCase("We use a stream.", [["scream"]], earns: false),
      MatchCase("Define the scheme.", [["schema"]], earns: false),
      MatchCase("Uze shardng.", [["sharding"]], earns: true),
      MatchCase("Use an idex.", [["index"]], earns: false),
      MatchCase("We artition the table.", [["partition"]], earns: false),
    ])
  func typos(_ example: MatchCase) {
    #expect((credit(example.answer, example.phrasings) == 100) == example.earns)
  }

  @Test("a lexicon group whose canonical form has no words is ignored, not looped on")
  func emptyCanonicalForm() {
    let lexicon = Lexicon(groups: [["--", "db"], ["database", "dbase"]])
    let scored = Scorer.score(
      "Each shard is its own db and dbase.",
      against: rubric([["shard", "database"]], lexicon: lexicon))
    #expect(scored.score == 100)
  }

  @Test("hits carry the answer's exact words as evidence")
  func evidence() {
    let scored = Scorer.score(
      "Put each Shard on SEPARATE nodes, please.", against: rubric([["shard", "separate node"]]))
    #expect(scored.hits.first?.evidence == ["Shard", "SEPARATE nodes"])
  }

  @Test("half the terms of a phrasing in one sentence earn partial credit")
  func partialCredit() {
    let scored = Scorer.score("Shards are great.", against: rubric([["shard", "separate node"]]))
    #expect(scored.score == 25)
    #expect(scored.misses.first?.credit == 0.25)
    #expect(scored.misses.first?.evidence == ["Shards"])
    #expect(
      credit("Shards and separate and nodes.", [["shard", "separate", "node", "cluster"]]) == 38)
    #expect(credit("Just shards.", [["shard", "separate", "node"]]) == 0)
  }

  private func weightedRubric(requiredOnFirst: Bool = false) -> CompiledRubric {
    let location = SourceLocation(file: "test.yaml", line: 1)
    let points = [
      TalkingPoint(
        label: "shards", weight: 3, required: requiredOnFirst,
        phrasings: [Phrasing(["shard"], isClaim: true)],
        location: location),
      TalkingPoint(
        label: "partitions", weight: 1, phrasings: [Phrasing(["partition"], isClaim: true)],
        location: location),
      TalkingPoint(
        label: "latency", weight: 1, phrasings: [Phrasing(["latency"], isClaim: true)],
        location: location),
    ]
    let misconception = Misconception(
      label: "same thing", phrasings: [Phrasing(["shard", "partition", "same"])],
      correction: "They differ.", penalty: 15, location: location)
    return CompiledRubric(
      Rubric(questionID: "q", points: points, misconceptions: [misconception], location: location),
      lexicon: CompiledLexicon(Lexicon()))
  }

  @Test(
    "weights decide the score",
    arguments: [
      ("Shards and partitions and latency.", 100, Band.strong),
      ("Shards.", 60, Band.adequate),
      ("Partitions and latency.", 40, Band.adequate),
      ("Latency.", 20, Band.weak),
      ("Nothing relevant.", 0, Band.weak),
    ])
  func weights(answer: String, score: Int, band: Band) {
    let scored = Scorer.score(answer, against: weightedRubric())
    #expect(scored.score == score)
    #expect(scored.band == band)
  }

  @Test("a missing required point caps the band at adequate")
  func requiredPoint() {
    let rubric = weightedRubric(requiredOnFirst: false)
    let location = SourceLocation(file: "test.yaml", line: 1)
    var source = rubric.rubric
    source.points[1].required = true
    let required = CompiledRubric(source, lexicon: CompiledLexicon(Lexicon()))
    _ = location
    let scored = Scorer.score("Shards and latency.", against: required)
    #expect(scored.score == 69)
    #expect(scored.band == .adequate)
    #expect(scored.cappedByRequired)
    let uncapped = Scorer.score("Shards and latency.", against: rubric)
    #expect(uncapped.score == 80)
    #expect(!uncapped.cappedByRequired)
  }

  @Test("a stated misconception costs its penalty; a negated one costs nothing")
  func misconceptions() {
    let stated = Scorer.score(
      "Shards, partitions and latency: sharding and partitioning are the same.",
      against: weightedRubric())
    #expect(stated.score == 85)
    #expect(stated.misconceptions.map(\.label) == ["same thing"])
    #expect(stated.misconceptions.first?.correction == "They differ.")
    let denied = Scorer.score(
      "Shards, partitions and latency. Sharding and partitioning are not the same.",
      against: weightedRubric())
    #expect(denied.score == 100)
    #expect(denied.misconceptions.isEmpty)
  }

  @Test(
    "a misconception named only to reject it costs nothing; stated as a claim it costs its penalty",
    arguments: [
      ("A common myth is that sharding and partitioning are the same.", false),
      ("People say sharding and partitioning are the same; that is wrong.", false),
      ("Rather than calling sharding and partitioning the same, compare their levels.", false),
      ("Unlike the claim that sharding and partitioning are the same, they differ.", false),
      ("Sharding and partitioning used to be the same in our old system.", true),
      ("We used to say sharding and partitioning are the same.", false),
      ("Sharding and partitioning are the same, rather than different.", true),
      (
        "Sharding and partitioning are the same. It is wrong to think that indexes never help.",
        true
      ),
      ("Sharding and partitioning are the same thing.", true),
    ])
  func rejectedMisconceptions(answer: String, charged: Bool) {
    let scored = Scorer.score(answer, against: weightedRubric())
    #expect(scored.misconceptions.contains { $0.label == "same thing" } == charged)
  }

  @Test("scoring is deterministic and survives hostile input")
  func hostileInput() {
    let rubric = weightedRubric()
    let inputs = [
      "", "   \n\n  ", String(repeating: "shard ", count: 30_000), "\u{0301}\u{0301}shard",
      "🙂🙂 shard 🙂", String(repeating: ".", count: 10_000), "shard\u{0}partition",
    ]
    for input in inputs {
      let first = Scorer.score(input, against: rubric)
      #expect(first == Scorer.score(input, against: rubric))
      #expect((0...100).contains(first.score))
    }
  }
}
