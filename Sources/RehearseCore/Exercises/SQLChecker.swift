import Foundation

/// Grades a SQL answer by running it on the question's fixture and comparing its result with the
/// reference query's.
///
/// The rows are compared as a multiset: order counts only when the question says `ordered`, and
/// column names only when it says `column_names`. Numbers are equal within
/// `SQLValue.relativeTolerance` (or `absoluteTolerance` near zero), and an integer equals the same
/// real; text, blobs and NULL compare exactly.
public enum SQLChecker {
  /// The words a line of SQL can start with; the first such line of an answer starts its query.
  static let statementWords: Set<String> = [
    "select", "with", "values", "insert", "update", "delete", "replace", "drop", "create", "alter",
    "attach", "detach", "pragma", "begin", "commit", "rollback", "end", "vacuum", "reindex",
    "analyze", "savepoint", "release", "explain",
  ]

  /// The checks a SQL answer gets for `exercise`, in order.
  static func checkNames(for exercise: SQLExercise) -> [String] {
    [SQLCheckName.runs, SQLCheckName.columns, SQLCheckName.rowCount, SQLCheckName.rows]
      + (exercise.ordered ? [SQLCheckName.order] : [])
      + (exercise.columnNames ? [SQLCheckName.columnNames] : [])
  }

  /// Runs the query in `answer` and compares it with the reference.
  ///
  /// A broken exercise (its fixture or reference fails) gives an `unavailable` report, which
  /// leaves the answer to its rubric; `bank test` reports the exercise itself. Once
  /// `isInterrupted` says the user asked to stop (Ctrl-C), the query running is stopped and the
  /// report is `interrupted`, which leaves the answer to its rubric as well.
  public static func check(
    _ answer: String, exercise: SQLExercise, limits: ExerciseLimits = .standard,
    isInterrupted: @escaping @Sendable () -> Bool = { false }
  ) -> ExecutionReport {
    let sandbox: SQLSandbox
    let expected: SQLResult
    do {
      sandbox = try SQLSandbox(fixture: exercise.fixture)
      expected = try sandbox.run(
        exercise.referenceQuery, seconds: limits.sqlSeconds, rowLimit: limits.sqlRows,
        isInterrupted: isInterrupted
      ).get()
    } catch SQLRunFailure.interrupted {
      return interruptedReport(code: "")
    } catch {
      return ExecutionReport(
        language: .sql, outcome: .unavailable, checks: [],
        message: "the question's exercise is broken: \(error)", code: "")
    }
    let names = checkNames(for: exercise)
    func failedAll(_ outcome: ExecutionReport.Outcome, _ message: String, code: String)
      -> ExecutionReport
    {
      var checks = names.map { ExecutionReport.Check(name: $0, passed: false) }
      checks[0].actual = message
      return ExecutionReport(
        language: .sql, outcome: outcome, checks: checks, message: message, code: code)
    }
    guard let query = statement(in: answer, sandbox: sandbox) else {
      return failedAll(
        .noCode, "no SQL query found: start a line of the answer with SELECT or WITH", code: "")
    }
    switch sandbox.run(
      query, seconds: limits.sqlSeconds, rowLimit: limits.sqlRows, isInterrupted: isInterrupted)
    {
    case .failure(.interrupted):
      return interruptedReport(code: query)
    case .failure(let failure):
      let outcome: ExecutionReport.Outcome =
        switch failure {
        case .error: .error
        case .refused: .refused
        case .timedOut: .timedOut
        case .tooManyRows: .tooManyRows
        case .overLimit(.memory): .outOfMemory
        case .overLimit: .overLimit
        case .interrupted: .interrupted
        }
      var message = failure.description
      if case .tooManyRows = failure {
        message += " (the expected result has \(expected.rows.count))"
      }
      return failedAll(outcome, message, code: query)
    case .success(let actual):
      return compare(expected: expected, actual: actual, exercise: exercise, code: query)
    }
  }

  /// The report on an answer whose grading the user interrupted: not scored, so the rubric
  /// scores the answer.
  private static func interruptedReport(code: String) -> ExecutionReport {
    ExecutionReport(
      language: .sql, outcome: .interrupted, checks: [],
      message: SQLRunFailure.interrupted.description, code: code)
  }

