import Foundation
import RehearseCore
import Testing

/// What `bank test` finds in a rubric without anyone writing an answer to it.
@Suite("Rubric self-tests")
struct RubricSelfTestTests {
  private static let location = SourceLocation(file: "rubrics/test.yaml", line: 3)

  private static func bank(_ rubric: Rubric, modelAnswer: String) -> Bank {
    let question = Question(
      id: "q", component: .databaseConcepts, kind: .open,
      prompt: "What is the difference between sharding and partitioning?", difficulty: 1,
      minutes: 3, modelAnswer: modelAnswer, location: location)
    return Bank(
      questions: [question], rubrics: ["q": rubric], lexicon: Lexicon(),
      root: URL(fileURLWithPath: "/"))
  }

  private static let points = [
    TalkingPoint(
      label: "Shards are separate databases on their own servers", required: true,
      phrasings: [Phrasing(["shard"]), Phrasing(["shard", "own server"])], location: location),
    TalkingPoint(
      label: "Partitions split a table inside one database",
      phrasings: [Phrasing(["partition"]), Phrasing(["partition", "one database"])],
      location: location),
  ]

  private static let modelAnswer =
    "Each shard is a separate database on its own server, so we add servers to scale. "
    + "A partition splits one table inside one database, so queries skip old months."

  @Test(
    "a rubric whose topic names alone earn half, without inverted and plain examples, or with one misconception, fails"
  )
  func missingParts() {
    let rubric = Rubric(
      questionID: "q", points: Self.points,
      misconceptions: [
        Misconception(
          label: "They are the same", phrasings: [Phrasing(["shard", "same", "partition"])],
          correction: "They differ.", location: Self.location)
      ], location: Self.location)
    let failures = BankTester.run(Self.bank(rubric, modelAnswer: Self.modelAnswer))
      .selfTestFailures.map(\.test)
    #expect(failures.contains(.missingInvertedExample))
    #expect(failures.contains(.missingPlainExample))
    #expect(failures.contains(.tooFewMisconceptions))
    // "Shard, partition" and the prompt both name the two topics: half of every point, 50.
    #expect(failures.contains(.keywordSalad))
    #expect(failures.contains(.pastedPrompt))
    #expect(RubricSelfTest.keywordSalad(of: rubric) == "shard, partition")
  }

  @Test("a misconception firing on the model answer and a required point it misses are found")
  func goodAnswerFailures() {
    let rubric = Rubric(
      questionID: "q", points: Self.points,
      misconceptions: [
        Misconception(
          label: "Shards live on one server", phrasings: [Phrasing(["shard", "own server"])],
          correction: "Each shard has its own server.", location: Self.location)
      ], location: Self.location)
    let failures = BankTester.run(Self.bank(rubric, modelAnswer: Self.modelAnswer))
      .selfTestFailures
    let tests = failures.map(\.test)
    #expect(tests.contains(.misconceptionOnGoodAnswer))
    #expect(tests.contains(.requiredPointMissed))
    #expect(failures.allSatisfy { $0.file == Self.location.file && $0.line == Self.location.line })
  }
}
