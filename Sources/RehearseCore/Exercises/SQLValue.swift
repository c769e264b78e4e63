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
    case .text(let value): return Self.quoted(value[...])
    case .blob(let bytes): return Self.hex(bytes[...])
    }
  }

  /// The most characters of a text, or bytes of a blob, `shownLiteral` keeps.
  public static let shownLength = 60

  /// The value as a literal to show (in feedback, and in the report a session keeps): a text or
  /// blob longer than `shownLength` is cut there, marked with `…` and its whole length:
  /// `'aaaa…' (100,000 characters)`, `X'00FF…' (4,096 bytes)`.
  public var shownLiteral: String {
    switch self {
    case .text(let value):
      guard
        let end = value.index(
          value.startIndex, offsetBy: Self.shownLength, limitedBy: value.endIndex),
        end < value.endIndex
      else { return literal }
      return Self.quoted(value[..<end]) + "… (\(value.unicodeScalars.count.formatted()) characters)"
    case .blob(let bytes) where bytes.count > Self.shownLength:
      return Self.hex(bytes.prefix(Self.shownLength)) + "… (\(bytes.count.formatted()) bytes)"
    default:
      return literal
    }
  }

  private static func quoted(_ text: Substring) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var text: [UInt8] = Array("X'".utf8)
    text.reserveCapacity(bytes.count * 2 + 3)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    text.append(UInt8(ascii: "'"))
    return String(decoding: text, as: UTF8.self)
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
  var matchKey: MatchKey {
    switch self {
    case .null: .null
    case .integer, .real: .number(Self.rounded(number ?? 0))
    case .text(let value): .text(value)
    case .blob(let bytes): .blob(bytes)
    }
  }

  /// What `matchKey` keeps of a value: text never equals a number.
  enum MatchKey: Hashable {
    case null
    case number(Double)
    case text(String)
    case blob([UInt8])
  }

  /// `number` rounded to 9 significant digits, with -0 as 0.
  static func rounded(_ number: Double) -> Double {
    guard number.isFinite, number != 0 else { return number == 0 ? 0 : number }
    let scale = pow(10, 8 - floor(log10(abs(number))))
    guard scale.isFinite, scale > 0 else { return number }
    let rounded = (number * scale).rounded() / scale
    return rounded.isFinite ? rounded + 0 : number
  }
}
