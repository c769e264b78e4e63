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

  fileprivate static let abbreviations: Set<String> = [
    "eg", "ie", "etc", "vs", "approx", "incl", "esp",
  ]
  private static let clauseWords = [
    "but", "whereas", "while", "although", "though", "unlike", "however",
  ].map { Array($0.utf8) }

  /// Whether a word starts a new clause and claim: `but`, `whereas`, `while`, `although`,
  /// `though`, `unlike`, `however`.
  fileprivate static func isClauseWord(_ word: [UInt8]) -> Bool {
    (3...8).contains(word.count) && clauseWords.contains(word)
  }

  /// Tokenises `text`.
  public static func tokens(of text: String) -> [Token] {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    // Always available once the string is contiguous UTF-8.
    return contiguous.utf8.withContiguousStorageIfAvailable { bytes in
      var scanner = Scanner(text: contiguous, bytes: bytes)
      scanner.scan()
      if !scanner.numberCandidates.isEmpty {
        NumberWords.normalize(&scanner.tokens, candidates: scanner.numberCandidates)
      }
      return scanner.tokens
    } ?? []
  }

  /// The state of one pass over a text's UTF-8 bytes, by offset; ASCII takes a fast path.
  private struct Scanner {
    let text: String
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    var sentence = 0
    var clause = 0
    var claim = 0
    /// The positions of the words that may say a number (`NumberWords.mayTakePart`).
    var numberCandidates: [Int] = []
    /// The offset just after the last token appended, or -1.
    var lastTokenEnd = -1
    var hasContent = false
    var lineHasContent = false
    var atLineStart = true
    /// The offset where the current word starts, or -1 between words.
    var wordStart = -1
    /// The word so far: lowercase ASCII, or raw UTF-8 when `wordIsASCII` is false.
    var word: [UInt8] = []
    var wordIsASCII = true
    /// Whether the current word had an apostrophe inside (`I'd`, `we're`).
    var wordHadApostrophe = false

    init(text: String, bytes: UnsafeBufferPointer<UInt8>) {
      self.text = text
      self.bytes = bytes
      tokens.reserveCapacity(min(Tokenizer.maximumTokens, bytes.count / 5 + 1))
      word.reserveCapacity(32)
    }

    func index(_ offset: Int) -> String.Index {
      text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// The scalar starting at `offset` and the offset after it, for non-ASCII bytes.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
      let position = index(offset)
      let scalars = text.unicodeScalars
      let scalar = scalars[position]
      return (scalar, offset + String(scalar).utf8.count)
    }

    /// Whether the character at `offset` is part of a word, without decoding ASCII.
    func isWordCharacter(at offset: Int) -> Bool {
      guard offset < bytes.count else { return false }
      let byte = bytes[offset]
      if byte < 0x80 { return Tokenizer.isASCIIWordByte(byte) }
      return Tokenizer.isWordScalar(scalar(at: offset).0)
    }

    func isLetter(at offset: Int) -> Bool {
      guard offset < bytes.count else { return false }
      let byte = bytes[offset]
      if byte < 0x80 { return Tokenizer.isASCIIWordByte(byte) && !(0x30...0x39).contains(byte) }
      return scalar(at: offset).0.properties.isAlphabetic
    }

    mutating func scan() {
      var offset = 0
      while offset < bytes.count {
        let byte = bytes[offset]
        if byte < 0x80 {
          scanASCII(byte, at: offset)
          offset += 1
        } else {
          let (scalar, next) = scalar(at: offset)
          scanOther(scalar, at: offset, next: next)
          offset = next
        }
      }
      flushWord(upTo: bytes.count)
    }

    mutating func scanASCII(_ byte: UInt8, at offset: Int) {
      if Tokenizer.isASCIIWordByte(byte) {
        if wordStart < 0 { wordStart = offset }
        word.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        atLineStart = false
        return
      }
      if byte == UInt8(ascii: " ") {
        flushWord(upTo: offset)
        return
      }
      let next = offset + 1
      let inWord = wordStart >= 0 && isWordCharacter(at: next)
      if byte == UInt8(ascii: "'") && inWord {
        wordHadApostrophe = true
        return
      }
      let afterDigit = word.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
      if byte == UInt8(ascii: ","), inWord, afterDigit { return }  // 5,000
      if byte == UInt8(ascii: "."), inWord, afterDigit || isLetter(at: next) {
        word.append(byte)  // 3.5, node.js
        return
      }
      let abbreviation = byte == UInt8(ascii: ".") && isAbbreviation(word)
      flushWord(upTo: offset)
      switch byte {
      case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"):
        endSentence()
      case UInt8(ascii: "."):
        if !abbreviation { endSentence() }
      case UInt8(ascii: ":"):
        if hasContent {
          clause += 1
          claim += 1
        }
      case UInt8(ascii: ","):
        if hasContent { clause += 1 }
      case UInt8(ascii: "%"):
        if endsNumber(at: offset) { appendPercent(at: offset) }
      case UInt8(ascii: "\n"):
        // A blank line ends a paragraph.
        if !lineHasContent { endSentence() }
        atLineStart = true
        lineHasContent = false
      case UInt8(ascii: "-"), UInt8(ascii: "*"):
        if atLineStart { endSentence() }
      case UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        break
      default:
        atLineStart = false
      }
    }

    mutating func scanOther(_ scalar: Unicode.Scalar, at offset: Int, next: Int) {
      if Tokenizer.isWordScalar(scalar) {
        if wordStart < 0 { wordStart = offset }
        word.append(contentsOf: String(scalar).utf8)
        wordIsASCII = false
        atLineStart = false
        return
      }
      if Tokenizer.isApostrophe(scalar), wordStart >= 0, isWordCharacter(at: next) {
        wordHadApostrophe = true
        return
      }
      flushWord(upTo: offset)
      if scalar == "\u{2022}" && atLineStart {
        endSentence()
      } else if scalar == "\u{2026}" || scalar == "\u{3002}" {
        endSentence()
      } else if !scalar.properties.isWhitespace {
        atLineStart = false
      }
    }

    func isAbbreviation(_ word: [UInt8]) -> Bool {
      guard word.count <= 7 else { return false }
      let letters = String(decoding: word.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
      return Tokenizer.abbreviations.contains(letters)
    }

    mutating func flushWord(upTo end: Int) {
      guard wordStart >= 0 else { return }
      let start = wordStart
      defer {
        wordStart = -1
        word.removeAll(keepingCapacity: true)
        wordIsASCII = true
        wordHadApostrophe = false
      }
      guard tokens.count < Tokenizer.maximumTokens else { return }
      var normalized: String
      var stem: String
      if wordIsASCII {
        Tokenizer.foldBritishSpelling(&word)
        normalized = String(decoding: word, as: UTF8.self)
        // Porter2 leaves words of one or two letters as they are.
        stem = word.count <= 2 ? normalized : StemMemo.shared.stem(normalized, bytes: word)
      } else {
        normalized = Tokenizer.normalize(String(decoding: word, as: UTF8.self))
        stem = Tokenizer.stemExceptions[normalized] ?? PorterStemmer.stem(normalized)
      }
      guard !normalized.isEmpty else { return }
      if !wordIsASCII || NumberWords.mayTakePart(word) { numberCandidates.append(tokens.count) }
      if wordHadApostrophe, let pronoun = Tokenizer.contractedPronouns[normalized] {
        normalized = pronoun
        stem = pronoun
      }
      if hasContent, Tokenizer.isClauseWord(word) {
        clause += 1
        claim += 1
      }
      tokens.append(
        Token(
          text: normalized, stem: stem, surface: index(start)..<index(end), sentence: sentence,
          clause: clause, claim: claim))
      lastTokenEnd = end
      hasContent = true
      lineHasContent = true
    }

    mutating func endSentence() {
      if hasContent {
        sentence += 1
        clause += 1
        claim += 1
        hasContent = false
      }
    }

    /// Whether the last token ends with a digit right before the current character (`3%`).
    func endsNumber(at offset: Int) -> Bool {
      guard lastTokenEnd == offset, let byte = tokens.last?.text.utf8.last else { return false }
      return byte >= 0x30 && byte <= 0x39
    }

    /// `%` written after a number, read as the word `percent`.
    mutating func appendPercent(at offset: Int) {
      guard tokens.count < Tokenizer.maximumTokens else { return }
      tokens.append(
        Token(
          text: "percent", stem: "percent", surface: index(offset)..<index(offset + 1),
          sentence: sentence, clause: clause, claim: claim))
    }
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

  /// Spells `-ise` words the American way (`normalisation` as `normalization`), in place.
  ///
  /// Porter2 stems the two spellings differently. Applied alike to answers and rubric terms, the
  /// folding is harmless for words that merely end in `-ise` (`promise` and `promising` both
  /// become `promiz…`), and short words (`rise`, `raise`) are left alone.
  static func foldBritishSpelling(_ word: inout [UInt8]) {
    guard word.count >= 6 else { return }
    for suffix in britishSuffixes where word.count - suffix.count >= 3 {
      let offset = word.count - suffix.count
      if word[offset...].elementsEqual(suffix) {
        word[offset + 1] = UInt8(ascii: "z")
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
