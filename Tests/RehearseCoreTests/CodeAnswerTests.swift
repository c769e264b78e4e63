import Foundation
import RehearseCore
import Testing

/// Code answers in a session: how they end, what they keep, and how they are scored.
@Suite("Code answers in a session")
struct CodeAnswerTests {
  static let sqlID = "sql-total-spend-per-player-left-join"
  static let pythonID = "py-latest-record-per-key"
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
  static let checker = ExerciseChecker.locate(environment: ProcessInfo.processInfo.environment)
  /// The tests' own bank of these two exercises (`Fixtures/code-bank`), so that editing the
  /// shipped bank cannot break the session tests.
  static let bank: Bank? = Bundle.module.url(
    forResource: "code-bank", withExtension: nil, subdirectory: "Fixtures"
  ).flatMap { try? Bank.load(from: $0) }

  /// A session machine with the grader the runner would give it.
  struct CodeSession {
    var machine: SessionMachine
    let grader: Grader

    /// Feeds `lines` one second apart, grading each answer as the runner does, and returns the
    /// answers recorded.
    mutating func feed(_ lines: [String]) -> [AnswerRecord] {
      var outputs = machine.start(at: t0)
      for (index, line) in lines.enumerated() {
        let time = t0.addingTimeInterval(Double(index + 1))
        var pending = machine.handle(.line(line), at: time)[...]
        while let output = pending.popFirst() {
          guard case .grade(let id, let text) = output else {
            outputs.append(output)
            continue
          }
          pending = machine.graded(grader.grade(text, questionID: id), at: time)[...] + pending
        }
      }
      return SessionMachineTests.recorded(outputs)
    }
  }

  static func session(
    _ ids: [String], mode: SessionMachine.InputMode = .terminal,
    checker: ExerciseChecker? = checker
  ) throws -> CodeSession {
    let bank = try #require(Self.bank)
    let plan = SessionPlan(
      items: ids.map { .init(questionID: $0, component: .sqlPython, limitSeconds: 300) },
      sessionLimitSeconds: 900, seed: 1)
    return CodeSession(
      machine: try SessionMachine(plan: plan, bank: bank, mode: mode),
      grader: Grader(bank: bank, questionIDs: ids, checker: checker))
  }

  static let query = [
    "SELECT p.player_id, p.username, COUNT(pu.purchase_id),",
    "",
    "       COALESCE(SUM(pu.amount), 0)",
    "FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id",
    "GROUP BY p.player_id;",
  ]

  @Test("at a terminal a SQL answer keeps its empty lines and ends at the ; that completes it")
  func sqlEndsAtSemicolon() throws {
    var session = try Self.session([Self.sqlID, Self.pythonID])
    let answers = session.feed(Self.query)
    let answer = try #require(answers.first)
    #expect(answers.count == 1)
    #expect(answer.text == Self.query.joined(separator: "\n"))
    #expect(answer.scored.execution?.outcome == .passed)
    #expect(answer.scored.score == 100)
    #expect(answer.scored.band == .strong)
    #expect(session.machine.current?.question.id == Self.pythonID)
  }

  @Test("a ; inside a string or a comment does not end the answer")
  func semicolonInsideString() throws {
    var session = try Self.session([Self.sqlID])
    let answers = session.feed([
      "SELECT p.player_id, p.username, 'a;",
      "b' AS note -- ends here;",
      "FROM players p;",
    ])
    #expect(answers.count == 1)
    #expect(answers.first?.text.hasSuffix("FROM players p;") == true)
    #expect(answers.first?.scored.execution?.outcome == .failed)
  }

  @Test("a pasted block that arrives as one line with line breaks counts as its lines")
  func pastedBlock() throws {
    var session = try Self.session([Self.sqlID, Self.pythonID])
    let answers = session.feed([Self.query.joined(separator: "\n")])
    #expect(answers.count == 1)
    #expect(answers.first?.text == Self.query.joined(separator: "\n"))
    #expect(answers.first?.scored.execution?.outcome == .passed)
    #expect(session.machine.current?.question.id == Self.pythonID)
  }

  @Test("piped SQL answers still end only at a single dot, so prose may follow the query")
  func pipedSQL() throws {
    var session = try Self.session([Self.sqlID], mode: .piped)
    let answers = session.feed(Self.query + ["It keeps players who never paid.", "."])
    #expect(answers.count == 1)
    #expect(answers.first?.text.hasSuffix("never paid.") == true)
    #expect(answers.first?.scored.execution?.outcome == .passed)
  }

