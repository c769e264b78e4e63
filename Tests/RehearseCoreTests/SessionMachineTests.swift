import Foundation
import RehearseCore
import Testing

/// The session machine driven by a test clock: every event carries the time it happened. The
/// questions come from a small bank of the tests' own, so editing the shipped bank cannot break
/// these tests.
@Suite("Session machine")
struct SessionMachineTests {
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
  static let sharding = "dbc-sharding"
  static let etl = "dbc-etl"

  /// The tests' own two-question bank (`TestBank`), loaded once.
  static let bank: Bank? = {
    guard let files = try? TestBank() else { return nil }
    defer { files.remove() }
    return try? Bank.load(from: files.root)
  }()

  static func grader() throws -> Grader {
    Grader(bank: try #require(bank))
  }

  /// Two database questions with 60 s each, and a session limit.
  static func plan(questionSeconds: Int = 60, sessionSeconds: Int = 120) -> SessionPlan {
    SessionPlan(
      items: [
        .init(questionID: sharding, component: .databaseConcepts, limitSeconds: questionSeconds),
        .init(questionID: etl, component: .databaseConcepts, limitSeconds: questionSeconds),
      ], sessionLimitSeconds: sessionSeconds, seed: 1)
  }

  static func machine(
    _ mode: SessionMachine.InputMode = .terminal, plan: SessionPlan = plan(),
    previous: [AnswerRecord] = []
  ) throws -> SessionMachine {
    return try SessionMachine(plan: plan, bank: try #require(bank), mode: mode, previous: previous)
  }

  /// Hands `event` to the machine and grades every answer it asks to be graded, as the runner
  /// does; grading takes `gradingSeconds` of the test clock. The outputs, without the requests.
  static func feed(
    _ machine: inout SessionMachine, _ event: SessionMachine.Event, at time: Date,
    gradingSeconds: Double = 0
  ) -> [SessionMachine.Output] {
    let grader = (try? grader()) ?? Grader(rubrics: [:])
    var outputs: [SessionMachine.Output] = []
    var pending = machine.handle(event, at: time)[...]
    while let output = pending.popFirst() {
      guard case .grade(let questionID, let text) = output else {
        outputs.append(output)
        continue
      }
      let done = time.addingTimeInterval(gradingSeconds)
      pending = machine.graded(grader.grade(text, questionID: questionID), at: done)[...] + pending
    }
    return outputs
  }

  static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

  static func recorded(_ outputs: [SessionMachine.Output]) -> [AnswerRecord] {
    outputs.compactMap {
      if case .recorded(let answer) = $0 { answer } else { nil }
    }
  }

  static func asked(_ outputs: [SessionMachine.Output]) -> [String] {
    outputs.compactMap {
      if case .ask(let asked) = $0 { asked.question.id } else { nil }
    }
  }

  @Test("start asks the first question; a line holding a single dot submits the typed lines")
  func answerAtTerminal() throws {
    var machine = try Self.machine()
    #expect(Self.asked(machine.start(at: Self.t0)) == [Self.sharding])
    #expect(
      Self.feed(&machine, .line(""), at: Self.at(1)).isEmpty, "an empty first line is ignored")
    #expect(
      Self.feed(&machine, .line("Shards are independent databases on"), at: Self.at(5)).isEmpty)
    #expect(Self.feed(&machine, .line("separate nodes."), at: Self.at(9)).isEmpty)
    let outputs = Self.feed(&machine, .line("."), at: Self.at(12))
    let answer = try #require(Self.recorded(outputs).first)
    #expect(answer.outcome == .answered)
    #expect(answer.text == "Shards are independent databases on\nseparate nodes.")
    #expect(answer.secondsUsed == 12)
    #expect(answer.scored.hits.contains { $0.required })
    #expect(Self.asked(outputs) == [Self.etl])
  }