  /// The reference query's result on the fixture, or why the exercise cannot be run.
  public static func referenceResult(
    _ exercise: SQLExercise, limits: ExerciseLimits = .standard
  ) -> Result<SQLResult, SQLRunFailure> {
    do {
      let sandbox = try SQLSandbox(fixture: exercise.fixture)
      return sandbox.run(
        exercise.referenceQuery, seconds: limits.sqlSeconds,
        rowLimit: limits.sqlRows)
    } catch {
      return .failure(error)
    }
  }

  // MARK: - Finding the query

  /// How many times one answer may be compiled while its query is looked for, so an answer of
  /// thousands of lines that all start like SQL costs milliseconds, not minutes.
  static let compileBudget = 64

  /// The query of an answer: the first statement starting on a line that begins with a SQL
  /// word, inside a fenced block if the answer has one; cut at its `;`, or, without one, before
  /// the line where SQLite's parse error falls, as long as that leaves something (so prose after
  /// the query is left out).
  ///
  /// Returns the first candidate, cut as far as it went, when none compiles (so its error is
  /// reported), or `nil` when no line starts like SQL.
  static func statement(in answer: String, sandbox: SQLSandbox) -> String? {
    let text = fencedBlock(in: answer) ?? answer
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let starts = lines.indices.filter { startsStatement(lines[$0]) }
    var firstCandidate: String?
    var budget = compileBudget
    for start in starts {
      var end = lines.count
      // SQLite refuses a statement over the limit whole: leave out the lines after it unread.
      var length = lines[start..<end].reduce(end - start) { $0 + $1.utf8.count }
      while end > start + 1 && length > SQLLimit.statementLength.value {
        end -= 1
        length -= lines[end].utf8.count + 1
      }
      while end > start && budget > 0 {
        budget -= 1
        let candidate = lines[start..<end].joined(separator: "\n")
        let compiled = sandbox.compileFirst(candidate)
        if compiled.failure == nil || isRefusal(compiled.failure) {
          return compiled.sql.trimmedWhitespace
        }
        if start == starts.first { firstCandidate = compiled.sql.trimmedWhitespace }
        // A `;` ended it: the statement itself is wrong. Else prose may follow the query: cut
        // before the line the error is on (or the last line, when SQLite does not say where).
        guard !SQLSandbox.isComplete(compiled.sql) else { break }
        let errorLine =
          compiled.errorOffset.map { offset in
            start + candidate.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") }
          } ?? (end - 1)
        guard errorLine > start else { break }
        end = min(end - 1, errorLine)
      }
    }
    return firstCandidate
  }

  private static func isRefusal(_ failure: SQLRunFailure?) -> Bool {
    if case .refused = failure { return true }
    return false
  }

  private static func startsStatement(_ line: Substring) -> Bool {
    let word = line.drop { $0 == " " || $0 == "\t" || $0 == "(" }.prefix { $0.isLetter }
    return statementWords.contains(word.lowercased())
  }

  /// The contents of the first Markdown code fence, when the answer has one.
  static func fencedBlock(in answer: String) -> String? {
    let lines = answer.split(separator: "\n", omittingEmptySubsequences: false)
    guard let open = lines.firstIndex(where: { String($0).trimmedWhitespace.hasPrefix("```") })
    else {
      return nil
    }
    let rest = lines[(open + 1)...]
    let close = rest.firstIndex { String($0).trimmedWhitespace.hasPrefix("```") } ?? lines.endIndex
    let body = lines[(open + 1)..<close].joined(separator: "\n")
    return body.trimmedWhitespace.isEmpty ? nil : body
  }

  // MARK: - Comparing results

