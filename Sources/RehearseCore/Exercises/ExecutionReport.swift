import Foundation

/// What running an answer's code found: each check passed or failed, and what went wrong.
///
/// A SQL answer's checks are that it runs, returns the expected number of columns, the expected
/// number of rows, the expected rows (a multiset), and, when the question asks for them, in the
/// expected order and under the expected column names. A Python answer has one check per test
/// call. A SQL answer is scored by how far its rows agree with the expected rows, a Python answer
/// by the share of tests passed; an answer that fails any check is held below `strong`.
public struct ExecutionReport: Sendable, Codable, Equatable {
  public enum Language: String, Sendable, Codable {
    case sql, python
  }

  /// How the run ended.
  public enum Outcome: String, Sendable, Codable {
    /// Every check passed.
    case passed
    /// The code ran, and at least one check failed.
    case failed
    /// SQLite or Python reported an error (syntax, a missing column, an exception on loading).
    case error
    /// The SQL writes, attaches or changes settings, so it was not run.
    case refused
    /// The code ran past its time limit (wall clock or CPU) and was stopped.
    case timedOut = "timed_out"
    /// The query returned more rows than the row limit, and was stopped.
    case tooManyRows = "too_many_rows"
    /// The code ran out of its memory limit.
    case outOfMemory = "out_of_memory"
    /// The query went past a size limit (a value, the statement, its result) and was stopped.
    case overLimit = "over_limit"
    /// Grading was interrupted (Ctrl-C) before the code finished: the rubric scores the answer.
    case interrupted
    /// The answer holds no code to run.
    case noCode = "no_code"
    /// The code could not be run here (no `python3`): the answer is scored by its rubric alone.
    case unavailable
  }

  /// One check, with what was expected and what the answer gave when they differ.
  public struct Check: Sendable, Codable, Equatable {
    /// What is checked: `runs`, `columns`, `row count`, `rows`, `order`, `column names`, or a
    /// Python test's call.
    public var name: String
    public var passed: Bool
    public var expected: String?
    public var actual: String?
    /// Whether a Python test is one a function doing nothing useful passes (empty input, the
    /// input echoed back; `PythonExercise.TestCase.isTrivial`): it keeps an answer from `strong`
    /// when failed, but earns nothing when passed.
    public var trivial: Bool

    public init(
      name: String, passed: Bool, expected: String? = nil, actual: String? = nil,
      trivial: Bool = false
    ) {
      self.name = name
      self.passed = passed
      self.expected = expected
      self.actual = actual
      self.trivial = trivial
    }

    private enum CodingKeys: String, CodingKey {
      case name, passed, expected, actual, trivial
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      name = try container.decode(String.self, forKey: .name)
      passed = try container.decode(Bool.self, forKey: .passed)
      expected = try container.decodeIfPresent(String.self, forKey: .expected)
      actual = try container.decodeIfPresent(String.self, forKey: .actual)
      trivial = try container.decodeIfPresent(Bool.self, forKey: .trivial) ?? false
    }
  }

  /// A SQL result that differs from the expected one: the rows each side has that the other has
  /// not, at most `RowDifference.shownRows` of each.
  public struct RowDifference: Sendable, Codable, Equatable {
    /// How many differing rows of each side are kept.
    public static let shownRows = 5

    public var expectedColumns: [String]
    public var actualColumns: [String]
    public var expectedRowCount: Int
    public var actualRowCount: Int
    /// Expected rows the answer did not return.
    public var missing: [[String]]
    /// Rows the answer returned that were not expected.
    public var unexpected: [[String]]

    /// The differing rows as pairs of SQL tuples, expected beside got; the shorter side is
    /// padded with empty strings.
    public var sideBySide: [(expected: String, actual: String)] {
      func tuple(_ rows: [[String]], _ index: Int) -> String {
        index < rows.count ? "(" + rows[index].joined(separator: ", ") + ")" : ""
      }
      return (0..<max(missing.count, unexpected.count)).map {
        (tuple(missing, $0), tuple(unexpected, $0))
      }
    }

    public init(
      expectedColumns: [String], actualColumns: [String], expectedRowCount: Int,
      actualRowCount: Int, missing: [[String]], unexpected: [[String]]
    ) {
      self.expectedColumns = expectedColumns
      self.actualColumns = actualColumns
      self.expectedRowCount = expectedRowCount
      self.actualRowCount = actualRowCount
      self.missing = missing
      self.unexpected = unexpected
    }
  }

  public var language: Language
  public var outcome: Outcome
  public var checks: [Check]
  /// SQLite's or Python's own error text, or why the code was stopped, refused or not run.
  public var message: String?
  /// The code that was run, as taken from the answer.
  public var code: String
  /// For a SQL answer whose rows differ from the expected ones.
  public var rows: RowDifference?
  /// For a SQL answer that ran: how far its rows agree with the expected ones, 0 to 1 (the F1 of
  /// the rows matched as a multiset; 0 when the columns differ, so nothing can match).
  public var rowAgreement: Double?

  public init(
    language: Language, outcome: Outcome, checks: [Check], message: String? = nil, code: String,
    rows: RowDifference? = nil, rowAgreement: Double? = nil
  ) {
    self.language = language
    self.outcome = outcome
    self.checks = checks
    self.message = message
    self.code = code
    self.rows = rows
    self.rowAgreement = rowAgreement
  }

  /// How many checks passed.
  public var passedCount: Int {
    checks.count { $0.passed }
  }

  /// Whether the report can score the answer: the code ran, or there was nothing (or nothing
  /// allowed) to run. `unavailable` and `interrupted` leave the answer to its rubric.
  public var isScored: Bool {
    outcome != .unavailable && outcome != .interrupted
  }

  /// What each check a SQL answer fails beyond its rows (order, column names) leaves of the score.
  public static let presentationFactor = 0.85

  /// The score, 0–100, held just below `strong` unless every check passed.
  ///
  /// A SQL answer that ran is scored by what it returns: its row agreement, times
  /// `presentationFactor` for each of order and column names it gets wrong; running and the
  /// columns are gates, worth nothing on their own, so a query that runs but returns the wrong
  /// rows is weak. A Python answer scores the share of its non-trivial tests passed: a function
  /// that passes only the empty-input and input-unchanged tests is weak.
  public var score: Int {
    guard !checks.isEmpty else { return 0 }
    let allPassed = passedCount == checks.count
    let share: Int
    if let rowAgreement {
      let presentation = checks.count {
        !$0.passed && ($0.name == SQLCheckName.order || $0.name == SQLCheckName.columnNames)
      }
      share = Int(
        (100 * rowAgreement * pow(Self.presentationFactor, Double(presentation))).rounded())
    } else {
      let counted = checks.contains { !$0.trivial } ? checks.filter { !$0.trivial } : checks
      share = Int((100 * Double(counted.count { $0.passed }) / Double(counted.count)).rounded())
    }
    return allPassed ? share : min(share, Band.strongThreshold - 1)
  }
}

/// The names of a SQL answer's checks.
enum SQLCheckName {
  static let runs = "runs"
  static let columns = "columns"
  static let rowCount = "row count"
  static let rows = "rows"
  static let order = "order"
  static let columnNames = "column names"
}