  @Test("piped answers keep their empty lines and end at a single dot")
  func pipedAnswer() throws {
    var machine = try Self.machine(.piped)
    _ = machine.start(at: Self.t0)
    for line in ["first paragraph", "", "second paragraph"] {
      #expect(Self.recorded(Self.feed(&machine, .line(line), at: Self.at(1))).isEmpty)
    }
    let answer = try #require(
      Self.recorded(Self.feed(&machine, .line(" . "), at: Self.at(2))).first)
    #expect(answer.text == "first paragraph\n\nsecond paragraph")
    #expect(answer.outcome == .answered)
  }

  @Test("a timeout keeps the lines and the unfinished line, scores them and asks the next")
  func timeoutKeepsPartialText() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    #expect(machine.deadline == Self.at(60))
    _ = Self.feed(&machine, .line("Sharding splits data"), at: Self.at(20))
    let outputs = Self.feed(&machine, .timeout(partial: "across separate servers"), at: Self.at(60))
    let answer = try #require(Self.recorded(outputs).first)
    #expect(answer.outcome == .timedOut)
    #expect(answer.text == "Sharding splits data\nacross separate servers")
    #expect(answer.scored.score > 0)
    #expect(Self.asked(outputs) == [Self.etl])
    #expect(machine.deadline == Self.at(120))
  }

  @Test("a line that arrives after the deadline still counts, and the answer is timed out")
  func lateLine() throws {
    var machine = try Self.machine(.piped)
    _ = machine.start(at: Self.t0)
    let outputs = Self.feed(&machine, .line("late words"), at: Self.at(75))
    let answer = try #require(Self.recorded(outputs).first)
    #expect(answer.outcome == .timedOut)
    #expect(answer.text == "late words")
    #expect(answer.answeredAt == Self.at(60), "the answer ends at its deadline")
  }

  @Test("the session limit cuts the question short and ends the session")
  func sessionLimit() throws {
    var machine = try Self.machine(plan: Self.plan(questionSeconds: 80, sessionSeconds: 100))
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("an answer"), at: Self.at(70))
    _ = Self.feed(&machine, .line("."), at: Self.at(70))
    #expect(machine.deadline == Self.at(100), "the session ends before the question's 80 s")
    #expect(machine.timeLeft(at: Self.at(90))?.session == 10)
    let outputs = Self.feed(&machine, .timeout(partial: "ETL transforms"), at: Self.at(100))
    #expect(Self.recorded(outputs).map(\.outcome) == [.timedOut])
    #expect(outputs.last == .finished(.sessionTimeUp))
    #expect(machine.state == .finished(.sessionTimeUp))
    #expect(
      Self.feed(&machine, .line("more"), at: Self.at(101)).isEmpty,
      "a finished session ignores input")
  }

  @Test(":skip and Ctrl-D on an empty answer skip the question with a score of 0")
  func skipping() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("Sharding splits data across separate servers."), at: Self.at(3))
    let skipped = try #require(
      Self.recorded(Self.feed(&machine, .line(":skip"), at: Self.at(4))).first)
    #expect(skipped.outcome == .skipped)
    #expect(skipped.scored.score == 0)
    #expect(skipped.scored.hits.isEmpty)
    let outputs = Self.feed(&machine, .endOfInput(partial: ""), at: Self.at(6))
    #expect(Self.recorded(outputs).map(\.outcome) == [.skipped])
    #expect(outputs.last == .finished(.completed))
  }

  @Test(":hint reveals the hints in order, then says there are no more; the count is recorded")
  func hints() throws {
    let hints = try #require(Self.bank?.question(id: Self.sharding)?.hints)
    try #require(!hints.isEmpty)
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    for (index, hint) in hints.enumerated() {
      #expect(
        Self.feed(&machine, .line(":hint"), at: Self.at(1))
          == [.hint(hint, number: index + 1, of: hints.count)])
    }
    #expect(Self.feed(&machine, .line(" :HINT "), at: Self.at(2)) == [.noMoreHints])
    _ = Self.feed(&machine, .line("an answer"), at: Self.at(3))
    let answer = try #require(Self.recorded(Self.feed(&machine, .line("."), at: Self.at(4))).first)
    #expect(answer.hintsUsed == hints.count)
    #expect(answer.text == "an answer", "command lines are not part of the answer")
  }

  @Test(":repeat, :time, :help and an unknown command change nothing in the answer")
  func informationalCommands() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("typed"), at: Self.at(1))
    let repeated = Self.feed(&machine, .line(":repeat"), at: Self.at(2))
    guard case .ask(let asked) = repeated.first else {
      Issue.record("expected the question again, got \(repeated)")
      return
    }
    #expect(asked.isRepeat && asked.question.id == Self.sharding)
    #expect(
      Self.feed(&machine, .line(":time"), at: Self.at(15))
        == [
          .timeLeft(.init(question: 45, questionLimit: 60, session: 105, sessionLimit: 120))
        ])
    #expect(
      Self.feed(&machine, .line(":help"), at: Self.at(16)) == [
        .help(SessionMachine.Command.whileAnswering)
      ])
    #expect(
      Self.feed(&machine, .line(":frobnicate"), at: Self.at(17)) == [.unknownCommand("frobnicate")])
    #expect(machine.draft == ["typed"])
    #expect(SessionMachine.command(in: ": not a command") == nil)
    #expect(SessionMachine.command(in: "::") == nil)
  }

  @Test(":quit keeps what was typed as interrupted; with nothing typed it records nothing")
  func quitting() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("half an answer"), at: Self.at(5))
    let outputs = Self.feed(&machine, .line(":quit"), at: Self.at(6))
    #expect(Self.recorded(outputs).map(\.outcome) == [.interrupted])
    #expect(outputs.last == .finished(.quit))

    var empty = try Self.machine()
    _ = empty.start(at: Self.t0)
    #expect(Self.feed(&empty, .line(":quit"), at: Self.at(1)) == [.finished(.quit)])
    #expect(empty.answers.isEmpty)
  }

  @Test("Ctrl-C saves the typed text, including the unfinished line, as interrupted")
  func interrupt() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("line one"), at: Self.at(5))
    let outputs = Self.feed(&machine, .interrupt(partial: "line tw"), at: Self.at(7))
    let answer = try #require(Self.recorded(outputs).first)
    #expect(answer.outcome == .interrupted)
    #expect(answer.text == "line one\nline tw")
    #expect(outputs.last == .finished(.interrupted))
    #expect(!SessionEnding.interrupted.isComplete)
  }

  @Test("end of piped input saves an unfinished answer and ends the session as incomplete")
  func pipedEndOfInput() throws {
    var machine = try Self.machine(.piped)
    _ = machine.start(at: Self.t0)
    _ = Self.feed(&machine, .line("no closing dot"), at: Self.at(1))
    let outputs = Self.feed(&machine, .endOfInput(partial: ""), at: Self.at(2))
    #expect(Self.recorded(outputs).map(\.text) == ["no closing dot"])
    #expect(outputs.last == .finished(.endOfInput))
  }

  @Test("a resumed session starts after the saved answers with the session time left")
  func resume() throws {
    var first = try Self.machine()
    _ = first.start(at: Self.t0)
    _ = Self.feed(&first, .line("an answer"), at: Self.at(50))
    _ = Self.feed(&first, .line("."), at: Self.at(50))
    let saved = first.answers
    #expect(saved.count == 1)

    let later = Self.at(10_000)
    var resumed = try Self.machine(previous: saved)
    #expect(Self.asked(resumed.start(at: later)) == [Self.etl])
    #expect(resumed.timeLeft(at: later)?.session == 70)
    #expect(resumed.deadline == later.addingTimeInterval(60))
    let outputs = Self.feed(&resumed, .line(":skip"), at: later.addingTimeInterval(1))
    #expect(outputs.last == .finished(.completed))
    #expect(resumed.answers.map(\.position) == [0, 1])
  }

  @Test("control characters are dropped and an answer is cut at the byte limit with a notice")
  func hostileInput() throws {
    var machine = try Self.machine(.piped)
    _ = machine.start(at: Self.t0)
    let binary = Self.feed(&machine, .line("ab\u{1B}[31mc\u{0}d\u{7}\te"), at: Self.at(1))
    #expect(machine.draft == ["ab[31mcd e"])
    guard case .notice(let message) = binary.first else {
      Issue.record("expected a notice about the bytes, got \(binary)")
      return
    }
    #expect(message.contains("not text"))
    #expect(Self.feed(&machine, .line("x\u{0}y"), at: Self.at(1)).isEmpty, "told once per answer")
    #expect(Self.feed(&machine, .line("plain\ttabbed"), at: Self.at(1)).isEmpty, "a tab is text")
    let huge = String(repeating: "é", count: AnswerInput.maximumBytes)
    let outputs = Self.feed(&machine, .line(huge), at: Self.at(2))
    #expect(outputs.count == 1)
    guard case .notice = outputs.first else {
      Issue.record("expected a notice, got \(outputs)")
      return
    }
    #expect(machine.draft.joined(separator: "\n").utf8.count <= AnswerInput.maximumBytes)
    #expect(machine.draft.dropFirst(2).first == "plain tabbed")
    #expect(Self.feed(&machine, .line("more"), at: Self.at(3)).isEmpty, "nothing more is kept")
    let answer = try #require(Self.recorded(Self.feed(&machine, .line("."), at: Self.at(4))).first)
    #expect(answer.text.utf8.count <= AnswerInput.maximumBytes)
  }

  @Test("an ended answer waits for its grade: nothing is asked and no clock runs meanwhile")
  func gradingIsAnEffect() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = machine.handle(.line("Shards are independent databases"), at: Self.at(10))
    let ended = machine.handle(.line("."), at: Self.at(12))
    #expect(ended == [.grade(questionID: Self.sharding, text: "Shards are independent databases")])
    #expect(machine.state == .grading(position: 0))
    #expect(machine.deadline == nil && machine.timeLeft(at: Self.at(13)) == nil)
    #expect(machine.handle(.line("typed while grading"), at: Self.at(13)).isEmpty)

    // Grading took 30 s: the next question starts when it ended, with its whole minute, and the
    // session has lost only the 12 s of the answer.
    let graded = try Self.grader().grade(
      "Shards are independent databases", questionID: Self.sharding)
    let outputs = machine.graded(graded, at: Self.at(42))
    let answer = try #require(Self.recorded(outputs).first)
    #expect(answer.secondsUsed == 12)
    #expect(answer.scored == graded)
    #expect(Self.asked(outputs) == [Self.etl])
    #expect(machine.deadline == Self.at(102))
    #expect(
      machine.timeLeft(at: Self.at(42))
        == .init(question: 60, questionLimit: 60, session: 108, sessionLimit: 120))
  }

  @Test("a skip asks for the grade of nothing, so no code is run and nothing is read")
  func skipGradesNothing() throws {
    var machine = try Self.machine()
    _ = machine.start(at: Self.t0)
    _ = machine.handle(.line("half a thought"), at: Self.at(3))
    #expect(
      machine.handle(.line(":skip"), at: Self.at(4)) == [
        .grade(questionID: Self.sharding, text: "")
      ])
  }

  @Test("lines pasted after the end of an answer go to the next question once it is graded")
  func pasteAcrossAnswers() throws {
    var machine = try Self.machine(.piped)
    _ = machine.start(at: Self.t0)
    let outputs = Self.feed(
      &machine, .line("first answer\n.\nsecond answer\n."), at: Self.at(5), gradingSeconds: 2)
    #expect(Self.recorded(outputs).map(\.text) == ["first answer", "second answer"])
    #expect(outputs.last == .finished(.completed))
  }

  @Test("a timeout's grading pause does not count against the session either")
  func timeoutThenPause() throws {
    var machine = try Self.machine(plan: Self.plan(questionSeconds: 60, sessionSeconds: 150))
    _ = machine.start(at: Self.t0)
    let outputs = Self.feed(
      &machine, .timeout(partial: "ETL"), at: Self.at(60), gradingSeconds: 100)
    #expect(Self.recorded(outputs).map(\.outcome) == [.timedOut])
    #expect(Self.asked(outputs) == [Self.etl])
    #expect(machine.timeLeft(at: Self.at(160))?.session == 90)
    #expect(machine.deadline == Self.at(220))
  }
}

