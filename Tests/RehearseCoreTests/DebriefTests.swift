import Foundation
import Testing

@testable import RehearseCore

/// Lines typed into a form, then the end of the input, or Ctrl-C.
struct ScriptedForm: FormInput {
  var lines: [String]
  var interruptAtEnd = false

  mutating func read(prompt: String) -> FormAnswer {
    guard !lines.isEmpty else { return interruptAtEnd ? .interrupt : .end }
    return .line(lines.removeFirst())
  }
}

/// Debriefs kept in memory, as the store keeps them.
final class MemoryDebriefs: DebriefArchive {
  var saved: [Debrief] = []

  func saveDebrief(_ debrief: Debrief) throws -> Int64 {
    var debrief = debrief
    debrief.id = Int64(saved.count + 1)
    saved.append(debrief)
    return debrief.id
  }

  func debriefs() throws -> [Debrief] { saved.reversed() }

  func debrief(_ id: String) throws -> Debrief {
    guard let found = saved.first(where: { id == "last" ? true : $0.label == id }) else {
      throw DebriefError.unknownDebrief(id)
    }
    return found
  }

  func removeDebrief(_ id: Int64) throws { saved.removeAll { $0.id == id } }

  func linkOwnQuestion(debrief id: Int64, position: Int, questionID: String) throws {
    guard let index = saved.firstIndex(where: { $0.id == id }) else {
      throw DebriefError.unknownDebrief("d\(id)")
    }
    saved[index].questions[position - 1].ownQuestionID = questionID
  }
}

@Suite("Debriefs")
struct DebriefTests {
  static let today = LocalDay(iso: "2026-12-04")!

