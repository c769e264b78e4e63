import Foundation

/// One word of an answer, normalised for matching, with where it stands in the original text.
public struct Token: Sendable, Equatable {
  /// The word folded to lowercase without accents or apostrophes (`Doesn't` becomes `doesnt`).
  public var text: String
  /// The Porter2 stem of `text`.
  public var stem: String
  /// The exact characters of the original text this token came from.
  public var surface: Range<String.Index>
  /// Which sentence of the answer the token is in, counting from 0.
  public var sentence: Int
  /// Which clause of the answer the token is in; clauses are split at commas and contrast words.
  public var clause: Int
}

/// Splits text into normalised, stemmed tokens grouped by sentence and clause.
///
/// Normalisation folds case, accents and compatibility forms (full-width letters, ligatures) and
/// drops apostrophes inside words. Hyphens, slashes and other punctuation separate words; the
/// matcher joins adjacent words back together, so `real-time`, `real time` and `realtime` meet.
/// Sentences end at `.`, `!`, `?`, `;`, a blank line or a new bullet line; a `.` inside a number
/// or a name (`3.5`, `node.js`) or after a common abbreviation (`e.g.`) ends nothing.
public enum Tokenizer {
  /// The most tokens read from one text; words beyond it are ignored, keeping time bounded.
  public static let maximumTokens = 20_000

  private static let abbreviations: Set<String> = ["eg", "ie", "etc", "vs", "approx", "incl", "esp"]
  private static let clauseWords: Set<String> = ["but", "whereas", "while", "although", "though"]

  /// Tokenises `text`.
  public static func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    var sentence = 0
    var clause = 0
    var wordStart: String.Index?
    var wordScalars = String.UnicodeScalarView()
    var hasContent = false
    var lineHasContent = false
    var atLineStart = true

    func flushWord(upTo end: String.Index) {
      guard let start = wordStart else { return }
      defer {
        wordStart = nil
        wordScalars = String.UnicodeScalarView()
      }
      let normalized = normalize(String(wordScalars))
      guard !normalized.isEmpty, tokens.count < maximumTokens else { return }
      if clauseWords.contains(normalized), hasContent { clause += 1 }
      tokens.append(
        Token(
          text: normalized, stem: PorterStemmer.stem(normalized), surface: start..<end,
          sentence: sentence, clause: clause))
      hasContent = true
      lineHasContent = true
    }

    func endSentence() {
      if hasContent {
        sentence += 1
        clause += 1
        hasContent = false
      }
    }

    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      let following = next < scalars.endIndex ? scalars[next] : nil
      if isWordScalar(scalar) {
        if wordStart == nil { wordStart = index }
        wordScalars.append(scalar)
        atLineStart = false
      } else if isApostrophe(scalar), wordStart != nil, let following, isWordScalar(following) {
        wordScalars.append(scalar)
      } else if (scalar == "." || scalar == ","), wordStart != nil,
        let following, isWordScalar(following),
        wordScalars.last.map({ $0.properties.numericType != nil }) == true
          || (scalar == "." && following.properties.isAlphabetic)
      {
        // 3.5, 5,000 and node.js stay one token.
        wordScalars.append(scalar)
      } else {
        let word = String(wordScalars).lowercased()
        flushWord(upTo: index)
        switch scalar {
        case "!", "?", ";":
          endSentence()
        case ".":
          let isAbbreviation = abbreviations.contains(word.replacingOccurrences(of: ".", with: ""))
          if !isAbbreviation { endSentence() }
        case ",", ":", "(", ")":
          if hasContent { clause += 1 }
        case "\n":
          // A blank line ends a paragraph.
          if !lineHasContent { endSentence() }
          atLineStart = true
          lineHasContent = false
        case "-", "*", "\u{2022}":
          if atLineStart { endSentence() }
        default:
          if !scalar.properties.isWhitespace { atLineStart = false }
        }
      }
      index = next
    }
    flushWord(upTo: scalars.endIndex)
    return tokens
  }

  /// Folds a word to the form tokens are compared in.
  public static func normalize(_ word: String) -> String {
    var ascii: [UInt8] = []
    ascii.reserveCapacity(word.utf8.count)
    for byte in word.utf8 {
      guard byte < 0x80 else { return slowNormalize(word) }
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
      case UInt8(ascii: "'"), UInt8(ascii: ","): continue
      default: ascii.append(byte)
      }
    }
    return String(decoding: ascii, as: UTF8.self)
  }

  private static func slowNormalize(_ word: String) -> String {
    let folded = word.precomposedStringWithCompatibilityMapping
      .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    return String(
      String.UnicodeScalarView(
        folded.unicodeScalars.filter { isWordScalar($0) || $0 == "." }))
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x30 && value <= 0x39)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}"
  }
}
