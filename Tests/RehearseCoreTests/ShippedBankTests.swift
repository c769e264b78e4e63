import Foundation
import RehearseCore
import Testing

@Suite("Shipped bank")
struct ShippedBankTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)

  @Test("it loads and covers every component with five questions or more")
  func coverage() throws {
    let bank = try #require(Self.bank)
    for component in Component.allCases {
      #expect(bank.questions.filter { $0.component == component }.count >= 5, "\(component)")
    }
  }

  @Test("every rubric has a strong and a weak graded example, and every example gets its band")
  func gradedExamples() throws {
    let bank = try #require(Self.bank)
    for question in bank.questions {
      let bands = Set(bank.rubrics[question.id]?.examples.map(\.band) ?? [])
      #expect(bands.isSuperset(of: [.strong, .weak]), "\(question.id)")
    }
    let result = BankTester.run(bank, scorer: Scorer(bank: bank))
    #expect(result.checked > bank.questions.count * 3)
    #expect(result.failures.isEmpty, "\(result.failures)")
  }

  static let questionID = "dbc-sharding-vs-partitioning"

  @Test("a database-concepts model answer is strong")
  func modelAnswerIsStrong() throws {
    let bank = try #require(Self.bank)
    let question = try bank.requireQuestion(id: Self.questionID)
    let scored = try #require(
      Scorer(bank: bank).score(question.modelAnswer, questionID: question.id))
    #expect(scored.band == .strong)
    #expect(scored.misses.allSatisfy { !$0.required })
  }

  @Test(
    "off-topic answers are weak",
    arguments: [
      "I enjoy hiking in the mountains and cooking pasta on weekends.",
      "Python is a programming language with dynamic typing and a large standard library.",
      "",
    ])
  func offTopicIsWeak(answer: String) throws {
    let bank = try #require(Self.bank)
    let scored = try #require(Scorer(bank: bank).score(answer, questionID: Self.questionID))
    #expect(scored.band == .weak)
    #expect(scored.score < 20)
  }

  @Test("a talking point stated only in negated form is not earned")
  func negatedPointIsNotEarned() throws {
    let bank = try #require(Self.bank)
    let scorer = Scorer(bank: bank)
    let point = "Shards are independent databases on separate nodes"
    let affirmed = try #require(
      scorer.score("Sharding splits data across separate servers.", questionID: Self.questionID))
    #expect(affirmed.hits.map(\.point).contains(point))
    let negated = try #require(
      scorer.score(
        "Sharding does not split data across separate servers.", questionID: Self.questionID))
    #expect(!negated.hits.map(\.point).contains(point))
    #expect(
      negated.misconceptions.contains { $0.kind == .negatedPoint && $0.label.hasSuffix(point) })
    #expect(negated.score < affirmed.score)
  }
}
