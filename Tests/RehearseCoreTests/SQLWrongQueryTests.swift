import Foundation
import RehearseCore
import Testing
import Yams

/// A plausible wrong query to a shipped SQL question: the mistake a candidate makes on what the
/// question is about (a tie, a late arrival, an exact duplicate, a NULL).
struct WrongQuery: Decodable, CustomTestStringConvertible, Sendable {
  var question: String
  var mistake: String
  var query: String
  var testDescription: String { "\(question): \(mistake)" }

  /// The wrong queries of `Fixtures/sql-wrong-queries.yaml`.
  static let all: [WrongQuery] = {
    let url = Repository.root.appendingPathComponent(
      "Tests/RehearseCoreTests/Fixtures/sql-wrong-queries.yaml")
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let queries = try? YAMLDecoder().decode([WrongQuery].self, from: text)
    else { return [] }
    return queries
  }()
}

@Suite("Plausible wrong SQL is weak")
struct SQLWrongQueryTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)

  @Test("the fixture lists wrong queries for every shipped SQL question")
  func coverage() throws {
    let bank = try #require(Self.bank)
    let sqlQuestions = Set(bank.questions.filter { $0.kind == .sql }.map(\.id))
    #expect(Set(WrongQuery.all.map(\.question)) == sqlQuestions)
  }

  @Test(
    "a plausible wrong query returns rows different enough to score weak", arguments: WrongQuery.all
  )
  func wrongQueryIsWeak(_ wrong: WrongQuery) throws {
    let bank = try #require(Self.bank)
    let exercise = try #require(try bank.requireQuestion(id: wrong.question).sql)
    let report = SQLChecker.check(wrong.query, exercise: exercise)
    #expect(report.outcome != .unavailable)
    #expect(Band(score: report.score) == .weak, "scored \(report.score): \(report.checks)")
  }
}
