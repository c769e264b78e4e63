/// An answer tokenised, canonicalised and indexed for matching one rubric's terms.
///
/// Each token is looked up once in the rubric's vocabulary and chained to the earlier tokens of
/// the same vocabulary word, so finding a term's occurrences walks a short list instead of
/// hashing strings. A class, so that the matcher's many helpers share one without copying its
/// arrays.
final class AnswerText {
  /// Words that make a stretch of text a statement rather than a list of names: auxiliaries and
  /// common verbs, pronouns, and words that join one claim to another. A stretch without any is
  /// read as a list or a heading. Verbs that are as often nouns in a list of names (`store`,
  /// `join`, `load`, `check`, `records`) are left out.
  static let predicateWords: Set<String> = auxiliaries.union([
    "am", "been", "being", "done", "shall", "i", "we", "you", "they", "he", "she", "it", "its",
    "this", "that", "these", "those", "there", "which", "who", "whose", "what", "when", "where",
    "why", "how", "because", "so", "if", "then", "than", "since", "until", "unless", "once",
    "whether", "to", "means", "mean", "make", "makes", "made", "let", "lets", "use", "uses", "used",
    "keep", "keeps", "kept", "get", "gets", "got", "give", "gives", "need", "needs", "want",
    "wants", "take", "takes", "put", "puts", "run", "runs", "go", "goes", "stores", "holds",
    "reads", "writes", "sends", "lives", "sits", "say", "says", "tells", "not", "no", "never",
    "isnt", "arent", "doesnt", "dont", "cant", "wont", "hold", "come", "comes", "follow", "follows",
    "become", "becomes", "describe", "describes", "build", "builds", "built", "looks", "shows",
    "compares", "adds", "added", "send", "live", "sit", "allow", "allows", "stop", "stops", "avoid",
    "avoids", "ensure", "ensures", "help", "helps", "depend", "depends", "handles", "causes",
    "happen", "happens", "contain", "contains", "belong", "belongs", "fails", "splits", "divides",
    "computes", "compute", "consumes", "consume", "calculates", "calculate", "estimate",
    "estimates", "hits", "create", "creates", "copies", "moves", "routes", "retries", "replicates",
    "hasnt", "havent", "cannot", "didnt", "wasnt", "werent",
  ])
  /// The shortest unknown word compared with rubric words as a possible typo.
  static let shortestTypoCandidate = 6

  let text: String
  let tokens: [Token]
  /// Each token's sentence, clause and claim, apart from its words: the matcher reads these for
  /// every occurrence, and reading them here copies no token.
  let places: [TokenPlace]
  /// The vocabulary id of each token's stem, or -1.
  let ids: [Int]
  /// What each token is among the common words (`CommonVocabulary.Flags`); a `not` that
  /// negates nothing (`not only`, `NOT NULL`) is not marked a negation cue.
  let flags: [CommonVocabulary.Flags]
  /// Whether each token stands only among a list of names or in a verbless fragment.
  let listed: [Bool]
  /// For each vocabulary id, the first position holding it, or -1.
  private let head: [Int]
  /// For each position, the next position with the same id, or -1.
  private let next: [Int]
  /// Words the rubric does not use, long enough to be a typo of one it does: their position,
  /// first byte and length, so most are passed over without touching the string.
  private let typoCandidates: [(position: Int, first: UInt8, length: Int)]
  /// The bytes some typo candidate starts with, to rule most terms out at a glance.
  private let typoFirstBytes: ByteSet
  /// Two adjacent words that together spell a one-word term (`real time` for `realtime`).
  private let compounds: [(id: Int, start: Int)]

  convenience init(_ text: String, rubric: CompiledRubric) {
    self.init(text, tokens: Tokenizer.tokens(of: text), rubric: rubric)
  }

