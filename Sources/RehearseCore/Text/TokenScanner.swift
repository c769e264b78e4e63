/// One pass of the `Tokenizer` over a text's UTF-8 bytes, by offset; ASCII takes a fast path.
///
/// The scan finds the words and where sentences, clauses and claims end; the words' texts and
/// stems are filled in afterwards, all at once (`tokens()`), so the stem memo is locked once per
/// text rather than once per word, and a word it knows costs no new string.
struct TokenScanner {
  /// A word found: where it stands, and its key and letters when it is ASCII.
  private struct Word {
    /// The UTF-8 offsets of the word in the text.
    var start: Int
    var end: Int
    var sentence: Int
    var clause: Int
    var claim: Int
    /// For a lowercase ASCII word, its key and where its bytes are in `letters`.
    var key: WordKey
    var letters: Range<Int>
    /// For any other word, its place in `readWords`; -1 for an ASCII word.
    var read: Int
    /// Whether the word had an apostrophe inside (`I'd`, `we're`).
    var hadApostrophe: Bool
  }

  /// A word the scan read whole: one that is not ASCII, or `%` read as `percent`.
  private struct ReadWord {
    var text: String
    var textKey: WordKey
    var stem: String
    var stemKey: WordKey
  }

  private static let percentKey = WordKey("percent")
  private static let percent = ReadWord(
    text: "percent", textKey: percentKey, stem: "percent", stemKey: percentKey)

  let text: String
  let bytes: UnsafeBufferPointer<UInt8>
  private var words: [Word] = []
  private var readWords: [ReadWord] = []
  /// The letters of the words, one after another, in the first `letterCount` bytes: lowercase
  /// ASCII; the raw UTF-8 of a word that is not ASCII stands at the end only until the word is
  /// read. A byte of the text makes at most one letter, so the array never grows.
  private var letters: [UInt8]
  private var letterCount = 0
  /// The words the scan treats specially.
  private let special = ScanWords.shared
  private var sentence = 0
  private var clause = 0
  private var claim = 0
  /// The positions of the words that may say a number (`NumberWords.mayTakePart`).
  private(set) var numberCandidates: [Int] = []
  /// The offset just after the last word, or -1.
  private var lastWordEnd = -1
  /// Whether the last word's text ends with a digit.
  private var lastWordEndsWithDigit = false
  private var hasContent = false
  private var lineHasContent = false
  private var atLineStart = true
  /// The offset where the current word starts, or -1 between words.
  private var wordStart = -1
  /// Where the current word's letters start in `letters`.
  private var wordLetters = 0
  private var wordIsASCII = true
  /// Whether the current word had an apostrophe inside (`I'd`, `we're`).
  private var wordHadApostrophe = false

  init(text: String, bytes: UnsafeBufferPointer<UInt8>) {
    self.text = text
    self.bytes = bytes
    words.reserveCapacity(min(Tokenizer.maximumTokens, bytes.count / 5 + 1))
    letters = [UInt8](repeating: 0, count: bytes.count + 1)
  }

  private func index(_ offset: Int) -> String.Index {
    text.utf8.index(text.utf8.startIndex, offsetBy: offset)
  }

