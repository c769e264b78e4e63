/// The words a rubric's terms use, numbered, so that answers are indexed by integer ids.
///
/// Answer tokens are looked up by the keys they carry (`Token.textKey`, `Token.stemKey`), so a
/// lookup hashes no string. Most answer words are not in the vocabulary: a bit per key, in a
/// table small enough to stay in cache, turns most of them away before the index is read. What
/// is known of a word is kept in arrays by its number in the index, so a lookup copies nothing.
struct Vocabulary: Sendable {
  /// What a word is, as bits of `flags`.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    /// A negation cue (`AnswerText.negationCues`).
    static let negationCue = Flags(rawValue: 1)
    /// A word that makes a fragment a statement (`AnswerText.predicateWords`).
    static let predicateWord = Flags(rawValue: 2)
    /// `and` or `or`, which join the items of a list.
    static let conjunction = Flags(rawValue: 4)
  }

  /// A one-word term written as two adjacent words: the second word's stem and the term's id.
  struct Compound: Sendable {
    var secondStem: String
    var secondKey: WordKey
    var id: Int
  }

  private var index = WordIndex<Void>()
  /// For each word by number: its id when it is the stem of a term word, else -1.
  private(set) var ids: [Int] = []
  private(set) var flags: [Flags] = []
  /// For each word by number: where in `compounds` the one-word terms are that it begins when
  /// the next token has the second stem, or -1.
  private(set) var compoundLists: [Int32] = []
  /// For each word by number: where in `alternatives` the lexicon alternatives are that begin
  /// with it as a stem, longest first, or -1.
  private(set) var alternativeLists: [Int32] = []
  /// For each word by number: where in `alternatives` the one-word alternatives are of a word it
  /// is the singular of (`db` for `dbs`), or -1.
  private(set) var singularLists: [Int32] = []
  private(set) var compounds: [[Compound]] = []
  private(set) var alternatives: [[CompiledLexicon.Alternative]] = []
  /// A bit for each of the keys of `index` (`filterBit`).
  private var filter = [UInt64](repeating: 0, count: Vocabulary.filterWords)
  private static let filterWords = 512
  /// How many word ids there are.
  private(set) var count = 0

  init(lexicon: CompiledLexicon) {
    for cue in AnswerText.negationCues { flags[number(adding: cue)].insert(.negationCue) }
    for word in AnswerText.predicateWords { flags[number(adding: word)].insert(.predicateWord) }
    for word in ["and", "or"] { flags[number(adding: word)].insert(.conjunction) }
    for (stem, stemAlternatives) in lexicon.alternativesByFirstStem {
      let number = number(adding: stem)
      alternativeLists[number] = Int32(alternatives.count)
      alternatives.append(stemAlternatives)
      let singular = stemAlternatives.filter { $0.stems.count == 1 }
      if !singular.isEmpty {
        singularLists[number] = Int32(alternatives.count)
        alternatives.append(singular)
      }
    }
  }

  /// The number of `word`, added when new.
  private mutating func number(adding word: String) -> Int {
    let key = WordKey(word)
    if let number = index.find(key, word) { return number }
    index.insert(word, key: key, value: ())
    ids.append(-1)
    flags.append([])
    compoundLists.append(-1)
    alternativeLists.append(-1)
    singularLists.append(-1)
    let bit = Vocabulary.filterBit(key)
    filter[bit >> 6] |= 1 << UInt64(bit & 63)
    return ids.count - 1
  }

  /// Which bit of `filter` stands for `key`: bits the index does not choose its slots by.
  private static func filterBit(_ key: WordKey) -> Int {
    Int(truncatingIfNeeded: key.value >> 40) & (filterWords * 64 - 1)
  }

  /// The number of `word`, whose key is `key`, or -1 when it is not in the vocabulary.
  func number(_ key: WordKey, _ word: String) -> Int {
    let bit = Vocabulary.filterBit(key)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return -1 }
    return index.find(key, word) ?? -1
  }

  /// The number of the word held as UTF-8 `bytes`, whose key is `key`, or -1.
  func number(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Int {
    let bit = Vocabulary.filterBit(key)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return -1 }
    return index.find(key, bytes: bytes) ?? -1
  }

  /// The id of `stem`, numbering it when new.
  mutating func id(of stem: String) -> Int {
    let number = number(adding: stem)
    if ids[number] < 0 {
      ids[number] = count
      count += 1
    }
    return ids[number]
  }

  /// Records that `word` may be written as two adjacent words split anywhere.
  mutating func addCompoundSplits(of word: TermWord) {
    let bytes = word.bytes
    guard bytes.count >= 5 else { return }
    for split in 2...(bytes.count - 2) {
      let first = String(decoding: bytes[..<split], as: UTF8.self)
      let second = PorterStemmer.stem(String(decoding: bytes[split...], as: UTF8.self))
      let compound = Compound(secondStem: second, secondKey: WordKey(second), id: word.id)
      let number = number(adding: first)
      if compoundLists[number] < 0 {
        compoundLists[number] = Int32(compounds.count)
        compounds.append([compound])
      } else {
        compounds[Int(compoundLists[number])].append(compound)
      }
    }
  }
}
