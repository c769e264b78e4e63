import Foundation

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

  static let abbreviations: Set<String> = [
    "eg", "ie", "etc", "vs", "approx", "incl", "esp",
  ]
  /// The words that start a new clause and claim.
  static let clauseWords = ["but", "whereas", "while", "although", "though", "unlike", "however"]

  /// Tokenises `text`.
  public static func tokens(of text: String) -> [Token] {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    // Always available once the string is contiguous UTF-8.
    return contiguous.utf8.withContiguousStorageIfAvailable { bytes in
      var scanner = TokenScanner(text: contiguous, bytes: bytes)
      scanner.scan()
      var tokens = scanner.tokens()
      if !scanner.numberCandidates.isEmpty {
        NumberWords.normalize(&tokens, candidates: scanner.numberCandidates)
      }
      return tokens
    } ?? []
  }

  /// A pronoun with a verb contracted onto it, as the pronoun alone: `I'd` would otherwise read as
  /// `id` and `we'll` as `well`. Negations (`don't`, `isn't`) keep their own folded form.
  static let contractedPronouns: [String: String] = [
    "id": "i", "ill": "i", "im": "i", "ive": "i", "wed": "we", "well": "we", "were": "we",
    "weve": "we", "youd": "you", "youll": "you", "youre": "you", "youve": "you", "theyd": "they",
    "theyll": "they", "theyre": "they", "theyve": "they", "hed": "he", "hes": "he", "shed": "she",
    "shes": "she", "itd": "it", "itll": "it", "thats": "that", "theres": "there", "whats": "what",
    "lets": "let",
  ]

  /// Words Porter2 gives the stem of an unrelated word, with a stem of their own: "consistency"
  /// would meet "consists", "relative" would meet "relational", "organization" would meet
  /// "organ", "executive" would meet "execute". Each family gets one stem, so its members still
  /// meet each other; the words are as the tokenizer folds them (lowercase, American `-ize`).
  static let stemExceptions: [String: String] = {
    let families: [String: [String]] = [
      "consistent": [
        "consistent", "consistency", "consistencies", "consistently", "inconsistent",
        "inconsistency", "inconsistencies", "inconsistently",
      ],
      "relative": ["relative", "relatives", "relatively"],
      "organization": ["organization", "organizations", "organizational"],
      "executive": ["executive", "executives"],
      // Porter2 undoubles `adding` to `ad`.
      "add": ["add", "adds", "added", "adding"],
    ]
    var exceptions: [String: String] = [:]
    for (stem, words) in families {
      for word in words { exceptions[word] = stem }
    }
    return exceptions
  }()

  private static let britishSuffixes = [
    "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers",
  ].map { Array($0.utf8) }

  /// Spells the `-ise` word at `word` in `letters` the American way (`normalisation`
  /// as `normalization`), in place.
  ///
  /// Porter2 stems the two spellings differently. Applied alike to answers and rubric terms, the
  /// folding is harmless for words that merely end in `-ise` (`promise` and `promising` both
  /// become `promiz…`), and short words (`rise`, `raise`) are left alone.
  static func foldBritishSpelling(_ letters: inout [UInt8], in word: Range<Int>) {
    let count = word.count
    guard count >= 6 else { return }
    // The last letters of the suffixes: most words are passed over here.
    switch letters[word.upperBound - 1] {
    case UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "d"),
      UInt8(ascii: "g"), UInt8(ascii: "r"):
      break
    default:
      return
    }
    for suffix in britishSuffixes where count - suffix.count >= 3 {
      let offset = word.upperBound - suffix.count
      // Every suffix starts with `is`.
      guard letters[offset] == UInt8(ascii: "i"), letters[offset + 1] == UInt8(ascii: "s")
      else { continue }
      if letters[offset..<word.upperBound].elementsEqual(suffix) {
        letters[offset + 1] = UInt8(ascii: "z")
        return
      }
    }
  }

  static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x30 && byte <= 0x39)
  }

  /// Folds a word to the form tokens are compared in: compatibility forms, case and accents
  /// folded, anything but letters, digits and inner dots dropped. The scanner folds plain ASCII
  /// words itself; this is for the others.
  public static func normalize(_ word: String) -> String {
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
