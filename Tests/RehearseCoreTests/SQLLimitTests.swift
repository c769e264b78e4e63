import Foundation
import RehearseCore
import Testing

/// What the running thread has used so far: processor time, and the process's peak memory.
///
/// The processor time is the calling thread's (`RUSAGE_THREAD`): the test runner runs other
/// tests on other threads of this process at the same time, and a SQL answer runs on the thread
/// that grades it. The peak resident memory is the whole process's (it only ever grows).
struct ResourceUse {
  var cpuSeconds: Double
  var peakBytes: Int

  static func now() -> ResourceUse {
    var thread = rusage()
    #if os(Linux)
      // RUSAGE_THREAD, which Glibc's Swift module leaves out.
      getrusage(1, &thread)
    #else
      getrusage(RUSAGE_SELF, &thread)
    #endif
    var process = rusage()
    getrusage(RUSAGE_SELF.rawValue, &process)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return ResourceUse(
      cpuSeconds: seconds(thread.ru_utime) + seconds(thread.ru_stime),
      peakBytes: process.ru_maxrss * 1024)
  }
}

/// A query to run in a test, named for the test's report (the query itself can be 100 kB).
struct NamedQuery: CustomTestStringConvertible, Sendable {
  var name: String
  var query: String
  var testDescription: String { name }

  init(_ name: String, _ query: String) {
    self.name = name
    self.query = query
  }
}

/// Counts the times it is asked whether to stop, and says yes from the `after`-th time on.
final class StopRequest: @unchecked Sendable {
  private let lock = NSLock()
  private var asked = 0
  let after: Int

  init(after: Int) { self.after = after }

  func isRequested() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    asked += 1
    return asked >= after
  }
}

@Suite("SQL limits that bind")
struct SQLLimitTests {
  static func check(_ answer: String, limits: ExerciseLimits = .standard) -> ExecutionReport {
    SQLChecker.check(answer, exercise: SQLCheckerTests.players, limits: limits)
  }