/// Drawing the questions of a session.
@Suite("Session plan")
struct SessionPlanTests {
  static func bank() throws -> Bank { try #require(ShippedBankTests.bank) }

  @Test("the default mock is one question per component, in the order of the notes")
  func defaultMock() throws {
    let (plan, shortfall) = try SessionPlan.draw(from: Self.bank(), SessionSelection(seed: 7))
    #expect(plan.items.map(\.component) == Component.allCases)
    #expect(shortfall == 0)
    let bank = try Self.bank()
    let expected = plan.items.reduce(0) { total, item in
      total + (bank.question(id: item.questionID)?.minutes ?? 0) * 60
    }
    #expect(plan.sessionLimitSeconds == expected)
  }

  @Test("the same seed draws the same questions; other seeds vary the draw")
  func seeds() throws {
    let bank = try Self.bank()
    let draw = { (seed: UInt64) in
      try SessionPlan.draw(from: bank, SessionSelection(seed: seed)).plan.items.map(\.questionID)
    }
    #expect(try draw(42) == draw(42))
    let draws = try Set((1...20).map { try draw(UInt64($0)) })
    #expect(draws.count > 1)
  }

  @Test("a count spreads over the chosen components and filters by difficulty")
  func countAndFilters() throws {
    let bank = try Self.bank()
    let (plan, _) = try SessionPlan.draw(
      from: bank,
      SessionSelection(
        components: [.behavioural, .ciCd], count: 5, minutesPerQuestion: 1.5,
        sessionMinutes: 6, seed: 3))
    #expect(plan.items.map(\.component) == [.ciCd, .ciCd, .ciCd, .behavioural, .behavioural])
    #expect(Set(plan.items.map(\.questionID)).count == 5)
    #expect(plan.items.allSatisfy { $0.limitSeconds == 90 })
    #expect(plan.sessionLimitSeconds == 360)

    let (easy, _) = try SessionPlan.draw(
      from: bank, SessionSelection(count: 50, difficulties: 1...1, seed: 3))
    #expect(!easy.items.isEmpty)
    #expect(easy.items.allSatisfy { bank.question(id: $0.questionID)?.difficulty == 1 })
  }

  @Test("asking for more questions than match asks them all and tells the shortfall")
  func shortfall() throws {
    let bank = try Self.bank()
    let available = bank.questions.filter { $0.component == .databaseConcepts }.count
    let (plan, shortfall) = try SessionPlan.draw(
      from: bank, SessionSelection(components: [.databaseConcepts], count: available + 4, seed: 1))
    #expect(plan.items.count == available)
    #expect(shortfall == 4)
  }

  @Test(
    "impossible selections are usage errors",
    arguments: [
      SessionSelection(count: 0, seed: 1),
      SessionSelection(minutesPerQuestion: 0, seed: 1),
      SessionSelection(sessionMinutes: 100_000, seed: 1),
      SessionSelection(minutesPerQuestion: .nan, seed: 1),
      SessionSelection(questionIDs: ["no-such-question"], seed: 1),
    ])
  func impossible(selection: SessionSelection) throws {
    let bank = try Self.bank()
    #expect {
      _ = try SessionPlan.draw(from: bank, selection)
    } throws: { error in
      (error as? any RehearseError)?.exitStatus == .usage
    }
  }

  @Test("a bank without questions of the chosen component says so")
  func noMatch() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let loaded = try Bank.load(from: bank.root)
    #expect(throws: SessionSelectionError.self) {
      _ = try SessionPlan.draw(from: loaded, SessionSelection(components: [.behavioural], seed: 1))
    }
  }
}
