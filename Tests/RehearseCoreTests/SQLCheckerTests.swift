import Foundation
import RehearseCore
import Testing

@Suite("SQL answers run on the fixture")
struct SQLCheckerTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)
  static let sqlQuestions: [Question] = bank?.questions.filter { $0.sql != nil } ?? []

  /// A small exercise of its own, so the tests do not hang on the bank's wording.
  static let players = SQLExercise(
    fixture: """
      CREATE TABLE players (player_id INTEGER PRIMARY KEY, username TEXT, country TEXT);
      CREATE TABLE purchases (purchase_id INTEGER PRIMARY KEY, player_id INTEGER, amount REAL);
      INSERT INTO players VALUES (1, 'ayla', 'SG'), (2, 'bao', 'CN'), (3, 'chen', 'CN');
      INSERT INTO purchases VALUES (10, 1, 5), (11, 1, 10), (12, 2, 1);
      """,
    referenceQuery: """
      SELECT p.player_id, p.username, COUNT(pu.purchase_id) AS purchases,
             COALESCE(SUM(pu.amount), 0) AS spent
      FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id, p.username
      """,
    ordered: false, columnNames: false)

  static func check(_ answer: String, _ exercise: SQLExercise = players) -> ExecutionReport {
    SQLChecker.check(answer, exercise: exercise)
  }

  @Test(
    "each shipped question's reference and model answer pass every check", arguments: sqlQuestions)
  func referencesPass(question: Question) throws {
    let exercise = try #require(question.sql)
    let reference = SQLChecker.check(exercise.referenceQuery, exercise: exercise)
    #expect(reference.outcome == .passed, "\(question.id): \(reference.checks)")
    #expect(reference.score == 100)
    let model = SQLChecker.check(question.modelAnswer, exercise: exercise)
    #expect(model.outcome == .passed, "\(question.id): model answer \(model.message ?? "")")
  }

  @Test(
    "strong examples pass and the others (plausible wrong queries) fail", arguments: sqlQuestions)
  func gradedExamples(question: Question) throws {
    let exercise = try #require(question.sql)
    let rubric = try #require(Self.bank?.rubrics[question.id])
    var wrong = 0
    for example in rubric.examples {
      let report = SQLChecker.check(example.answer, exercise: exercise)
      if example.band == .strong {
        #expect(report.outcome == .passed, "\(question.id) line \(example.location.line)")
      } else {
        #expect(report.outcome != .passed, "\(question.id) line \(example.location.line)")
        #expect(report.score < Band.strongThreshold)
        wrong += 1
      }
    }
    #expect(wrong >= 2, "\(question.id) has \(wrong) wrong examples")
  }

  @Test(
    "a correct query written differently passes",
    arguments: [
      // Other aliases, other join order (RIGHT JOIN), an ORDER BY the question does not ask for.
      """
      SELECT x.player_id, x.username, COUNT(y.purchase_id), IFNULL(SUM(y.amount), 0)
      FROM players AS x LEFT OUTER JOIN purchases AS y USING (player_id)
      GROUP BY 1, 2 ORDER BY 4 DESC;
      """,
      """
      SELECT pl.player_id, pl.username, COUNT(pu.purchase_id) AS n, TOTAL(pu.amount) AS total
      FROM purchases pu RIGHT JOIN players pl ON pl.player_id = pu.player_id
      GROUP BY pl.player_id;
      """,
      """
      WITH spend AS (SELECT player_id, COUNT(*) AS n, SUM(amount) AS s FROM purchases GROUP BY 1)
      SELECT p.player_id, p.username, COALESCE(n, 0), COALESCE(s, 0.0)
      FROM players p LEFT JOIN spend USING (player_id)
      """,
    ])
  func differentlyWritten(answer: String) {
    let report = Self.check(answer)
    #expect(report.outcome == .passed, "\(report.checks)")
  }

  @Test("an inner join that drops a player fails and shows the differing rows")
  func innerJoinDropsRows() throws {
    let report = Self.check(
      """
      SELECT p.player_id, p.username, COUNT(*), SUM(pu.amount)
      FROM players p JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id;

      An inner join keeps everybody.
      """)
    #expect(report.outcome == .failed)
    #expect(report.checks.map(\.passed) == [true, true, false, false])
    let rows = try #require(report.rows)
    #expect(rows.expectedRowCount == 3 && rows.actualRowCount == 2)
    #expect(rows.missing == [["3", "'chen'", "0", "0"]])
    #expect(rows.unexpected.isEmpty)
    // Two of three rows, none extra: agreement 0.8, held below strong.
    #expect(abs((report.rowAgreement ?? 0) - 0.8) < 1e-9)
    #expect(report.score == 69)
  }

  @Test(
    "a query that runs but returns other rows is weak: running and the columns earn nothing",
    arguments: [
      "SELECT 1, 'x', 0, 0;",
      "SELECT player_id, username, 0, 0 FROM players WHERE 1 = 0;",
      "SELECT player_id, username FROM players;",
    ])
  func runningIsAGate(answer: String) {
    let report = Self.check(answer)
    #expect(report.outcome == .failed)
    #expect(report.score == 0)
    #expect(Band(score: report.score) == .weak)
  }

  @Test(
    "the anti-join question: a constant row and the NOT IN trap are weak, the reference rewritten is strong",
    arguments: [
      ("SELECT 1 AS player_id, 'x' AS username;", Band.weak),
      (
        "SELECT player_id, username FROM players\n"
          + "WHERE player_id NOT IN (SELECT player_id FROM purchases);", .weak
      ),
      (
        "select * from (select p.player_id, p.username from players p where not exists "
          + "(select 1 from purchases pu where pu.player_id = p.player_id)) t;", .strong
      ),
    ])
  func antiJoin(answer: String, band: Band) throws {
    let question = try #require(Self.bank?.question(id: "sql-players-never-purchased-anti-join"))
    let report = SQLChecker.check(answer, exercise: try #require(question.sql))
    #expect(Band(score: report.score) == band, "\(report.score): \(report.checks)")
  }

  @Test("a missing GROUP BY fails with the wrong row count")
  func missingGroupBy() {
    let report = Self.check(
      "SELECT p.player_id, p.username, COUNT(pu.purchase_id), SUM(pu.amount) "
        + "FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id;")
    #expect(report.outcome == .failed)
    #expect(report.checks.first { $0.name == "row count" }?.actual == "1")
  }

  @Test(
    "anything that writes, attaches or configures is refused and changes nothing",
    arguments: [
      ("DROP TABLE players;", "DROP TABLE players"),
      ("DELETE FROM purchases WHERE amount > 1;", "DELETE FROM purchases"),
      ("INSERT INTO players VALUES (9, 'zed', 'NZ');", "INSERT INTO players"),
      ("UPDATE players SET country = 'XX';", "UPDATE players"),
      ("CREATE TABLE copy AS SELECT * FROM players;", "CREATE TABLE copy"),
      ("ALTER TABLE players ADD COLUMN level INTEGER;", "ALTER TABLE players"),
      ("ATTACH DATABASE '/tmp/rehearse-attach-test.db' AS other;", "ATTACH"),
      ("PRAGMA writable_schema = ON;", "PRAGMA writable_schema"),
      ("BEGIN; SELECT 1;", "a transaction"),
      ("I would start over.\nDROP TABLE players;\nSELECT * FROM players;", "DROP TABLE players"),
    ])
  func refusesWrites(answer: String, action: String) {
    let report = Self.check(answer)
    #expect(report.outcome == .refused)
    #expect(report.message?.contains(action) == true, "\(report.message ?? "")")
    #expect(report.message?.contains("nothing was run") == true)
    #expect(report.score == 0)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/rehearse-attach-test.db"))
  }

  @Test("a cartesian-product bomb is stopped at the time limit and reported")
  func cartesianBomb() {
    let limits = ExerciseLimits(sqlSeconds: 0.3)
    let report = SQLChecker.check(
      "SELECT COUNT(*) FROM players a, players b, players c, players d, players e, players f, "
        + "players g, players h, players i, players j, players k, players l, players m, "
        + "players n, players o, players p, players q, players r, players s, players t;",
      exercise: Self.players, limits: limits)
    #expect(report.outcome == .timedOut)
    #expect(report.message?.contains("more than 0.3 s") == true, "\(report.message ?? "")")
    #expect(report.score == 0)
  }

  @Test("a recursive CTE without an end is stopped by the row limit or the time limit")
  func endlessRecursion() {
    let limits = ExerciseLimits(sqlSeconds: 0.3, sqlRows: 1_000)
    let rows = SQLChecker.check(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i, i, i, i FROM n;",
      exercise: Self.players, limits: limits)
    #expect(rows.outcome == .tooManyRows)
    #expect(rows.message?.contains("more than 1,000 rows") == true, "\(rows.message ?? "")")
    let counted = SQLChecker.check(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n;",
      exercise: Self.players, limits: limits)
    #expect(counted.outcome == .timedOut)
  }

  @Test("SQLite's own error text is the feedback for a broken query")
  func sqliteError() {
    let report = Self.check("SELECT nickname FROM players;")
    #expect(report.outcome == .error)
    #expect(report.message == "no such column: nickname")
    #expect(report.checks.first?.passed == false)
  }

  @Test("an answer without SQL, or with bytes that are not text, is reported, not run")
  func noQuery() {
    #expect(Self.check("I would join the two tables and count.").outcome == .noCode)
    #expect(Self.check("").outcome == .noCode)
    let binary = String(decoding: [0xFF, 0x00, 0x53, 0x45, 0x4C] as [UInt8], as: UTF8.self)
    #expect(Self.check(binary).outcome == .noCode)
    // An expression 16,000 levels deep is refused by the depth limit, not recursed into.
    let huge = "SELECT " + String(repeating: "1 + ", count: 16_000) + "1;"
    #expect(Self.check(huge).outcome == .overLimit)
  }

  @Test(
    "an answer of thousands of lines that all start like SQL is looked through a bounded number of times",
    .timeLimit(.minutes(1)))
  func manyStatementLikeLines() {
    let report = Self.check(String(repeating: "with the rest\n", count: 4_600))
    #expect(report.outcome == .error)
    #expect(report.message == "near \"rest\": syntax error")
  }

  @Test("prose after a query without a semicolon is left out; a fenced block is preferred")
  func findsTheQuery() {
    let prose = Self.check(
      """
      My query:
      SELECT p.player_id, p.username, COUNT(pu.purchase_id), COALESCE(SUM(pu.amount), 0)
      FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id
      GROUP BY p.player_id
      Select from players so nobody is dropped, and count the purchase id.
      """)
    #expect(prose.outcome == .passed, "\(prose.message ?? "") \(prose.code)")
    #expect(prose.code.hasSuffix("GROUP BY p.player_id"))
    let fenced = Self.check(
      """
      With a left join:
      ```sql
      SELECT p.player_id, p.username, COUNT(pu.purchase_id), COALESCE(SUM(pu.amount), 0)
      FROM players p LEFT JOIN purchases pu ON pu.player_id = p.player_id GROUP BY 1
      ```
      """)
    #expect(fenced.outcome == .passed, "\(fenced.message ?? "")")
  }

  @Test("numbers match within the tolerance; an integer equals the same real")
  func tolerance() {
    let exercise = SQLExercise(
      fixture: "CREATE TABLE t (a INTEGER, b REAL); INSERT INTO t VALUES (1, 2.0), (2, 0.5);",
      referenceQuery: "SELECT a, b / 3 FROM t", ordered: false, columnNames: false)
    #expect(
      SQLChecker.check("SELECT a, b * (1.0 / 3) FROM t;", exercise: exercise).outcome == .passed)
    #expect(
      SQLChecker.check("SELECT a * 1.0, b / 3 FROM t;", exercise: exercise).outcome == .passed)
    #expect(
      SQLChecker.check("SELECT a, ROUND(b / 3, 2) FROM t;", exercise: exercise).outcome == .failed)
    #expect(
      SQLChecker.check("SELECT a, CAST(b / 3 AS TEXT) FROM t;", exercise: exercise).outcome
        == .failed)
  }

  @Test("order counts only when the question asks for it; names only when it names them")
  func orderAndNames() {
    var exercise = Self.players
    exercise.referenceQuery += " ORDER BY spent DESC"
    exercise.ordered = true
    let reversed = SQLChecker.check(
      Self.players.referenceQuery + " ORDER BY spent ASC;", exercise: exercise)
    #expect(reversed.outcome == .failed)
    #expect(reversed.checks.map(\.name) == ["runs", "columns", "row count", "rows", "order"])
    #expect(reversed.checks.map(\.passed) == [true, true, true, true, false])
    #expect(reversed.checks.last?.expected == "row 1: (1, 'ayla', 2, 15.0)")
    #expect(reversed.score == Band.strongThreshold - 1)

    var named = Self.players
    named.columnNames = true
    let renamed = SQLChecker.check(
      Self.players.referenceQuery.replacingOccurrences(of: "AS spent", with: "AS total"),
      exercise: named)
    #expect(renamed.checks.last?.name == "column names")
    #expect(renamed.checks.last?.passed == false)
    #expect(renamed.checks.last?.actual == "player_id, username, purchases, total")
    let sameNames = SQLChecker.check(
      Self.players.referenceQuery.replacingOccurrences(of: "AS spent", with: "AS SPENT"),
      exercise: named)
    #expect(sameNames.outcome == .passed)
  }

  @Test("a broken exercise leaves the answer to its rubric")
  func brokenExercise() {
    let broken = SQLExercise(
      fixture: "CREATE TABLE t (a);", referenceQuery: "SELECT b FROM t", ordered: false,
      columnNames: false)
    let report = SQLChecker.check("SELECT a FROM t;", exercise: broken)
    #expect(report.outcome == .unavailable)
    #expect(!report.isScored)
    #expect(report.message?.contains("no such column: b") == true)
  }
}

