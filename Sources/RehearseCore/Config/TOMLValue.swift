/// A value of the TOML subset the config file is written in (`TOMLReader`).
public enum TOMLValue: Equatable, Sendable {
  /// A basic (`"…"`, with escapes) or literal (`'…'`) string.
  case string(String)
  /// A decimal integer, with optional sign and underscores between digits.
  case integer(Int)
  /// A float: a fraction, an exponent or both, or `inf` and `nan` with an optional sign.
  case float(Double)
  /// `true` or `false`.
  case boolean(Bool)

  /// The kind of value, as messages name it: "a string", "an integer", "a float", "a boolean".
  public var kind: String {
    switch self {
    case .string: "a string"
    case .integer: "an integer"
    case .float: "a float"
    case .boolean: "a boolean"
    }
  }
}
