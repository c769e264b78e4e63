/// The words one rubric's terms and reference answers use, with ids, so that answers are indexed
/// by integer ids.
///
/// Answer tokens are looked up by the keys they carry (`Token.textKey`, `Token.stemKey`), so a
/// lookup hashes no string. Most answer words are not in the vocabulary: a bit per key, in a
/// table small enough to stay in cache, turns most of them away before the index is read. The
/// words every rubric shares (negation cues, predicate words, the lexicon) are in the lexicon's
/// `CommonVocabulary`.
struct Vocabulary: Sendable {
  /// A one-word term written as two adjacent words: the second word's stem and the term's id.
  struct Compound: Sendable {
    var secondStem: String
    var secondKey: WordKey
    var id: Int
  }

  /// What is known of one word.
  struct Word: Sendable {
    /// The word's id when it is the stem of a term or reference word, else -1.
    var id: Int32 = -1
    /// Where in `compounds` the one-word terms are that the word begins when the next token has
    /// the second stem, or -1.
    var compoundList: Int32 = -1
  }

  private var index = WordIndex<Word>()
  private(set) var compounds: [[Compound]] = []
  /// A bit for each of the keys of `index` (`filterBit`).
  private var filter = [UInt64](repeating: 0, count: Vocabulary.filterWords)
  private static let filterWords = 128
  /// How many word ids there are.
  private(set) var count = 0

  init() {}

  /// Changes what is known of `word`, adding it when new.
  private mutating func update(_ word: String, _ change: (inout Word) -> Void) {
    let key = WordKey(word)
    let bit = Vocabulary.filterBit(key)
    filter[bit >> 6] |= 1 << UInt64(bit & 63)
    index.update(word, initial: Word(), change)
  }

  /// Which bit of `filter` stands for `key`: bits the index does not choose its slots by.
  private static func filterBit(_ key: WordKey) -> Int {
    Int(truncatingIfNeeded: key.value >> 40) & (filterWords * 64 - 1)
  }

  /// What is known of `word`, whose key is `key`, or `nil` when it is not in the vocabulary.
  func word(_ key: WordKey, _ word: String) -> Word? {
    let bit = Vocabulary.filterBit(key)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
    return index.value(key, word)
  }

  /// The id of `stem`, numbering it when new.
  mutating func id(of stem: String) -> Int {
    if let known = index.value(WordKey(stem), stem), known.id >= 0 { return Int(known.id) }
    let id = count
    count += 1
    update(stem) { $0.id = Int32(id) }
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
      if let list = index.value(WordKey(first), first)?.compoundList, list >= 0 {
        compounds[Int(list)].append(compound)
      } else {
        let list = Int32(compounds.count)
        compounds.append([compound])
        update(first) { $0.compoundList = list }
      }
    }
  }
}