  /// Indexes `text`, whose tokens are `words` as the Tokenizer gives them; lexicon rewrites
  /// change the array in place when the caller gives it up.
  init(_ text: String, tokens words: consuming [Token], rubric: CompiledRubric) {
    self.text = text
    let vocabulary = rubric.vocabulary
    let lexicon = rubric.lexicon
    let common = lexicon.common

    var tokens = consume words
    // The lexicon alternatives that may start at each token, as given (`alternativeList`): looked
    // up first in one tight loop, so that the memory reads for one word overlap those for the
    // next, and most tokens, which start none, are passed over below without another look.
    var givenLists = [Int32](repeating: -1, count: tokens.count)
    for position in tokens.indices {
      givenLists[position] = AnswerText.alternativeList(of: tokens, at: position, in: common)
    }

    // Rewrite lexicon alternatives to their canonical words. A rewrite of one word to one word
    // happens in place; others splice the array. `index` walks `tokens`; `source` is the same
    // token among the tokens as given. The tokens from `index` on are still as given.
    var index = 0
    var source = 0
    while index < tokens.count {
      let list = givenLists[source]
      guard list >= 0,
        let (alternative, length) = lexicon.longestAlternative(
          in: tokens, at: index, among: common.alternatives[Int(list)])
      else {
        index += 1
        source += 1
        continue
      }
      let canonical = lexicon.canonicalTokens(
        alternative, replacing: tokens[index..<(index + length)])
      if length == 1 && canonical.count == 1 {
        tokens[index] = canonical[0]
      } else {
        tokens.replaceSubrange(index..<(index + length), with: canonical)
      }
      index += canonical.count
      source += length
    }

    // Each token's id, what it is, and the one-word terms it may begin written as two words.
    var ids = [Int](repeating: -1, count: tokens.count)
    var flags = [CommonVocabulary.Flags](repeating: [], count: tokens.count)
    var compounds: [(id: Int, start: Int)] = []
    for position in tokens.indices {
      let stemWord = vocabulary.word(tokens[position].stemKey, tokens[position].stem)
      ids[position] = Int(stemWord?.id ?? -1)
      let sameWord =
        tokens[position].textKey == tokens[position].stemKey
        && tokens[position].text == tokens[position].stem
      flags[position] = common.word(tokens[position].textKey, tokens[position].text)?.flags ?? []
      let list = Int(
        (sameWord ? stemWord : vocabulary.word(tokens[position].textKey, tokens[position].text))?
          .compoundList ?? -1)
      guard list >= 0, position + 1 < tokens.count else { continue }
      guard tokens[position + 1].sentence == tokens[position].sentence,
        tokens[position + 1].surface != tokens[position].surface
      else { continue }
      for candidate in vocabulary.compounds[list]
      where candidate.secondKey == tokens[position + 1].stemKey
        && candidate.secondStem == tokens[position + 1].stem
      {
        compounds.append((candidate.id, position))
      }
    }
    // "not only … but also" affirms; "NOT NULL" names a constraint.
    for position in flags.indices
    where flags[position].contains(.negationCue) && tokens[position].text == "not" {
      if position + 1 < tokens.count
        && (tokens[position + 1].text == "only" || tokens[position + 1].text == "null")
      {
        flags[position].remove(.negationCue)
      }
    }
    // Chain positions of each id, in ascending order.
    var head = [Int](repeating: -1, count: vocabulary.count)
    var next = [Int](repeating: -1, count: tokens.count)
    var typoCandidates: [(position: Int, first: UInt8, length: Int)] = []
    for position in tokens.indices.reversed() {
      let id = ids[position]
      if id >= 0 {
        next[position] = head[id]
        head[id] = position
      } else {
        let utf8 = tokens[position].text.utf8
        if utf8.count >= AnswerText.shortestTypoCandidate {
          typoCandidates.append((position, utf8.first ?? 0, utf8.count))
        }
      }
    }
    // Field by field: a closure given each token would copy it.
    var places = [TokenPlace](
      repeating: TokenPlace(sentence: 0, clause: 0, claim: 0), count: tokens.count)
    for position in tokens.indices {
      places[position].sentence = Int32(truncatingIfNeeded: tokens[position].sentence)
      places[position].clause = Int32(truncatingIfNeeded: tokens[position].clause)
      places[position].claim = Int32(truncatingIfNeeded: tokens[position].claim)
    }
    self.places = places
    self.tokens = tokens
    self.ids = ids
    self.flags = flags
    self.listed = AnswerText.listedTokens(tokens, flags: flags)
    self.head = head
    self.next = next
    self.typoCandidates = typoCandidates
    var typoFirstBytes = ByteSet()
    for candidate in typoCandidates { typoFirstBytes.insert(candidate.first) }
    self.typoFirstBytes = typoFirstBytes
    self.compounds = compounds
  }