  /// `SELECT` over the numbers 1 to `count`, as `n(i)`.
  static func numbers(_ count: Int, select: String) -> String {
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))\n"
      + "SELECT \(select) FROM n;"
  }

  /// The attacks of issue 17, and the same attacks sized just under the value limit.
  static let attacks: [NamedQuery] = [
    NamedQuery(
      "printf bomb",
      "WITH six(i) AS (VALUES (1), (2), (3), (4), (5), (6))\n"
        + "SELECT printf('%.*c', 2000000000, 'x') FROM six;"),
    NamedQuery(
      "printf at the limit on 10,000 rows", numbers(10_000, select: "printf('%.*c', 99999, 'x')")),
    NamedQuery(
      "4 × 1 MB blobs, hex",
      "WITH four(i) AS (VALUES (1), (2), (3), (4))\n"
        + "SELECT randomblob(1000000), hex(zeroblob(500000)) FROM four;"),
    NamedQuery(
      "4 blobs at the limit, hex",
      "WITH four(i) AS (VALUES (1), (2), (3), (4))\n"
        + "SELECT randomblob(99999), hex(randomblob(49999)) FROM four;"),
    NamedQuery(
      "10,000-row wide result",
      numbers(10_000, select: "i, randomblob(99999), zeroblob(99999), hex(randomblob(49999))")),
    NamedQuery(
      "10,000 rows of 100 columns",
      numbers(
        10_000, select: (0..<100).map { "printf('%0100d', i + \($0))" }.joined(separator: ", "))),
    NamedQuery(
      "10,000 rows as wide as the expected ones",
      numbers(10_000, select: "i, 'player ' || i, i * 1.5, i / 3.0")),
  ]

  @Test(
    "each attack ends within 3 s of CPU and 200 MB, and what is kept of it stays small",
    arguments: attacks)
  func attackIsBounded(attack: NamedQuery) {
    let before = ResourceUse.now()
    let report = Self.check(attack.query)
    let after = ResourceUse.now()
    #expect(after.cpuSeconds - before.cpuSeconds < 3, "\(after.cpuSeconds - before.cpuSeconds) s")
    #expect(after.peakBytes - before.peakBytes < 200 << 20, "\(after.peakBytes - before.peakBytes)")
    #expect([.overLimit, .failed].contains(report.outcome), "\(report.outcome)")
    // The report is what a session stores and every form of feedback shows.
    #expect(JSONOutput.encode(report).utf8.count < 32 << 10)
  }

  /// The numbers 1 to `count`, joined by `separator`.
  static func list(_ count: Int, _ separator: String = ", ") -> String {
    (1...count).map { String($0) }.joined(separator: separator)
  }

  /// A query over each limit, named for the limit.
  static let overLimits: [(NamedQuery, SQLLimit)] = [
    (NamedQuery("zeroblob", "SELECT length(zeroblob(100001));"), .valueLength),
    (NamedQuery("printf precision", "SELECT printf('%.*c', 100001, 'x');"), .valueLength),
    (NamedQuery("printf width", "SELECT printf('%100001d', 1);"), .valueLength),
    (
      NamedQuery("a long statement", "SELECT '" + String(repeating: "x", count: 100_001) + "';"),
      .statementLength
    ),
    (NamedQuery("101 columns", "SELECT " + list(101) + ";"), .columns),
    (
      NamedQuery("201 levels", "SELECT " + String(repeating: "1 + ", count: 200) + "1;"),
      .expressionDepth
    ),
    (NamedQuery("51 SELECTs", "SELECT " + list(51, " UNION ALL SELECT ") + ";"), .compoundSelects),
    (NamedQuery("33 arguments", "SELECT max(" + list(33) + ");"), .functionArguments),
    (
      NamedQuery("a long pattern", "SELECT 'a' LIKE '" + String(repeating: "a", count: 501) + "';"),
      .patternLength
    ),
    (NamedQuery("a large result", numbers(10_000, select: "randomblob(99999)")), .resultSize),
  ]

  @Test(
    "a query past a size limit is stopped, and the feedback names the limit", arguments: overLimits)
  func namedLimit(query: NamedQuery, limit: SQLLimit) {
    let report = Self.check(query.query)
    #expect(report.outcome == .overLimit)
    #expect(report.message == SQLRunFailure.overLimit(limit).description)
    #expect(report.score == 0)
  }

  @Test("just under each limit a query runs")
  func underTheLimits() throws {
    let values = try SQLChecker.referenceResult(
      SQLExercise(
        fixture: "",
        referenceQuery: "SELECT length(zeroblob(100000)), length(printf('%.*c', 99999, 'x')), "
          + "'a' LIKE '" + String(repeating: "_", count: 499) + "%', "
          + "max(" + Self.list(32) + ")",
        ordered: false, columnNames: false)
    ).get()
    #expect(values.rows == [[.integer(100_000), .integer(99_999), .integer(0), .integer(32)]])
  }

  @Test(
    "printf and format, which the sandbox guards, still give SQLite's own text",
    arguments: [
      ("printf('%5.2f|%-4d|%s', 3.14159, 7, 'x')", " 3.14|7   |x"),
      ("format('%,d', 1234567)", "1,234,567"),
      ("printf('%*.*d|%d', 5, 3, 7, 9)", "  007|9"),
      ("printf('%-*d|', -4, 7)", "7   |"),
      ("printf('%r|%n|%d', 1, 7)", "1st||7"),
      ("printf('%.3c', 'ab')", "aaa"),
      ("printf('%q', 'it''s')", "it''s"),
      // SQLite keeps the low 32 bits of a `*` argument: 2^32 + 5 is a precision of 5.
      ("printf('%.*c', 4294967301, 'x')", "xxxxx"),
      ("printf('%d%%', 50)", "50%"),
      ("printf('%10s|', 'ab')", "        ab|"),
      ("printf('%.5z', 'abcdefg')", "abcde"),
      ("printf('%x %X %o', 255, 255, 8)", "ff FF 10"),
      ("printf('%e', 12345.678)", "1.234568e+04"),
      ("printf('%s %s', 1)", "1 "),
    ])
  func printfText(call: String, text: String) throws {
    let result = try SQLChecker.referenceResult(
      SQLExercise(
        fixture: "", referenceQuery: "SELECT \(call)", ordered: false, columnNames: false)
    ).get()
    #expect(result.rows == [[.text(text)]])
  }

  @Test("a printf without a format gives NULL, as SQLite's does")
  func printfWithoutFormat() throws {
    let result = try SQLChecker.referenceResult(
      SQLExercise(
        fixture: "", referenceQuery: "SELECT printf(), printf(NULL)", ordered: false,
        columnNames: false)
    ).get()
    #expect(result.rows == [[.null, .null]])
  }

  /// Values and how they are shown.
  static let shownValues: [(SQLValue, String)] = {
    let sixty = String(repeating: "a", count: 60)
    let cutAfterQuote =
      String(repeating: "a", count: 59) + "'" + String(repeating: "b", count: 10_000)
    return [
      (.text("it's"), "'it''s'"),
      (.text(sixty), "'\(sixty)'"),
      // The quote the cut ends on is doubled, and the literal closed after it.
      (.text(cutAfterQuote), "'\(sixty.dropLast())'''… (10,060 characters)"),
      (.blob([0x0A, 0xFF]), "X'0AFF'"),
      (
        .blob([UInt8](repeating: 0xAB, count: 4_096)),
        "X'\(String(repeating: "AB", count: 60))'… (4,096 bytes)"
      ),
      (.integer(42), "42"),
      (.null, "NULL"),
    ]
  }()

  @Test(
    "a long value is shown cut after 60 characters or bytes, with its length",
    arguments: shownValues)
  func shownLiteral(value: SQLValue, shown: String) {
    #expect(value.shownLiteral == shown)
  }

  @Test("the rows that differ are kept with their long values cut")
  func cutRows() throws {
    let report = Self.check("SELECT 1, hex(zeroblob(5000)), zeroblob(4096), 0;")
    #expect(report.outcome == .failed)
    let rows = try #require(report.rows)
    #expect(
      rows.unexpected == [
        [
          "1", "'" + String(repeating: "0", count: 60) + "'… (10,000 characters)",
          "X'" + String(repeating: "00", count: 60) + "'… (4,096 bytes)", "0",
        ]
      ])
    let named = String(repeating: "n", count: 5_000)
    var exercise = SQLCheckerTests.players
    exercise.columnNames = true
    let renamed = SQLChecker.check(
      "SELECT 1 AS \(named), 2, 3, 4;", exercise: exercise)
    #expect(renamed.rows?.actualColumns.first == String(repeating: "n", count: 60) + "…")
  }

  @Test("an answer whose prose runs past the statement limit still has its query found")
  func longProse() {
    let answer =
      SQLCheckerTests.players.referenceQuery + "\n"
      + String(repeating: "And then a long line of explanation goes on and on.\n", count: 4_000)
    #expect(answer.utf8.count > SQLLimit.statementLength.value)
    let report = Self.check(answer)
    #expect(report.outcome == .passed, "\(report.message ?? "")")
  }

  @Test(
    "a query runs until the user asks to stop, then stops at once and is not scored",
    .timeLimit(.minutes(1)))
  func interrupted() {
    let stop = StopRequest(after: 1_000)
    let checker = ExerciseChecker(
      python: .init(interpreter: .missing(reason: "not needed")),
      limits: ExerciseLimits(sqlSeconds: 600), isInterrupted: stop.isRequested)
    let question = Question(
      id: "sql-endless", component: .sqlPython, kind: .sql, prompt: "Count.", difficulty: 1,
      minutes: 1, modelAnswer: "", sql: SQLCheckerTests.players,
      location: SourceLocation(file: "test.yaml", line: 1))
    let report = checker.check(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n;",
      for: question)
    #expect(report?.outcome == .interrupted)
    #expect(report?.isScored == false)
    #expect(report?.message == SQLRunFailure.interrupted.description)
  }
}
