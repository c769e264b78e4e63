/// Text made safe to show where a terminal reads it: nothing in it can move the cursor, clear
/// the screen, set the window title, open a link, ring the bell, or reorder what is shown.
///
/// Every text form of the output passes the text it did not write itself through `safe(_:)`
/// before laying it out and styling it: answers, the bank's prompts, hints, model answers,
/// labels and fixtures, stories, evidence quoted from an answer, values a query or a test
/// returned, and messages that quote input. The colour Rehearse adds (`TextStyle`) is added
/// around safe text, so it still works; Markdown and HTML pass their text through it too, and
/// JSON escapes the same characters (`JSONOutput`).
///
/// What is replaced, each by a visible stand-in, and nothing else:
/// - C0 controls (U+0000–U+001F) but tab and newline, in caret notation: ESC as `^[`, so that
///   `ESC [ 2 J` reads `^[[2J`; BEL as `^G`, NUL as `^@`. A carriage return before a newline (a
///   Windows line end) is dropped, any other shown as `^M`, since it would let a line overwrite
///   the text before it;
/// - DEL (U+007F) as `^?`;
/// - C1 controls (U+0080–U+009F), which some terminals take as escape sequences (U+009B is a
///   one-character CSI), as `<U+009B>`;
/// - the bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
///   U+200E, U+200F, U+061C), which reorder the text around them (RLO, U+202E, shows what
///   follows backwards), as `<U+202E>`.
public enum TerminalText {
  /// `text` with every character that could drive a terminal replaced by its stand-in.
  public static func safe(_ text: some StringProtocol) -> String {
    let scalars = text.unicodeScalars
    guard scalars.contains(where: isReplaced) else { return String(text) }
    var result = String.UnicodeScalarView()
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      index = scalars.index(after: index)
      guard isReplaced(scalar) else {
        result.append(scalar)
        continue
      }
      if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { continue }
      result.append(contentsOf: standIn(for: scalar).unicodeScalars)
    }
    return String(result)
  }

  /// Whether `safe(_:)` replaces `scalar`.
  public static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// What `scalar`, one that is replaced, is shown as: `^[` or `<U+202E>`.
  static func standIn(for scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
    case 0x7F: "^?"
    default: "<U+" + hex(scalar.value) + ">"
    }
  }

  /// `value` in upper-case hexadecimal, at least four digits.
  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
