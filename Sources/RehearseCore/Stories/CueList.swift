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
    /// The key of `text`, for comparing with a token's without comparing strings.
    var key: WordKey

    func matches(_ index: Int, in text: TokenizedText) -> Bool {
      let matched =
        switch kind {
        case .word: text.tokens[index].textKey == key && text.tokens[index].text == self.text
        case .prefix: text.tokens[index].text.utf8.starts(with: self.text.utf8)
        case .stem: text.tokens[index].stemKey == key && text.tokens[index].stem == self.text
        }
      return matched && (!isElided || text.isElided(at: index))
    }
  }

  /// A phrase's words, and the group it was given in (`init(groups:)`).
  private struct Phrase: Sendable {
    var cues: [Cue]
    var group: Int
  }

  /// The phrases by their first word, when it is a whole word: a place in `phrases`.
  private let byFirstWord: WordIndex<Int>
  /// The phrases by their first word's stem, when it matches by stem: a place in `phrases`.
  private let byFirstStem: WordIndex<Int>
  /// The phrases of each first word or stem.
  private let phrases: [[Phrase]]
  /// The phrases whose first word is a prefix.
  private let byPrefix: [Phrase]
  /// For each byte, the phrases of `byPrefix` whose prefix starts with it: a word starting with
  /// any other byte cannot match them. Which phrases are tried first changes no answer: a scan
  /// counts them all, or stops at the first whichever it is.
  private let prefixesByFirstByte: [[Phrase]]
  /// Whether a prefix is empty, so that every word must be tried against every prefix.
  private let hasEmptyPrefix: Bool
  /// Whether every cue is ASCII, so that a word that is not cannot equal one.
  private let isASCII: Bool
  /// How many groups the phrases were given in.
  private let groupCount: Int

  init(_ phrases: [String]) {
    self.init(groups: [phrases])
  }

  /// The phrases of several lists at once, each phrase in the group of its list, so that one
  /// scan counts them all (`counts(in:_:)`).
  init(groups: [[String]]) {
    self.groupCount = groups.count
    var byFirstWord = WordIndex<Int>()
    var byFirstStem = WordIndex<Int>()
    var lists: [[Phrase]] = []
    var byPrefix: [Phrase] = []
    var seen: Set<[Cue]> = []
    func add(_ phrase: Phrase, to index: inout WordIndex<Int>) {
      index.update(phrase.cues[0].text, initial: lists.count) { position in
        if position == lists.count { lists.append([]) }
        lists[position].append(phrase)
      }
    }
    for (group, phrases) in groups.enumerated() {
      seen.removeAll(keepingCapacity: true)
      for written in phrases {
        let cues = written.split(separator: " ").flatMap(Self.cues)
        // Two spellings of one word (`recognised`, `recognized`) are one cue, counted once.
        guard let first = cues.first, seen.insert(cues).inserted else { continue }
        let phrase = Phrase(cues: cues, group: group)
        switch first.kind {
        case .word: add(phrase, to: &byFirstWord)
        case .stem: add(phrase, to: &byFirstStem)
        case .prefix: byPrefix.append(phrase)
        }
      }
    }
    self.byFirstWord = byFirstWord
    self.byFirstStem = byFirstStem
    self.phrases = lists
    self.byPrefix = byPrefix
    hasEmptyPrefix = byPrefix.contains { $0.cues[0].text.isEmpty }
    var prefixesByFirstByte = [[Phrase]](repeating: [], count: 256)
    for phrase in byPrefix {
      if let first = phrase.cues[0].text.utf8.first {
        prefixesByFirstByte[Int(first)].append(phrase)
      }
    }
    self.prefixesByFirstByte = prefixesByFirstByte
    isASCII = groups.allSatisfy { $0.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }
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
      let text = own == .stem ? token.stem : token.text
      return Cue(text: text, kind: own, isElided: isElided, key: WordKey(text))
    }
  }

  /// How many times a phrase occurs within `range` of `text`.
  func count(in text: TokenizedText, _ range: Range<Int>) -> Int {
    var count = 0
    scan(text, range) { _, _ in
      count += 1
      return true
    }
    return count
  }

  /// How many times a phrase of each group occurs within `range` of `text`, in one scan.
  func counts(in text: TokenizedText, _ range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: groupCount)
    scan(text, range) { _, group in
      counts[group] += 1
      return true
    }
    return counts
  }

  /// Whether any phrase occurs in `text`.
  func occurs(in text: TokenizedText) -> Bool {
    var found = false
    scan(text, text.tokens.indices) { _, _ in
      found = true
      return false
    }
    return found
  }

  /// Whether the word at `index` of `text` is one of the list's one-word phrases.
  func contains(wordAt index: Int, in text: TokenizedText) -> Bool {
    var found = false
    scan(text, index..<index + 1) { _, _ in
      found = true
      return false
    }
    return found
  }

  /// Calls `found` with the token range and group of each match within `range` until it
  /// returns `false`.
  private func scan(
    _ text: TokenizedText, _ range: Range<Int>, _ found: (Range<Int>, Int) -> Bool
  ) {
    /// Whether to go on after trying `phrases` at `start`.
    func tryPhrases(_ phrases: [Phrase], at start: Int) -> Bool {
      // By index: a loop over the phrases would copy each.
      for phrase in phrases.indices where start + phrases[phrase].cues.count <= range.upperBound {
        let count = phrases[phrase].cues.count
        var matched = true
        for offset in 0..<count
        where !phrases[phrase].cues[offset].matches(start + offset, in: text) {
          matched = false
          break
        }
        if matched && !found(start..<start + count, phrases[phrase].group) { return false }
      }
      return true
    }
    for start in range {
      // A word that is not ASCII cannot equal a cue that is; asked only of a word found.
      func mayEqual() -> Bool { !isASCII || text.tokens[start].text.utf8.allSatisfy { $0 < 0x80 } }
      if let position = byFirstWord.find(text.tokens[start].textKey, text.tokens[start].text),
        mayEqual()
      {
        guard tryPhrases(phrases[byFirstWord.entries[position].value], at: start) else { return }
      }
      if byFirstStem.count > 0,
        let position = byFirstStem.find(text.tokens[start].stemKey, text.tokens[start].stem),
        mayEqual()
      {
        guard tryPhrases(phrases[byFirstStem.entries[position].value], at: start) else { return }
      }
      if hasEmptyPrefix {
        guard tryPhrases(byPrefix, at: start) else { return }
      } else if let first = text.tokens[start].text.utf8.withContiguousStorageIfAvailable({
        $0.first
      }) ?? text.tokens[start].text.utf8.first, !prefixesByFirstByte[Int(first)].isEmpty {
        guard tryPhrases(prefixesByFirstByte[Int(first)], at: start) else { return }
      }
    }
  }
}