  @Test(
    "an asked question reads as a new question of the component its like questions hold",
    arguments: [
      ("How familiar are you with cloud infrastructure like GCP or AWS?", Component.cloudPlatforms),
      ("Write a SQL query that finds the top 3 salaries in each department.", .sqlPython),
      ("Tell me about a time you disagreed with a stakeholder.", .behavioural),
    ])
  func componentGuess(question: String, expected: Component) throws {
    let bank = try #require(ShippedBankTests.bank)
    let asked = AskedQuestion(
      text: question, rating: .badly, answer: "What I said.", improve: "Say more.")
    let fields = AskedQuestionDrafter.fields(for: asked, company: "Net Ease", bank: bank.questions)
    #expect(fields.component == expected, "alike: \(fields.similarQuestions)")
    #expect(fields.prompt == question)
    #expect(fields.modelAnswer == "What I said." && fields.hint == "Say more.")
    #expect(fields.tags.prefix(2) == ["debrief", "net-ease"])
    #expect(!fields.similarQuestions.isEmpty)
    #expect(
      fields.similarQuestions.allSatisfy { id in bank.question(id: id) != nil },
      "the alike questions are the bank's")
  }

  @Test("promoting an asked question drafts from the debrief, the flags winning")
  func promoteRequest() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let source = BankSource(
      explicitPath: bank.root.path, environment: [:], executablePath: "/bin/sh",
      currentDirectory: "/")
    let archive = MemoryDebriefs()
    _ = try archive.saveDebrief(
      Debrief(
        company: "Acme", day: Self.today, round: "technical 1",
        questions: [
          AskedQuestion(text: "What is sharding?", answer: "Splitting data.", improve: "Examples."),
          AskedQuestion(text: "Why Kafka?"),
        ]))
    let first = try Rehearse.debriefPromoteRequest(
      DebriefPromoteRequest(debrief: "d1", position: 1, bank: source), archive: archive)
    #expect(first.question.prompt == "What is sharding?")
    #expect(first.question.modelAnswer == "Splitting data.")
    #expect(first.question.hints == ["From your debrief, what to improve: Examples."])
    #expect(first.question.tags.starts(with: ["debrief", "acme"]))

    let overridden = try Rehearse.debriefPromoteRequest(
      DebriefPromoteRequest(
        debrief: "d1", position: 2, bank: source,
        overrides: OwnQuestionDraft(component: .systemDesign, tags: ["kafka"], id: "own-kafka")),
      archive: archive)
    #expect(overridden.question.component == .systemDesign)
    #expect(overridden.question.tags == ["kafka"] && overridden.question.id == "own-kafka")
    #expect(overridden.question.modelAnswer == nil, "no answer recorded: bank add asks for one")
    #expect(overridden.question.hints.isEmpty)

    let output = try Rehearse.debriefPromoted(
      DebriefPromoteRequest(debrief: "d1", position: 2, bank: source), questionID: "own-kafka",
      archive: archive)
    #expect(output.standardOutput.contains("own-kafka"))
    #expect(try archive.debrief("d1").questions.map(\.ownQuestionID) == [nil, "own-kafka"])
    #expect(throws: DebriefError.unknownQuestion(debrief: "d1", position: 3)) {
      try Rehearse.debriefPromoteRequest(
        DebriefPromoteRequest(debrief: "d1", position: 3, bank: source), archive: archive)
    }
  }

  @Test("a question sharing no word with the bank is taken as behavioural, with no hint")
  func noLikeQuestion() throws {
    let bank = try #require(ShippedBankTests.bank)
    let fields = AskedQuestionDrafter.fields(
      for: AskedQuestion(text: "Zxqv plorb?"), company: "", bank: bank.questions)
    #expect(fields.component == .behavioural)
    #expect(fields.similarQuestions.isEmpty && fields.hint == nil && fields.tags == ["debrief"])
  }

  @Test("the form keeps what was typed when Ctrl-C stops it, marked incomplete (exit 130)")
  func interruptedForm() throws {
    var input = ScriptedForm(
      lines: ["Acme", "", "HR screen", "", "", "Why data engineering?", "well", "I like it"],
      interruptAtEnd: true)
    let archive = MemoryDebriefs()
    let output = try Rehearse.debriefAdd(
      DebriefRequest(), input: &input, today: Self.today, archive: archive
    ) { _ in }
    #expect(output.status == .interrupted)
    let saved = try #require(archive.saved.first)
    #expect(!saved.complete && saved.day == Self.today && saved.round == "HR screen")
    #expect(
      saved.questions == [
        AskedQuestion(text: "Why data engineering?", rating: .well, answer: "I like it")
      ])
  }

  @Test("Ctrl-C before the company keeps nothing")
  func cancelledEarly() throws {
    var input = ScriptedForm(lines: [], interruptAtEnd: true)
    let archive = MemoryDebriefs()
    #expect(throws: DebriefError.cancelled) {
      try Rehearse.debriefAdd(DebriefRequest(), input: &input, today: Self.today, archive: archive)
      { _ in }
    }
    #expect(archive.saved.isEmpty)
  }

  @Test("a wrong date or rating is asked again; flags are not asked")
  func reasking() throws {
    var input = ScriptedForm(lines: [
      "2026-02-30", "2026-11-03", "", "", "Q?", "great", "b", ".", ".", "", ".", ".",
    ])
    let archive = MemoryDebriefs()
    var shown: [String] = []
    let output = try Rehearse.debriefAdd(
      DebriefRequest(company: "Acme", round: "final"), input: &input, today: Self.today,
      archive: archive
    ) { shown.append($0) }
    #expect(output.status == .success)
    let saved = try #require(archive.saved.first)
    #expect(saved.complete && saved.company == "Acme" && saved.round == "final")
    #expect(saved.day == LocalDay(iso: "2026-11-03"))
    #expect(saved.questions.map(\.rating) == [.badly])
    #expect(shown.contains { $0.contains("not a YYYY-MM-DD day") })
    #expect(shown.contains { $0.contains("well, partly or badly") })
  }

  @Test("ids are d3, and a bare 3 only where no session id is meant")
  func ids() {
    #expect(Debrief.number(in: "d3", bareNumber: false) == 3)
    #expect(Debrief.number(in: "3", bareNumber: false) == nil)
    #expect(Debrief.number(in: "3", bareNumber: true) == 3)
    #expect(Debrief.number(in: "d", bareNumber: true) == nil)
    #expect(Debrief.number(in: "d0", bareNumber: true) == nil)
    #expect(Debrief.number(in: "last", bareNumber: true) == nil)
  }

  @Test("history puts a debrief among the sessions by its day, and filters apply to it")
  func historyMerge() {
    let zone = TimeZone(identifier: "UTC")!
    func session(_ id: Int64, _ day: String) -> SessionSummary {
      let start = LocalDay(iso: day)!.number * 86_400 + 3_600
      return SessionSummary(
        id: id, startedAt: Date(timeIntervalSince1970: Double(start)), endedAt: nil,
        ending: .completed, resumed: 0, planned: 1, story: nil, answers: 1, scoreTotal: 50,
        secondsUsed: 60, components: [.sqlPython], lastPosition: 0)
    }
    let sessions = [session(3, "2026-11-22"), session(2, "2026-11-20"), session(1, "2026-11-19")]
    let debrief = Debrief(id: 1, company: "Acme", day: LocalDay(iso: "2026-11-20")!, round: "HR")
    let ids = { (entries: [HistoryEntry]) in
      entries.map { entry -> String in
        switch entry {
        case .session(let summary): "\(summary.id)"
        case .debrief(let debrief): debrief.label
        }
      }
    }
    #expect(
      ids(HistoryEntry.merged(sessions, [debrief], filter: .all, timeZone: zone))
        == ["3", "d1", "2", "1"])
    #expect(
      ids(HistoryEntry.merged(sessions, [debrief], filter: HistoryFilter(limit: 2), timeZone: zone))
        == ["3", "d1"])
    #expect(
      ids(
        HistoryEntry.merged(
          sessions, [debrief], filter: HistoryFilter(component: .sqlPython), timeZone: zone))
        == ["3", "2", "1"])
  }

  @Test("a debrief file's labels may follow one another, and its front matter may carry comments")
  func fileLayout() throws {
    let text = """
      \u{FEFF}---
      company: "Acme # Co"   # quoted, the # is kept
      round: HR screen       # a comment
      ---

      ## Questions

      ### Why us?
      Went: W
      Answered: Your platform.
      Improve: Name their product.
      Rating: partly

      ## Company

      Spark.
      """
    let debrief = try DebriefFile.parse(text, file: "d.md", today: Self.today)
    #expect(debrief.company == "Acme # Co" && debrief.round == "HR screen")
    #expect(debrief.day == Self.today)
    #expect(
      debrief.questions == [
        AskedQuestion(
          text: "Why us?", rating: .partly, answer: "Your platform.",
          improve: "Name their product.")
      ])
    #expect(debrief.companyNotes == "Spark.")
    #expect(
      throws: DebriefFileError.unknownField(
        file: "d.md", line: 2, key: "compnay", suggestion: "company")
    ) {
      try DebriefFile.parse("---\ncompnay: X\n---\n", file: "d.md", today: Self.today)
    }
  }

  @Test(
    "an asked question of a saved debrief reads as new-question fields; a missing one is refused")
  func fieldsFromArchive() throws {
    let bank = try #require(ShippedBankTests.bank)
    let archive = MemoryDebriefs()
    _ = try archive.saveDebrief(
      Debrief(
        company: "Acme", day: Self.today, round: "technical 1",
        questions: [
          AskedQuestion(text: "Why us?"),
          AskedQuestion(text: "How would you choose between AWS Lambda and EC2 for a job?"),
        ]))
    let fields = try Rehearse.askedQuestionFields(
      debrief: "d1", position: 2, archive: archive, bank: bank)
    #expect(fields.component == .cloudPlatforms)
    #expect(throws: DebriefError.unknownQuestion(debrief: "d1", position: 3)) {
      try Rehearse.askedQuestionFields(debrief: "d1", position: 3, archive: archive, bank: bank)
    }
  }
}