@Suite("bank test on executable questions")
struct ExerciseTesterTests {
  /// A bank with one SQL question whose examples are given.
  static func bank(examples: String, reference: String = "SELECT a FROM t") throws -> TestBank {
    try TestBank(replacing: [
      "question-bank/sql-python.yaml": """
      component: sql-python
      questions:
        - id: sql-tiny
          kind: sql
          prompt: Return every a of t.
          difficulty: 1
          minutes: 2
          model_answer: |
            SELECT a FROM t;
            Every row of t, nothing else.
          fixture: "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2), (2);"
          reference_query: "\(reference)"

      """,
      "rubrics/sql-python.yaml": """
      sql-tiny:
        points:
          - label: Selects a from t
            phrasings: [[select, t]]
        examples:
      \(examples)
      """,
    ])
  }

  static let checker = ExerciseChecker(python: .init(interpreter: .missing(reason: "not needed")))

  /// The bank of one SQL question with `examples`, loaded, and what `bank test` finds in it.
  static func tested(examples: String) throws -> (bank: Bank, result: ExerciseTester.Result) {
    let folder = try bank(examples: examples)
    defer { folder.remove() }
    let loaded = try Bank.load(from: folder.root)
    return (loaded, ExerciseTester.run(loaded, checker: checker))
  }