  static func compare(
    expected: SQLResult, actual: SQLResult, exercise: SQLExercise, code: String
  ) -> ExecutionReport {
    typealias Check = ExecutionReport.Check
    let sameWidth = expected.columns.count == actual.columns.count
    let (missing, unexpected) =
      sameWidth
      ? difference(expected.rows, actual.rows)
      : (Array(expected.rows.indices), Array(actual.rows.indices))
    let rowsMatch = missing.isEmpty && unexpected.isEmpty
    var checks = [
      Check(name: SQLCheckName.runs, passed: true),
      Check(
        name: SQLCheckName.columns, passed: sameWidth, expected: "\(expected.columns.count)",
        actual: "\(actual.columns.count)"),
      Check(
        name: SQLCheckName.rowCount, passed: expected.rows.count == actual.rows.count,
        expected: "\(expected.rows.count)", actual: "\(actual.rows.count)"),
      Check(
        name: SQLCheckName.rows, passed: rowsMatch,
        actual: rowsMatch
          ? nil
          : "\(missing.count) expected row(s) not returned, "
            + "\(unexpected.count) returned row(s) not expected"),
    ]
    if exercise.ordered {
      var order = Check(name: SQLCheckName.order, passed: rowsMatch)
      if rowsMatch,
        let index = expected.rows.indices.first(where: {
          !rowMatches(expected.rows[$0], actual.rows[$0])
        })
      {
        order.passed = false
        order.expected = "row \(index + 1): \(shown(expected.rows[index]))"
        order.actual = "row \(index + 1): \(shown(actual.rows[index]))"
      }
      checks.append(order)
    }
    if exercise.columnNames {
      let names = expected.columns.map { $0.lowercased() } == actual.columns.map { $0.lowercased() }
      checks.append(
        Check(
          name: SQLCheckName.columnNames, passed: names,
          expected: names ? nil : expected.columns.map(shown).joined(separator: ", "),
          actual: names ? nil : actual.columns.map(shown).joined(separator: ", ")))
    }
    let rows =
      rowsMatch
      ? nil
      : ExecutionReport.RowDifference(
        expectedColumns: expected.columns.map(shown), actualColumns: actual.columns.map(shown),
        expectedRowCount: expected.rows.count, actualRowCount: actual.rows.count,
        missing: missing.prefix(ExecutionReport.RowDifference.shownRows).map {
          expected.rows[$0].map(\.shownLiteral)
        },
        unexpected: unexpected.prefix(ExecutionReport.RowDifference.shownRows).map {
          actual.rows[$0].map(\.shownLiteral)
        })
    let passed = checks.allSatisfy(\.passed)
    // The F1 of the rows matched as a multiset: rows the answer lacks and rows it adds both count.
    let matched = Double(expected.rows.count - missing.count)
    let precision =
      actual.rows.isEmpty ? (expected.rows.isEmpty ? 1 : 0) : matched / Double(actual.rows.count)
    let recall =
      expected.rows.isEmpty ? (actual.rows.isEmpty ? 1 : 0) : matched / Double(expected.rows.count)
    let agreement = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    return ExecutionReport(
      language: .sql, outcome: passed ? .passed : .failed, checks: checks, code: code, rows: rows,
      rowAgreement: agreement)
  }

  /// The positions of the expected rows the actual rows lack, and of the actual rows nobody
  /// expected, matching rows as a multiset.
  static func difference(_ expected: [[SQLValue]], _ actual: [[SQLValue]]) -> ([Int], [Int]) {
    func key(_ row: [SQLValue]) -> [SQLValue.MatchKey] {
      row.map(\.matchKey)
    }
    var pool: [[SQLValue.MatchKey]: [Int]] = [:]
    for (index, row) in actual.enumerated().reversed() {
      pool[key(row), default: []].append(index)
    }
    var unmatched: [Int] = []
    for (index, row) in expected.enumerated() {
      if pool[key(row)]?.popLast() == nil { unmatched.append(index) }
    }
    // Numbers the rounding put on either side of a digit are matched within the tolerance.
    var leftover = pool.values.flatMap { $0 }.sorted()
    var missing: [Int] = []
    for index in unmatched {
      if let found = leftover.firstIndex(where: { rowMatches(expected[index], actual[$0]) }) {
        leftover.remove(at: found)
      } else {
        missing.append(index)
      }
    }
    return (missing, leftover)
  }

  static func rowMatches(_ left: [SQLValue], _ right: [SQLValue]) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { $0.matches($1) }
  }

  /// A column name to show: cut after `SQLValue.shownLength` characters, with `…`.
  static func shown(_ name: String) -> String {
    guard name.count > SQLValue.shownLength else { return name }
    return name.prefix(SQLValue.shownLength) + "…"
  }

  /// A row as a tuple of shown literals (`SQLValue.shownLiteral`): `(1, 'ayla', NULL)`.
  static func shown(_ row: [SQLValue]) -> String {
    "(" + row.map(\.shownLiteral).joined(separator: ", ") + ")"
  }
}
