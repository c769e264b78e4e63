import Foundation
import Testing

/// `today`, `reschedule`, `ask` with several ids and `mock --question`/`--due`, through the
/// binary: what a candidate sees of the schedule.
@Suite("The study plan from the command line", .serialized)
struct StudyCommandTests {
  static let questions = ["dbc-sharding-vs-partitioning", "cicd-environments-dev-staging-prod"]

  func today(_ home: SharedHome) throws -> [String: Any] {
    let run = try home.run(["today", "--format", "json"])
    #expect(run.status == 0, "\(run.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
  }

  @Test("a new home: nothing due, no streak, a session of new questions suggested")
  func newHome() throws {
    let home = SharedHome()
    defer { home.remove() }
    let plan = try today(home)
    #expect((plan["due"] as? [Any])?.isEmpty == true)
    #expect(plan["streak"] as? Int == 0)
    let suggested = try #require(plan["suggested"] as? [[String: Any]])
    #expect(suggested.count == 7)
    #expect(suggested.allSatisfy { $0["why"] as? String == "new" })
    #expect(try home.run(["today"]).standardOutput.contains("no streak yet"))
  }

  @Test("weak answers to two asked questions: both due tomorrow, a streak, weak points")
  func afterWeakAnswers() throws {
    let home = SharedHome()
    defer { home.remove() }
    let asked = try home.run(
      ["ask"] + Self.questions, input: "It is about databases.\n.\nno idea\n.\n")
    #expect(asked.status == 0, "\(asked.standardError)")
    let plan = try today(home)
    #expect(plan["streak"] as? Int == 1)
    #expect(plan["practised_today"] as? Bool == true)
    #expect((plan["weak_points"] as? Int ?? 0) > 0)
    let next = try #require(plan["next_due"] as? [String: Any])
    #expect(next["in_days"] as? Int == 1 && next["questions"] as? Int == 2)
    let suggested = try #require(plan["suggested"] as? [[String: Any]])
    #expect(
      !suggested.contains { Self.questions.contains($0["question_id"] as? String ?? "") },
      "questions answered today are not drawn again today")
    #expect(try home.run(["today"]).standardOutput.contains("Next: 2 questions tomorrow"))

    let rebuilt = try home.run(["reschedule"])
    #expect(rebuilt.status == 0 && rebuilt.standardOutput.contains("Rescheduled 2 questions"))
    #expect(try today(home)["next_due"] as? [String: Any] != nil)

    let due = try home.run(["mock", "--due"], input: "")
    #expect(due.status == 64)
    #expect(due.standardError.contains("due today"))
  }

  @Test("mock --question asks exactly those, in order; it takes no draw options")
  func questionOption() throws {
    let home = SharedHome()
    defer { home.remove() }
    let run = try home.run(
      ["mock", "--question", Self.questions[1], "--question", Self.questions[0]],
      input: "first\n.\nsecond\n.\n")
    #expect(run.status == 0, "\(run.standardError)")
    let review = try home.run(["review", "last", "--format", "json"])
    let transcript = try JSONSerialization.jsonObject(with: Data(review.standardOutput.utf8))
    let answers = try #require((transcript as? [String: Any])?["answers"] as? [[String: Any]])
    #expect(answers.compactMap { $0["question"] as? String } == Array(Self.questions.reversed()))
    // Two weak answers: each rated again, and the review says so.
    #expect(answers.compactMap { $0["rating"] as? String } == ["again", "again"])
    let mixed = try home.run(["mock", "--question", Self.questions[0], "--count", "2"])
    #expect(mixed.status == 64)
    #expect(mixed.standardError.contains("--question asks exactly the questions named"))
  }
}