  @Test("a bank whose examples behave passes; its counts say what ran")
  func clean() throws {
    let (_, result) = try Self.tested(
      examples: """
            - band: strong
              answer: "SELECT t.a FROM t ORDER BY a DESC;"
            - band: adequate
              answer: "SELECT DISTINCT a FROM t;"
            - band: weak
              answer: "SELECT a FROM t LIMIT 1;"
            - band: weak
              answer: "SELECT a + 1 FROM t;"
        """)
    #expect(result.failures.isEmpty, "\(result.failures)")
    #expect(result.questions == 1)
    #expect(result.run == 6)
  }

  @Test("a shipped question needs two wrong examples graded weak; an own question does not")
  func weakExamplesRequired() throws {
    let (loaded, result) = try Self.tested(
      examples: """
            - band: strong
              answer: "SELECT t.a FROM t;"
            - band: adequate
              answer: "SELECT DISTINCT a FROM t;"
            - band: adequate
              answer: "SELECT a FROM t WHERE a > 1;"
            - band: weak
              answer: "SELECT a FROM t LIMIT 1;"
        """)
    #expect(result.failures.map(\.got) == ["1 weak example(s) fail the checks"])
    #expect(result.failures.first?.expected == "at least 2 weak examples")

    var own = loaded
    own.questions = own.questions.map { question in
      var question = question
      question.isOwn = true
      return question
    }
    #expect(ExerciseTester.run(own, checker: Self.checker).failures.isEmpty)
  }

