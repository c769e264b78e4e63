import Foundation
import GRDBSQLite

/// A size limit a SQL answer runs under, beside its time and row limits: each is set on the
/// sandbox's connection (`sqlite3_limit`, the process's SQLite heap) or counted by the sandbox,
/// so that no single call, value or result can take seconds or gigabytes.
///
/// The figures are far above what an exercise needs (the shipped fixtures' longest value is 19
/// bytes, their widest result 5 columns) and low enough that the slowest single call SQLite
/// makes on a value, quadratic in its length (`instr` or `replace` of a long needle), stays
/// near 0.05 s (at 1 MB it took 6 s): the progress handler, which enforces the time limit and
/// Ctrl-C, only runs between such calls. SQLite holds a statement's text to the value length as
/// well, so the two are the same.
public enum SQLLimit: String, Sendable, CaseIterable {
  /// The longest string or blob a query may hold or build, and the widest `printf` field.
  case valueLength = "value length"
  /// The longest statement.
  case statementLength = "statement length"
  /// The most columns in a result, a GROUP BY or an ORDER BY.
  case columns
  /// The deepest an expression may nest.
  case expressionDepth = "expression depth"
  /// The most SELECTs a compound SELECT (UNION, INTERSECT, EXCEPT) joins.
  case compoundSelects = "compound selects"
  /// The most arguments a function call takes.
  case functionArguments = "function arguments"
  /// The longest LIKE or GLOB pattern.
  case patternLength = "pattern length"
  /// The most memory SQLite may hold at once in the process (a hard heap limit).
  case memory
  /// The most a result may hold once read: its values' bytes, and a fixed cost per row and
  /// value for what holding them takes.
  case resultSize = "result size"

  /// The limit's figure: bytes, columns, levels, SELECTs or arguments.
  public var value: Int {
    switch self {
    case .valueLength: 100_000
    case .statementLength: 100_000
    case .columns: 100
    case .expressionDepth: 200
    case .compoundSelects: 50
    case .functionArguments: 32
    case .patternLength: 500
    case .memory: 64 << 20
    case .resultSize: 16 << 20
    }
  }

  /// The `sqlite3_limit` category that enforces the limit, for those SQLite enforces itself.
  var sqliteCategory: Int32? {
    switch self {
    case .valueLength: SQLITE_LIMIT_LENGTH
    case .statementLength: SQLITE_LIMIT_SQL_LENGTH
    case .columns: SQLITE_LIMIT_COLUMN
    case .expressionDepth: SQLITE_LIMIT_EXPR_DEPTH
    case .compoundSelects: SQLITE_LIMIT_COMPOUND_SELECT
    case .functionArguments: SQLITE_LIMIT_FUNCTION_ARG
    case .patternLength: SQLITE_LIMIT_LIKE_PATTERN_LENGTH
    case .memory, .resultSize: nil
    }
  }

  /// The limit as a rule: `the statement may be at most 100,000 bytes`.
  public var rule: String {
    let figure = value.formatted()
    return switch self {
    case .valueLength:
      "a string or blob (and a printf width or precision) may be at most \(figure) bytes"
    case .statementLength: "the statement may be at most \(figure) bytes"
    case .columns: "a result, GROUP BY or ORDER BY may have at most \(figure) columns"
    case .expressionDepth: "an expression may nest at most \(figure) levels deep"
    case .compoundSelects:
      "a compound SELECT (UNION, INTERSECT, EXCEPT) may join at most \(figure) SELECTs"
    case .functionArguments: "a function may take at most \(figure) arguments"
    case .patternLength: "a LIKE or GLOB pattern may be at most \(figure) bytes"
    case .memory: "SQLite may use at most \((value >> 20).formatted()) MB of memory"
    case .resultSize: "the rows returned may hold at most \((value >> 20).formatted()) MB"
    }
  }

  /// The limit SQLite's failure `code` (extended or primary) with `message` reports, if it is
  /// one of these; `statementBytes` is the length of the statement that failed.
  ///
  /// SQLite says `SQLITE_TOOBIG` for a value or statement too long and `SQLITE_NOMEM` at the
  /// heap limit; the other limits come back as `SQLITE_ERROR` with a message of their own.
  static func reported(code: Int32, message: String, statementBytes: Int) -> SQLLimit? {
    switch code & 0xFF {
    case SQLITE_TOOBIG:
      return statementBytes > SQLLimit.statementLength.value ? .statementLength : .valueLength
    case SQLITE_NOMEM:
      return .memory
    default:
      let messages: [(String, SQLLimit)] = [
        ("too many columns", .columns), ("too many terms in ORDER BY", .columns),
        ("too many terms in GROUP BY", .columns),
        ("Expression tree is too large", .expressionDepth),
        ("too many terms in compound SELECT", .compoundSelects),
        ("too many arguments on function", .functionArguments),
        ("LIKE or GLOB pattern too complex", .patternLength),
      ]
      return messages.first { message.hasPrefix($0.0) }?.1
    }
  }
}
