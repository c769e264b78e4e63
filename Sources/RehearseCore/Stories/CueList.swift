/// Words and phrases to find in a tokenised text, spelled as the Tokenizer spells its tokens.
///
/// Each phrase is compiled through the Tokenizer, so a cue meets the words it is written for
/// however they are cased, accented or spelled (`realised` and `realized` alike). A phrase word
/// matches a token's normalised text; one ending in `*` matches any word it begins
/// (`struggl*`); one ending in `~` matches any word with its stem (`warehouse~` finds
/// `warehouses`); one written with an apostrophe matches only a word written with one, so
/// `we're` does not find `were`.
struct CueList: Sendable {
  /// One word of a phrase.
  private struct Cue: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
      /// The normalised word.
      case word
      /// The start of a normalised word.
      case prefix
      /// A stem.
      case stem
    }

    var text: String
    var kind: Kind
    /// Whether the cue was written with an apostrophe (`i'm`).
    var isElided: Bool

    func matches(_ index: Int, in text: TokenizedText) -> Bool {
      let token = text.tokens[index]
      let matched =
        switch kind {
        case .word: token.text == self.text
        case .prefix: token.text.utf8.starts(with: self.text.utf8)
        case .stem: token.stem == self.text
        }
      return matched && (!isElided || text.isElided(at: index))
    }
  }

  /// The phrases by their first word, when it is a whole word.
  private let byFirstWord: [String: [[Cue]]]
  /// The phrases by their first word's stem, when it matches by stem.
  private let byFirstStem: [String: [[Cue]]]
  /// The phrases whose first word is a prefix.
  private let byPrefix: [[Cue]]
  /// Whether every cue is ASCII, so that a word that is not cannot equal one.
  private let isASCII: Bool

  init(_ phrases: [String]) {
    var byFirstWord: [String: [[Cue]]] = [:]
    var byFirstStem: [String: [[Cue]]] = [:]
    var byPrefix: [[Cue]] = []
    var seen: Set<[Cue]> = []
    for phrase in phrases {
      let cues = phrase.split(separator: " ").flatMap(Self.cues)
      // Two spellings of one word (`recognised`, `recognized`) are one cue, counted once.
      guard let first = cues.first, seen.insert(cues).inserted else { continue }
      switch first.kind {
      case .word: byFirstWord[first.text, default: []].append(cues)
      case .stem: byFirstStem[first.text, default: []].append(cues)
      case .prefix: byPrefix.append(cues)
      }
    }
    self.byFirstWord = byFirstWord
    self.byFirstStem = byFirstStem
    self.byPrefix = byPrefix
    isASCII = phrases.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
  }

  /// The cues of one written phrase word: usually one, more when the Tokenizer splits it.
  private static func cues(_ written: Substring) -> [Cue] {
    let kind: Cue.Kind = written.hasSuffix("*") ? .prefix : written.hasSuffix("~") ? .stem : .word
    let word = kind == .word ? written : written.dropLast()
    let isElided = word.unicodeScalars.contains(where: Tokenizer.isApostrophe)
    let tokens = Tokenizer.tokens(of: String(word))
    return tokens.indices.map { index in
      // Only the last part of a split word is a prefix or a stem.
      let own = index == tokens.count - 1 ? kind : .word
      let token = tokens[index]
      return Cue(text: own == .stem ? token.stem : token.text, kind: own, isElided: isElided)
    }
  }

  /// How many times a phrase occurs within `range` of `text`.
  func count(in text: TokenizedText, _ range: Range<Int>) -> Int {
    var count = 0
    scan(text, range) { _ in
      count += 1
      return true
    }
    return count
  }

  /// Whether any phrase occurs in `text`.
  func occurs(in text: TokenizedText) -> Bool {
    var found = false
    scan(text, text.tokens.indices) { _ in
      found = true
      return false
    }
    return found
  }

  /// Whether the word at `index` of `text` is one of the list's one-word phrases.
  func contains(wordAt index: Int, in text: TokenizedText) -> Bool {
    var found = false
    scan(text, index..<index + 1) { _ in
      found = true
      return false
    }
    return found
  }

  /// Calls `found` with the token range of each match within `range` until it returns `false`.
  private func scan(_ text: TokenizedText, _ range: Range<Int>, _ found: (Range<Int>) -> Bool) {
    /// Whether to go on after trying `phrases` at `start`.
    func tryPhrases(_ phrases: [[Cue]]?, at start: Int) -> Bool {
      for phrase in phrases ?? [] where start + phrase.count <= range.upperBound {
        let matched = phrase.indices.allSatisfy { phrase[$0].matches(start + $0, in: text) }
        if matched && !found(start..<start + phrase.count) { return false }
      }
      return true
    }
    for start in range {
      let token = text.tokens[start]
      // Hashing a word that is not ASCII costs a Unicode normalisation; skip it when no cue is.
      let lookUp = !isASCII || token.text.utf8.allSatisfy { $0 < 0x80 }
      guard
        tryPhrases(lookUp ? byFirstWord[token.text] : nil, at: start),
        tryPhrases(lookUp && !byFirstStem.isEmpty ? byFirstStem[token.stem] : nil, at: start),
        tryPhrases(byPrefix, at: start)
      else { return }
    }
  }
}