  @Test("a wrong strong example, a passing weak one and too few wrong examples are each named")
  func failures() throws {
    let (_, result) = try Self.tested(
      examples: """
            - band: strong
              answer: "SELECT DISTINCT a FROM t;"
            - band: weak
              answer: "SELECT a FROM t;"
        """)
    let got = result.failures.map(\.got)
    #expect(result.failures.count == 3, "\(got)")
    #expect(got.contains { $0.hasPrefix("the strong example passes 2/4 checks") })
    #expect(got.contains("the weak example passes every check, so it is not a wrong answer"))
    #expect(got.contains("0 adequate or weak example(s) fail the checks"))
    #expect(result.failures.allSatisfy { $0.file.hasSuffix(".yaml") && $0.line > 0 })
  }

  @Test("a reference that returns no rows, or fails, is reported")
  func brokenReference() throws {
    let empty = try Self.bank(
      examples: "      - band: strong\n        answer: \"SELECT a FROM t;\"\n",
      reference: "SELECT a FROM t WHERE a > 5")
    defer { empty.remove() }
    let noRows = ExerciseTester.run(try Bank.load(from: empty.root), checker: Self.checker)
    #expect(noRows.failures.contains { $0.got.hasPrefix("the reference query returns no rows") })
    let broken = try Self.bank(
      examples: "      - band: strong\n        answer: \"SELECT a FROM t;\"\n",
      reference: "SELECT b FROM t")
    defer { broken.remove() }
    let fails = ExerciseTester.run(try Bank.load(from: broken.root), checker: Self.checker)
    #expect(fails.failures.first?.got == "the fixture or reference query fails: no such column: b")
  }
}
