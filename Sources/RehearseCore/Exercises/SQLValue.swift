import Foundation
import GRDBSQLite

/// A value in a SQL result, as SQLite stores it.
public enum SQLValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  /// Two numbers are the same value when they differ by at most this share of the larger.
  public static let relativeTolerance = 1e-6
  /// …or by at most this much, for values near zero.
  public static let absoluteTolerance = 1e-9

  /// The value as a SQL literal: `NULL`, `42`, `3.5`, `'text'`, `X'0A'`.
  public var literal: String {
    switch self {
    case .null: return "NULL"
    case .integer(let value): return String(value)
    case .real(let value): return value.description
    case .text(let value): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    case .blob(let bytes):
      return "X'" + bytes.map { String(format: "%02X", $0) }.joined() + "'"
    }
  }

  /// The value as a number, when it is one.
  var number: Double? {
    switch self {
    case .integer(let value): Double(value)
    case .real(let value): value
    default: nil
    }
  }

  /// Whether two values are the same: numbers within the tolerance (an integer equals the same
  /// real), anything else exactly; NULL equals NULL.
  public func matches(_ other: SQLValue) -> Bool {
    if let left = number, let right = other.number {
      if left == right { return true }
      let difference = abs(left - right)
      return difference <= Self.absoluteTolerance
        || difference <= Self.relativeTolerance * max(abs(left), abs(right))
    }
    return self == other
  }

  /// A key equal for values that are certainly the same, so most rows are matched by hashing;
  /// numbers are rounded to 9 significant digits, and pairs the rounding splits are matched
  /// with `matches` afterwards.
  var matchKey: String {
    if let number { return String(format: "n%.9g", number == 0 ? 0 : number) }
    return literal
  }
}