  @Test(
    "a Python answer keeps empty lines and tabs at a terminal, and ends at a single dot",
    .enabled(if: checker.python.isAvailable))
  func pythonEndsAtDot() throws {
    var session = try Self.session([Self.pythonID])
    let lines = [
      "def latest_per_key(records):",
      "\tlatest = {}",
      "",
      "\tfor record in records:",
      "\t\tkey, stamp = record.get('player_id'), record.get('updated_at')",
      "\t\tif key is None or stamp is None:",
      "\t\t\tcontinue",
      "\t\tif key not in latest or stamp >= latest[key]['updated_at']:",
      "\t\t\tlatest[key] = record",
      "\treturn list(latest.values())",
    ]
    let answers = session.feed(lines + ["."])
    let answer = try #require(answers.first)
    #expect(answer.text == lines.joined(separator: "\n"))
    #expect(answer.scored.execution?.outcome == .passed, "\(answer.scored.execution?.checks ?? [])")
    #expect(answer.scored.score == 100)
  }

  @Test("a wrong query scores by the rows it returns, held below strong")
  func wrongQueryScore() throws {
    var session = try Self.session([Self.sqlID])
    let answers = session.feed([
      "SELECT p.player_id, p.username, COUNT(*), SUM(pu.amount)",
      "FROM players p JOIN purchases pu ON pu.player_id = p.player_id GROUP BY 1;",
    ])
    let scored = try #require(answers.first?.scored)
    #expect(scored.execution?.outcome == .failed)
    #expect(scored.score == 69)
    #expect(scored.band == .adequate)
    // The rubric still reads the words, as feedback.
    #expect(!scored.misses.isEmpty)
  }

  @Test("a skipped code question runs nothing and scores 0")
  func skippedCode() throws {
    var session = try Self.session([Self.sqlID])
    let answers = session.feed([":skip"])
    #expect(answers.first?.outcome == .skipped)
    #expect(answers.first?.scored.execution == nil)
    #expect(answers.first?.scored.score == 0)
  }

  @Test("without python3 a Python answer is scored by its rubric and says why it was not run")
  func pythonUnavailable() throws {
    let offline = ExerciseChecker.locate(environment: ["REHEARSE_PYTHON": ""])
    var session = try Self.session([Self.pythonID], checker: offline)
    let answers = session.feed(["def latest_per_key(records):", "    return records", "."])
    let scored = try #require(answers.first?.scored)
    #expect(scored.execution?.outcome == .unavailable)
    #expect(scored.execution?.isScored == false)
    let report = FeedbackText.render(Feedback(scored, question: nil), style: .plain)
    #expect(report.contains("Not run: REHEARSE_PYTHON is empty"))
  }

  @Test("draws leave Python questions out when they cannot run, and asking for one fails")
  func drawsWithoutPython() throws {
    let bank = try #require(ShippedBankTests.bank)
    let reason = "python3 was not found"
    // Every question of the component that needs no python3: the SQL exercises and the open
    // questions. Asking for the whole component draws exactly those.
    let component = bank.questions.filter { $0.component == .sqlPython }
    let runnable = component.filter { $0.python == nil }
    let selection = SessionSelection(
      components: [.sqlPython], count: component.count, seed: 7, pythonUnavailable: reason)
    let (plan, _) = try SessionPlan.draw(from: bank, selection)
    #expect(runnable.count < component.count)
    #expect(plan.items.count == runnable.count)
    #expect(
      plan.items.allSatisfy { item in
        (try? bank.requireQuestion(id: item.questionID))?.python == nil
      })
    #expect(throws: SessionSelectionError.cannotRun(questionID: Self.pythonID, reason: reason)) {
      try SessionPlan.draw(
        from: bank,
        SessionSelection(questionIDs: [Self.pythonID], seed: 0, pythonUnavailable: reason))
    }
  }

  @Test("the execution report is saved with the answer and read back unchanged")
  func reportRoundTrip() throws {
    var session = try Self.session([Self.sqlID])
    let answer = try #require(session.feed(["SELECT username FROM players;"]).first)
    let data = try JSONEncoder().encode(answer.scored)
    let decoded = try JSONDecoder().decode(ScoredAnswer.self, from: data)
    #expect(decoded == answer.scored)
    #expect(decoded.execution?.rows?.expectedColumns.count == 4)
    // Answers saved before executable grading have no report and still decode.
    var older = answer.scored
    older.execution = nil
    let olderData = try JSONEncoder().encode(older)
    #expect(try JSONDecoder().decode(ScoredAnswer.self, from: olderData).execution == nil)
  }
}
