/// The words a rubric's terms use, numbered, so that answers are indexed by integer ids.
///
/// Answer tokens are looked up by the keys they carry (`Token.textKey`, `Token.stemKey`), so a
/// lookup hashes no string. Most answer words are not in the vocabulary: a bit per key, in a
/// table small enough to stay in cache, turns most of them away before the index is read.
struct Vocabulary: Sendable {
  /// What an answer token's stem or text is to this rubric.
  struct Entry: Sendable {
    /// The word's id, when the key is a stem of a term word; -1 otherwise.
    var id = -1
    /// Whether the text is a negation cue.
    var isNegationCue = false
    /// Whether the text is a word that makes a fragment a statement (`AnswerText.predicateWords`).
    var isPredicateWord = false
    /// Where in `compounds` the one-word terms are that this text begins when the next token has
    /// the second stem, when the key is a token's text; -1 when there are none.
    var compounds = -1
    /// Where in `alternatives` the lexicon alternatives are that begin with this stem, longest
    /// first; -1 when there are none.
    var alternatives = -1
    /// Where in `alternatives` the one-word alternatives are of a word this stem is the singular
    /// of (`db` for `dbs`); -1 when there are none.
    var singularAlternatives = -1
  }

  /// A one-word term written as two adjacent words: the second word's stem and the term's id.
  struct Compound: Sendable {
    var secondStem: String
    var secondKey: WordKey
    var id: Int
  }

  private var words = WordIndex<Entry>()
  /// A bit for each of the keys of `words` (`filterBit`).
  private var filter = [UInt64](repeating: 0, count: Vocabulary.filterWords)
  private static let filterWords = 512
  /// The lists `Entry.compounds` points into.
  private(set) var compounds: [[Compound]] = []
  /// The lists `Entry.alternatives` and `Entry.singularAlternatives` point into.
  private(set) var alternatives: [[CompiledLexicon.Alternative]] = []
  /// How many word ids there are.
  private(set) var count = 0

  init(lexicon: CompiledLexicon) {
    for cue in AnswerText.negationCues { update(cue) { $0.isNegationCue = true } }
    for word in AnswerText.predicateWords { update(word) { $0.isPredicateWord = true } }
    for (stem, stemAlternatives) in lexicon.alternativesByFirstStem {
      let position = alternatives.count
      alternatives.append(stemAlternatives)
      update(stem) { $0.alternatives = position }
      let singular = stemAlternatives.filter { $0.stems.count == 1 }
      if !singular.isEmpty {
        let position = alternatives.count
        alternatives.append(singular)
        update(stem) { $0.singularAlternatives = position }
      }
    }
  }

  private mutating func update(_ word: String, _ change: (inout Entry) -> Void) {
    words.update(word, initial: Entry(), change)
    let bit = Vocabulary.filterBit(WordKey(word))
    filter[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  /// Which bit of `filter` stands for `key`: bits the index does not choose its slots by.
  private static func filterBit(_ key: WordKey) -> Int {
    Int(truncatingIfNeeded: key.value >> 40) & (filterWords * 64 - 1)
  }

  /// Whether `key` may be the key of a word in the vocabulary.
  private func mayHave(_ key: WordKey) -> Bool {
    let bit = Vocabulary.filterBit(key)
    return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// The entry of `word`, whose key is `key`, if it has one.
  func entry(_ key: WordKey, _ word: String) -> Entry? {
    mayHave(key) ? words.value(key, word) : nil
  }

  /// The entry of the word held as UTF-8 `bytes`, whose key is `key`, if it has one.
  func entry(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Entry? {
    mayHave(key) ? words.entry(key, bytes: bytes)?.value : nil
  }

  /// The id of `stem`, numbering it when new.
  mutating func id(of stem: String) -> Int {
    var id = -1
    let next = count
    update(stem) { entry in
      if entry.id < 0 { entry.id = next }
      id = entry.id
    }
    if id == next { count += 1 }
    return id
  }

  /// Records that `word` may be written as two adjacent words split anywhere.
  mutating func addCompoundSplits(of word: TermWord) {
    let bytes = word.bytes
    guard bytes.count >= 5 else { return }
    for split in 2...(bytes.count - 2) {
      let first = String(decoding: bytes[..<split], as: UTF8.self)
      let second = PorterStemmer.stem(String(decoding: bytes[split...], as: UTF8.self))
      let compound = Compound(secondStem: second, secondKey: WordKey(second), id: word.id)
      let fresh = compounds.count
      var position = -1
      update(first) { entry in
        if entry.compounds < 0 { entry.compounds = fresh }
        position = entry.compounds
      }
      if position == fresh {
        compounds.append([compound])
      } else {
        compounds[position].append(compound)
      }
    }
  }
}
