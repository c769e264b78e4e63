import Foundation

/// A fact of a stored story that a retelling should carry: a quantity, or a named technology or
/// system.
public struct KeyFact: Sendable, Equatable, Hashable {
  public enum Kind: String, Sendable {
    case quantity, name
  }

  public var kind: Kind
  /// The fact as the story writes it: "80+ sensors", "InfluxDB", "SQL Server".
  public var text: String
  /// What a retelling must contain, lowercased: the number's digits, or the name's words.
  var needles: [String]
}
