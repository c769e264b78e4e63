/// The words every rubric compiled with one lexicon reads alike: negation and rejection cues,
/// predicate words, `and`/`or`, and the first stems of the lexicon's alternatives.
///
/// Built once per lexicon and shared by all its rubrics, so its tables stay in cache from one
/// answer to the next however many rubrics the answers are scored against; a rubric's own words
/// are in its `Vocabulary`. What is known of a word is kept in its entry, so one lookup reads
/// it.
struct CommonVocabulary: Sendable {
  /// What a word is, as bits.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    /// A negation cue (`AnswerText.negationCues`).
    static let negationCue = Flags(rawValue: 1)
    /// A word that makes a fragment a statement (`AnswerText.predicateWords`).
    static let predicateWord = Flags(rawValue: 2)
    /// `and` or `or`, which join the items of a list.
    static let conjunction = Flags(rawValue: 4)
    /// A word that says a claim in its sentence is wrong (`AnswerText.rejectionCues`).
    static let rejectionCue = Flags(rawValue: 8)
    /// A word that sets aside what follows it (`AnswerText.settingAsideWords`).
    static let settingAside = Flags(rawValue: 16)
    /// The first word of a two-word phrase that sets aside what follows it
    /// (`AnswerText.settingAsideCues`).
    static let settingAsideStart = Flags(rawValue: 32)
  }

  /// What is known of one word.
  struct Word: Sendable {
    var flags: Flags = []
    /// Where in `alternatives` the lexicon alternatives are that begin with the word as a stem,
    /// longest first, or -1.
    var alternativeList: Int32 = -1
    /// Where in `alternatives` the one-word alternatives are of a word this is the singular of
    /// (`db` for `dbs`), or -1.
    var singularList: Int32 = -1
  }

  private var index = WordIndex<Word>()
  private(set) var alternatives: [[CompiledLexicon.Alternative]] = []

  /// The common words of a lexicon whose alternatives, by first stem, are
  /// `alternativesByFirstStem`.
  init(alternativesByFirstStem: [String: [CompiledLexicon.Alternative]]) {
    for cue in AnswerText.negationCues { update(cue) { $0.flags.insert(.negationCue) } }
    for word in AnswerText.predicateWords { update(word) { $0.flags.insert(.predicateWord) } }
    for word in ["and", "or"] { update(word) { $0.flags.insert(.conjunction) } }
    for cue in AnswerText.rejectionCues { update(cue) { $0.flags.insert(.rejectionCue) } }
    for word in AnswerText.settingAsideWords { update(word) { $0.flags.insert(.settingAside) } }
    for phrase in AnswerText.settingAsideCues {
      update(phrase[0]) { $0.flags.insert(.settingAsideStart) }
    }
    // In a fixed order, so that the tables are the same from one run to the next.
    for stem in alternativesByFirstStem.keys.sorted() {
      let stemAlternatives = alternativesByFirstStem[stem] ?? []
      let list = Int32(alternatives.count)
      alternatives.append(stemAlternatives)
      let singular = stemAlternatives.filter { $0.stems.count == 1 }
      let singularList = singular.isEmpty ? Int32(-1) : Int32(alternatives.count)
      if !singular.isEmpty { alternatives.append(singular) }
      update(stem) {
        $0.alternativeList = list
        $0.singularList = singularList
      }
    }
  }

  private mutating func update(_ word: String, _ change: (inout Word) -> Void) {
    index.update(word, initial: Word(), change)
  }

  /// What is known of `word`, whose key is `key`; `nil` when it is none of the common words.
  func word(_ key: WordKey, _ word: String) -> Word? {
    index.value(key, word)
  }

  /// What is known of the word held as UTF-8 `bytes`, whose key is `key`, or `nil`.
  func word(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Word? {
    index.entry(key, bytes: bytes)?.value
  }
}