  /// Where in `common.alternatives` the lexicon alternatives are that may start at `token`:
  /// those beginning with its stem, or, for a word that may be an abbreviation's plural (`DBs`),
  /// the one-word alternatives of its singular; -1 when there are none.
  private static func alternativeList(
    of tokens: [Token], at position: Int, in common: CommonVocabulary
  ) -> Int32 {
    if let list = common.word(tokens[position].stemKey, tokens[position].stem)?.alternativeList,
      list >= 0
    {
      return list
    }
    guard CompiledLexicon.mayBeAbbreviationPlural(tokens[position].text) else { return -1 }
    // The text but its last letter, read in place when it is ASCII.
    var singular: CommonVocabulary.Word?
    let readInPlace =
      tokens[position].text.utf8.withContiguousStorageIfAvailable { utf8 in
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8.dropLast()))
        singular = common.word(WordKey(bytes: bytes), bytes: bytes)
        return true
      } ?? false
    if !readInPlace {
      let text = String(tokens[position].text.dropLast())
      singular = common.word(WordKey(text), text)
    }
    return singular?.singularList ?? -1
  }

  /// Whether the token at `position` stands among a list of names.
  func isListed(at position: Int) -> Bool {
    listed[position]
  }

  /// Whether `occurrence` stands wholly among a list of names or in a verbless fragment.
  func isListed(_ occurrence: TermOccurrence) -> Bool {
    listed[occurrence.start] && listed[occurrence.end]
  }

  /// How many of `phrasing`'s terms may occur in the text: each of a term's words is there (or
  /// may be, as a typo), or it is written as one word. A term ruled out does not occur; one
  /// counted is checked by `occurrences`.
  func possibleTerms(_ phrasing: borrowing CompiledPhrasing) -> Int {
    let filter = phrasing.filter
    var possible = 0
    var index = 0
    while index < filter.count {
      let joined = Int(filter[index])
      let count = Int(filter[index + 1])
      let end = index + 2 + 2 * count
      index += 2
      if joined >= 0 && head[joined] >= 0 {
        possible += 1
        index = end
        continue
      }
      var possibleTerm = true
      while index < end {
        let id = Int(filter[index])
        let typoByte = Int(filter[index + 1])
        index += 2
        if head[id] >= 0 { continue }
        if typoByte >= 0 && typoFirstBytes.contains(UInt8(truncatingIfNeeded: typoByte)) {
          continue
        }
        if count == 1 && compounds.contains(where: { $0.id == id }) { continue }
        possibleTerm = false
        break
      }
      if possibleTerm { possible += 1 }
      index = end
    }
    return possible
  }

  /// Positions whose token is word `word` of `term`, by stem or as a tolerated typo, in no
  /// particular order.
  func positions(of term: borrowing CompiledTerm, word: Int, into result: inout [Int]) {
    var position = head[term.words[word].id]
    while position >= 0 {
      result.append(position)
      position = next[position]
    }
    let typoLimit = term.words[word].typoLimit
    guard typoLimit > 0 else { return }
    let first = term.words[word].bytes[0]
    let length = term.words[word].bytes.count
    for candidate in typoCandidates
    where candidate.first == first && abs(candidate.length - length) <= typoLimit
      && term.words[word].isTypo(of: tokens[candidate.position].text)
    {
      result.append(candidate.position)
    }
  }

  /// Whether the token at `position` is word `word` of `term`, by stem or as a tolerated typo.
  func matches(_ term: borrowing CompiledTerm, word: Int, at position: Int) -> Bool {
    let id = ids[position]
    if id == term.words[word].id { return true }
    return id < 0 && term.words[word].typoLimit > 0
      && term.words[word].isTypo(of: tokens[position].text)
  }

  /// Every place `term` occurs: its words in order within one sentence, at most
  /// `CompiledTerm.maximumGap` other words apart, or written as one joined word.
  func occurrences(
    of term: borrowing CompiledTerm, into result: inout [TermOccurrence], starts: inout [Int]
  ) {
    if !starts.isEmpty { starts.removeAll(keepingCapacity: true) }
    positions(of: term, word: 0, into: &starts)
    for start in starts {
      if let end = continuation(of: term, from: start) {
        result.append(TermOccurrence(start: start, end: end))
      }
    }
    if let joinedID = term.joinedID {
      var position = head[joinedID]
      while position >= 0 {
        result.append(TermOccurrence(start: position, end: position))
        position = next[position]
      }
    }
    if term.words.count == 1 {
      let id = term.words[0].id
      for compound in compounds where compound.id == id {
        result.append(TermOccurrence(start: compound.start, end: compound.start + 1))
      }
    }
  }

  private func continuation(of term: borrowing CompiledTerm, from start: Int) -> Int? {
    var current = start
    for word in term.words.indices.dropFirst() {
      let sentence = places[current].sentence
      var found: Int?
      var position = current + 1
      while position < tokens.count, position - current - 1 <= CompiledTerm.maximumGap,
        places[position].sentence == sentence
      {
        if matches(term, word: word, at: position) {
          found = position
          break
        }
        position += 1
      }
      guard let found else { return nil }
      current = found
    }
    return current
  }

  /// The answer's own words for an occurrence.
  func evidence(_ occurrence: TermOccurrence) -> String {
    let range =
      tokens[occurrence.start].surface
      .lowerBound..<tokens[occurrence.end].surface
      .upperBound
    return String(text[range])
  }
}
