import Foundation

/// Encodes report values as the pretty, key-sorted, snake_case JSON the command line prints.
public enum JSONOutput {
  public static func encode<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain value types with string keys cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return escapingControls(String(decoding: data, as: UTF8.self))
  }

  /// `json` with the characters `TerminalText` replaces that `JSONEncoder` leaves as they are
  /// (DEL, the C1 controls, the bidirectional controls; it escapes the C0 controls, ESC as
  /// `\u001b`) written as `\uXXXX` escapes: the same strings to whatever reads the JSON, and
  /// nothing a terminal acts on. They can only be inside strings, where an escape means them.
  static func escapingControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: TerminalText.isReplaced) else { return json }
    var result = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      guard TerminalText.isReplaced(scalar) else {
        result.append(scalar)
        continue
      }
      let digits = String(scalar.value, radix: 16)
      result.append(
        contentsOf: ("\\u" + String(repeating: "0", count: 4 - digits.count) + digits)
          .unicodeScalars)
    }
    return String(result)
  }
}