  /// The scalar starting at `offset` and the offset after it, for non-ASCII bytes.
  private func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
    let position = index(offset)
    let scalars = text.unicodeScalars
    let scalar = scalars[position]
    return (scalar, offset + String(scalar).utf8.count)
  }

  /// Whether the character at `offset` is part of a word, without decoding ASCII.
  private func isWordCharacter(at offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    let byte = bytes[offset]
    if byte < 0x80 { return Tokenizer.isASCIIWordByte(byte) }
    return Tokenizer.isWordScalar(scalar(at: offset).0)
  }

  private func isLetter(at offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    let byte = bytes[offset]
    if byte < 0x80 { return Tokenizer.isASCIIWordByte(byte) && !(0x30...0x39).contains(byte) }
    return scalar(at: offset).0.properties.isAlphabetic
  }

  private mutating func appendLetter(_ byte: UInt8) {
    letters[letterCount] = byte
    letterCount += 1
  }

  /// The current word's letters so far.
  private var word: ArraySlice<UInt8> { letters[wordLetters..<letterCount] }

  /// Reads the whole text.
  mutating func scan() {
    var offset = 0
    let count = bytes.count
    while offset < count {
      let byte = bytes[offset]
      if byte < 0x80 {
        if Tokenizer.isASCIIWordByte(byte) {
          // A run of letters and digits at once, folded to lowercase.
          if wordStart < 0 {
            wordStart = offset
            wordLetters = letterCount
          }
          var end = offset
          letters.withUnsafeMutableBufferPointer { letters in
            while end < count && Tokenizer.isASCIIWordByte(bytes[end]) {
              let byte = bytes[end]
              letters[letterCount] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
              letterCount += 1
              end += 1
            }
          }
          atLineStart = false
          offset = end
        } else {
          scanASCII(byte, at: offset)
          offset += 1
        }
      } else {
        let (scalar, next) = scalar(at: offset)
        scanOther(scalar, at: offset, next: next)
        offset = next
      }
    }
    flushWord(upTo: count)
  }

  /// A byte of ASCII punctuation or white space.
  private mutating func scanASCII(_ byte: UInt8, at offset: Int) {
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
    let afterDigit =
      wordStart >= 0 && letterCount > 0 && letters[letterCount - 1] >= 0x30
      && letters[letterCount - 1] <= 0x39
    if byte == UInt8(ascii: ","), inWord, afterDigit { return }  // 5,000
    if byte == UInt8(ascii: "."), inWord, afterDigit || isLetter(at: next) {
      appendLetter(byte)  // 3.5, node.js
      return
    }
    let abbreviation = byte == UInt8(ascii: ".") && wordStart >= 0 && isAbbreviation(word)
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
      if lastWordEnd == offset && lastWordEndsWithDigit { appendPercent(at: offset) }
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

  private mutating func scanOther(_ scalar: Unicode.Scalar, at offset: Int, next: Int) {
    if Tokenizer.isWordScalar(scalar) {
      if wordStart < 0 {
        wordStart = offset
        wordLetters = letterCount
      }
      for position in offset..<next { appendLetter(bytes[position]) }
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

  private func isAbbreviation(_ word: ArraySlice<UInt8>) -> Bool {
    guard word.count <= 7 else { return false }
    let letters = String(decoding: word.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
    return Tokenizer.abbreviations.contains(letters)
  }

  private mutating func flushWord(upTo end: Int) {
    guard wordStart >= 0 else { return }
    let start = wordStart
    let isASCII = wordIsASCII
    wordStart = -1
    wordIsASCII = true
    defer { wordHadApostrophe = false }
    guard words.count < Tokenizer.maximumTokens else {
      letterCount = wordLetters
      return
    }
    let key: WordKey
    var letterRange = wordLetters..<letterCount
    var read = -1
    if isASCII {
      Tokenizer.foldBritishSpelling(&letters, in: letterRange)
      let last = letters[letterCount - 1]
      lastWordEndsWithDigit = last >= 0x30 && last <= 0x39
      let role: ScanWords.Role
      (key, role) = letters.withUnsafeBytes {
        let bytes = UnsafeRawBufferPointer(rebasing: $0[letterRange])
        let key = WordKey(bytes: bytes)
        return (key, special.role(bytes, key: key))
      }
      // A word starting with a digit, or a number word: `NumberWords.partWords`.
      let first = letters[wordLetters]
      if (first >= 0x30 && first <= 0x39) || role.contains(.numberPart) {
        numberCandidates.append(words.count)
      }
      if hasContent, role.contains(.clauseWord) {
        clause += 1
        claim += 1
      }
    } else {
      let normalized = Tokenizer.normalize(String(decoding: word, as: UTF8.self))
      letterCount = wordLetters
      guard !normalized.isEmpty else { return }
      let stem = Tokenizer.stemExceptions[normalized] ?? PorterStemmer.stem(normalized)
      key = WordKey(normalized)
      read = readWords.count
      letterRange = wordLetters..<wordLetters
      readWords.append(
        ReadWord(text: normalized, textKey: key, stem: stem, stemKey: WordKey(stem)))
      lastWordEndsWithDigit = normalized.utf8.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
      numberCandidates.append(words.count)
    }
    words.append(
      Word(
        start: start, end: end, sentence: sentence, clause: clause, claim: claim, key: key,
        letters: letterRange, read: read, hadApostrophe: wordHadApostrophe))
    lastWordEnd = end
    hasContent = true
    lineHasContent = true
  }

  private mutating func endSentence() {
    if hasContent {
      sentence += 1
      clause += 1
      claim += 1
      hasContent = false
    }
  }

  /// `%` written after a number, read as the word `percent`.
  private mutating func appendPercent(at offset: Int) {
    guard words.count < Tokenizer.maximumTokens else { return }
    words.append(
      Word(
        start: offset, end: offset + 1, sentence: sentence, clause: clause, claim: claim,
        key: TokenScanner.percentKey, letters: letterCount..<letterCount, read: readWords.count,
        hadApostrophe: false))
    readWords.append(TokenScanner.percent)
    lastWordEndsWithDigit = false
  }
}

extension TokenScanner {
  /// The words found, as tokens: the stem memo gives the text and stem of every ASCII word it
  /// knows, all looked up at once under its lock; the others are stemmed here and told to it.
  func tokens() -> [Token] {
    // Locals, so that the closures below capture no copy of the scanner.
    let words = self.words
    let readWords = self.readWords
    let text = self.text
    var keys: [WordKey] = []
    keys.reserveCapacity(words.count)
    for word in words { keys.append(word.key) }
    var missing: [Int] = []
    var tokens = letters.withUnsafeBytes { letters in
      StemMemo.shared.withWords { memo in
        let numbers = memo.find(keys) { index, stored in
          let word = words[index]
          return word.read < 0
            && WordIndex<StemMemo.Stem>.spells(
              stored, UnsafeRawBufferPointer(rebasing: letters[word.letters]))
        }
        var tokens: [Token] = []
        // Room for a few more, which lexicon rewrites of one word to several take.
        tokens.reserveCapacity(words.count + 16)
        let start = text.utf8.startIndex
        for (position, word) in words.enumerated() {
          let surface =
            text.utf8.index(
              start, offsetBy: word.start)..<text.utf8.index(
              start, offsetBy: word.end)
          let number = numbers[position]
          if word.read >= 0 {
            let read = readWords[word.read]
            tokens.append(
              Token(
                text: read.text, textKey: read.textKey, stem: read.stem, stemKey: read.stemKey,
                surface: surface, sentence: word.sentence, clause: word.clause, claim: word.claim)
            )
          } else if number >= 0 {
            tokens.append(
              Token(
                text: memo.entries[number].word, textKey: word.key,
                stem: memo.entries[number].value.stem, stemKey: memo.entries[number].value.key,
                surface: surface, sentence: word.sentence, clause: word.clause, claim: word.claim)
            )
          } else {
            // A placeholder, respelled by `learn`.
            missing.append(position)
            tokens.append(
              Token(
                text: "", textKey: word.key, stem: "", stemKey: word.key,
                surface: surface, sentence: word.sentence, clause: word.clause, claim: word.claim)
            )
          }
        }
        return tokens
      }
    }
    if !missing.isEmpty { learn(missing, &tokens) }
    for (position, word) in words.enumerated() where word.hadApostrophe {
      if let pronoun = Tokenizer.contractedPronouns[tokens[position].text] {
        let key = WordKey(pronoun)
        tokens[position].respell(text: pronoun, textKey: key, stem: pronoun, stemKey: key)
      }
    }
    return tokens
  }

  /// Stems the words at `missing`, which the memo did not know, each distinct word once, and
  /// tells the memo.
  private func learn(_ missing: [Int], _ tokens: inout [Token]) {
    var learned = WordIndex<StemMemo.Stem>()
    var fresh: [(key: WordKey, text: String, stem: StemMemo.Stem)] = []
    for position in missing {
      let word = words[position]
      let spelled = Array(letters[word.letters])
      let text: String
      let stem: StemMemo.Stem
      if let entry = spelled.withUnsafeBytes({ learned.entry(word.key, bytes: $0) }) {
        text = entry.word
        stem = entry.value
      } else {
        text = String(decoding: spelled, as: UTF8.self)
        stem = StemMemo.stem(text, bytes: spelled)
        learned.insert(text, key: word.key, value: stem)
        fresh.append((word.key, text, stem))
      }
      tokens[position].respell(text: text, textKey: word.key, stem: stem.stem, stemKey: stem.key)
    }
    StemMemo.shared.remember(fresh)
  }
}
