/// An answer tokenised, canonicalised and indexed for matching one rubric's terms.
///
/// Each token is looked up once in the rubric's vocabulary and chained to the earlier tokens of
/// the same vocabulary word, so finding a term's occurrences walks a short list instead of
/// hashing strings.
struct AnswerText {
  /// Words that turn what follows them into its opposite.
  static let negationCues: Set<String> = [
    "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing", "hardly",
    "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "wont", "cant", "couldnt",
    "shouldnt", "wouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint", "non",
  ]
  /// How many tokens before a term a negation cue reaches, within its clause.
  static let negationReach = 4
  /// Auxiliaries that may stand between a term and a negation cue after it ("X is not …").
  static let auxiliaries: Set<String> = [
    "is", "are", "was", "were", "be", "does", "do", "did", "will", "would", "can", "could",
    "should", "has", "have", "had", "may", "might", "must",
  ]
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
  /// The longest stretch between commas read as one item of a list.
  static let longestListItem = 4
  /// The fewest items that make a list.
  static let shortestList = 3
  /// The shortest unknown word compared with rubric words as a possible typo.
  static let shortestTypoCandidate = 6

  let text: String
  let tokens: [Token]
  /// The vocabulary id of each token's stem, or -1.
  let ids: [Int]
  let isNegationCue: [Bool]
  /// Whether each token stands only among a list of names or in a verbless fragment.
  private let listed: [Bool]
  /// For each vocabulary id, the first position holding it, or -1.
  private let head: [Int]
  /// For each position, the next position with the same id, or -1.
  private let next: [Int]
  /// Words the rubric does not use, long enough to be a typo of one it does: their position,
  /// first byte and length, so most are passed over without touching the string.
  private let typoCandidates: [(position: Int, first: UInt8, length: Int)]
  /// Whether some typo candidate starts with each byte, to rule most terms out at a glance.
  private let typoFirstBytes: [Bool]
  /// Two adjacent words that together spell a one-word term (`real time` for `realtime`).
  private let compounds: [(id: Int, start: Int)]

  init(_ text: String, rubric: CompiledRubric) {
    self.init(text, tokens: Tokenizer.tokens(of: text), rubric: rubric)
  }

  /// Indexes `text`, whose tokens are `words` as the Tokenizer gives them.
  init(_ text: String, tokens words: [Token], rubric: CompiledRubric) {
    self.text = text
    let vocabulary = rubric.vocabulary
    let lexicon = rubric.lexicon

    // One pass: rewrite lexicon alternatives to their canonical words and look every token up
    // in the rubric's vocabulary, once by stem and, where it differs, once by text. A rewrite of
    // one word to one word happens in place; others splice the array.
    var tokens = words
    var ids: [Int] = []
    ids.reserveCapacity(words.count + 8)
    var textEntries: [Vocabulary.Entry?] = []
    textEntries.reserveCapacity(words.count + 8)
    func record(_ token: Token, stemEntry: Vocabulary.Entry?) {
      ids.append(stemEntry?.id ?? -1)
      textEntries.append(
        token.textKey == token.stemKey && token.text == token.stem
          ? stemEntry : vocabulary.entry(token.textKey, token.text))
    }
    var index = 0
    while index < tokens.count {
      let stemEntry = vocabulary.entry(tokens[index].stemKey, tokens[index].stem)
      guard
        let candidates = AnswerText.alternatives(
          of: tokens[index], stemEntry: stemEntry, in: vocabulary),
        let (alternative, length) = lexicon.longestAlternative(
          in: tokens, at: index, among: candidates)
      else {
        record(tokens[index], stemEntry: stemEntry)
        index += 1
        continue
      }
      let canonical = lexicon.canonicalTokens(
        alternative, replacing: tokens[index..<(index + length)])
      if length == 1 && canonical.count == 1 {
        tokens[index] = canonical[0]
      } else {
        tokens.replaceSubrange(index..<(index + length), with: canonical)
      }
      for token in canonical {
        record(token, stemEntry: vocabulary.entry(token.stemKey, token.stem))
      }
      index += canonical.count
    }

    var cues = [Bool](repeating: false, count: tokens.count)
    var predicates = [Bool](repeating: false, count: tokens.count)
    var compounds: [(id: Int, start: Int)] = []
    for position in tokens.indices {
      guard let entry = textEntries[position] else { continue }
      cues[position] = entry.isNegationCue
      predicates[position] = entry.isPredicateWord
      guard entry.compounds >= 0, position + 1 < tokens.count else { continue }
      let second = tokens[position + 1]
      guard second.sentence == tokens[position].sentence,
        second.surface != tokens[position].surface
      else { continue }
      for candidate in vocabulary.compounds[entry.compounds]
      where candidate.secondKey == second.stemKey && candidate.secondStem == second.stem {
        compounds.append((candidate.id, position))
      }
    }
    // "not only … but also" affirms; "NOT NULL" names a constraint.
    for position in cues.indices where cues[position] && tokens[position].text == "not" {
      if position + 1 < tokens.count
        && (tokens[position + 1].text == "only" || tokens[position + 1].text == "null")
      {
        cues[position] = false
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
    self.tokens = tokens
    self.ids = ids
    self.isNegationCue = cues
    self.listed = AnswerText.listedTokens(tokens, predicates: predicates)
    self.head = head
    self.next = next
    self.typoCandidates = typoCandidates
    var typoFirstBytes = [Bool](repeating: false, count: 256)
    for candidate in typoCandidates { typoFirstBytes[Int(candidate.first)] = true }
    self.typoFirstBytes = typoFirstBytes
    self.compounds = compounds
  }

  /// The lexicon alternatives that may start at `token`: those beginning with its stem, or, for
  /// a word that may be an abbreviation's plural (`DBs`), the one-word alternatives of its
  /// singular; `nil` when there are none.
  private static func alternatives(
    of token: Token, stemEntry: Vocabulary.Entry?, in vocabulary: Vocabulary
  ) -> [CompiledLexicon.Alternative]? {
    if let position = stemEntry?.alternatives, position >= 0 {
      return vocabulary.alternatives[position]
    }
    guard CompiledLexicon.mayBeAbbreviationPlural(token) else { return nil }
    let utf8 = token.text.utf8
    let singular: Vocabulary.Entry?
    if utf8.allSatisfy({ $0 < 0x80 }) {
      singular = Array(utf8.dropLast()).withUnsafeBytes {
        vocabulary.entry(WordKey(bytes: $0), bytes: $0)
      }
    } else {
      let text = String(token.text.dropLast())
      singular = vocabulary.entry(WordKey(text), text)
    }
    guard let position = singular?.singularAlternatives, position >= 0 else { return nil }
    return vocabulary.alternatives[position]
  }

  /// Marks the tokens that stand among a list of names: the words of a run of at least
  /// `shortestList` short sentences without a predicate word ("Composite index. Covering index.
  /// Column order."), and, in a run of at least `shortestList` comma-separated items within a
  /// sentence, the words after the last predicate word of each item ("Options are B-tree, hash,
  /// bitmap and GIN").
  private static func listedTokens(_ tokens: [Token], predicates: [Bool]) -> [Bool] {
    var listed = [Bool](repeating: false, count: tokens.count)
    var fragments: [Range<Int>] = []
    func flushFragments() {
      if fragments.count >= shortestList {
        for fragment in fragments {
          for position in fragment { listed[position] = true }
        }
      }
      fragments.removeAll()
    }
    var sentenceStart = 0
    while sentenceStart < tokens.count {
      var sentenceEnd = sentenceStart
      var hasPredicate = false
      while sentenceEnd < tokens.count
        && tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence
      {
        hasPredicate = hasPredicate || predicates[sentenceEnd]
        sentenceEnd += 1
      }
      if !hasPredicate && sentenceEnd - sentenceStart <= longestListItem {
        fragments.append(sentenceStart..<sentenceEnd)
      } else {
        flushFragments()
        // Each claim of the sentence on its own: a list after a colon leaves the claim before it.
        var claimStart = sentenceStart
        while claimStart < sentenceEnd {
          var claimEnd = claimStart
          while claimEnd < sentenceEnd && tokens[claimEnd].claim == tokens[claimStart].claim {
            claimEnd += 1
          }
          markListItems(tokens, predicates: predicates, in: claimStart..<claimEnd, &listed)
          claimStart = claimEnd
        }
      }
      sentenceStart = sentenceEnd
    }
    flushFragments()
    return listed
  }

  /// Marks the items of comma-separated runs within one claim.
  private static func markListItems(
    _ tokens: [Token], predicates: [Bool], in sentence: Range<Int>, _ listed: inout [Bool]
  ) {
    // The item part of each clause: the words after its last predicate word, and whether the
    // clause is nothing but that.
    var items: [(range: Range<Int>, isWhole: Bool, isShort: Bool)] = []
    var clauseStart = sentence.lowerBound
    while clauseStart < sentence.upperBound {
      var clauseEnd = clauseStart
      var itemStart = clauseStart
      // The longest stretch of the item between `and`/`or`: "composite and covering indexes"
      // is two short items.
      var part = 0
      var longestPart = 0
      while clauseEnd < sentence.upperBound
        && tokens[clauseEnd].clause == tokens[clauseStart].clause
      {
        if predicates[clauseEnd] {
          itemStart = clauseEnd + 1
          part = 0
          longestPart = 0
        } else if tokens[clauseEnd].text == "and" || tokens[clauseEnd].text == "or" {
          part = 0
        } else {
          part += 1
          longestPart = max(longestPart, part)
        }
        clauseEnd += 1
      }
      items.append(
        (
          itemStart..<clauseEnd, itemStart == clauseStart,
          longestPart > 0 && longestPart <= longestListItem
        ))
      clauseStart = clauseEnd
    }
    var runStart = 0
    while runStart < items.count {
      // A run: a clause whose tail is short, then clauses that are short items entirely.
      guard items[runStart].isShort else {
        runStart += 1
        continue
      }
      var runEnd = runStart + 1
      while runEnd < items.count && items[runEnd].isWhole && items[runEnd].isShort {
        runEnd += 1
      }
      if runEnd - runStart >= shortestList {
        for item in items[runStart..<runEnd] {
          for position in item.range { listed[position] = true }
        }
      }
      runStart = runEnd
    }
  }

  /// Whether the token at `position` stands among a list of names.
  func isListed(at position: Int) -> Bool {
    listed[position]
  }

  /// Whether `occurrence` stands wholly among a list of names or in a verbless fragment.
  func isListed(_ occurrence: TermOccurrence) -> Bool {
    listed[occurrence.start] && listed[occurrence.end]
  }

  /// Whether `term` may occur in the text: each of its words is there (or may be, as a typo), or
  /// it is written as one word. False rules the term out; true is checked by `occurrences`.
  func mayContain(_ term: CompiledTerm) -> Bool {
    if let joined = term.joinedID, head[joined] >= 0 { return true }
    for word in term.words {
      if head[word.id] >= 0 { continue }
      if word.typoLimit > 0 && typoFirstBytes[Int(word.bytes[0])] { continue }
      if term.words.count == 1 && compounds.contains(where: { $0.id == word.id }) { continue }
      return false
    }
    return true
  }

  /// Positions whose token is `word`, by stem or as a tolerated typo, in no particular order.
  func positions(of word: TermWord, into result: inout [Int]) {
    var position = head[word.id]
    while position >= 0 {
      result.append(position)
      position = next[position]
    }
    guard word.typoLimit > 0 else { return }
    let first = word.bytes[0]
    let length = word.bytes.count
    for candidate in typoCandidates
    where candidate.first == first && abs(candidate.length - length) <= word.typoLimit
      && word.isTypo(of: tokens[candidate.position].text)
    {
      result.append(candidate.position)
    }
  }

  func matches(_ word: TermWord, at position: Int) -> Bool {
    let id = ids[position]
    if id == word.id { return true }
    return id < 0 && word.typoLimit > 0 && word.isTypo(of: tokens[position].text)
  }

  /// Every place `term` occurs: its words in order within one sentence, at most
  /// `CompiledTerm.maximumGap` other words apart, or written as one joined word.
  func occurrences(
    of term: CompiledTerm, into result: inout [TermOccurrence], starts: inout [Int]
  ) {
    starts.removeAll(keepingCapacity: true)
    positions(of: term.words[0], into: &starts)
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

  private func continuation(of term: CompiledTerm, from start: Int) -> Int? {
    var current = start
    for word in term.words.dropFirst() {
      let sentence = tokens[current].sentence
      var found: Int?
      var position = current + 1
      while position < tokens.count, position - current - 1 <= CompiledTerm.maximumGap,
        tokens[position].sentence == sentence
      {
        if matches(word, at: position) {
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

  /// Whether a negation cue turns `occurrence` around: one shortly before it in its clause, or,
  /// with `readsAfter` (a one-term phrasing, whose term is the whole claim), one straight after
  /// it, past at most one auxiliary ("column order doesn't matter", "the key is not unique");
  /// cues inside any of `matched` are words of the phrasing itself and do not count.
  func isNegated(
    _ occurrence: TermOccurrence, ignoring matched: ArraySlice<Located>, readsAfter: Bool
  ) -> Bool {
    let startToken = tokens[occurrence.start]
    var after = readsAfter ? occurrence.end + 1 : tokens.count
    if after < tokens.count, tokens[after].clause == startToken.clause,
      AnswerText.auxiliaries.contains(tokens[after].text)
    {
      after += 1
    }
    if after < tokens.count, tokens[after].clause == startToken.clause, isNegationCue[after],
      tokens[after].text != "no",
      !matched.contains(where: { $0.occurrence.start <= after && after <= $0.occurrence.end })
    {
      return true
    }
    var index = occurrence.start - 1
    while index >= 0, occurrence.start - index <= AnswerText.negationReach {
      let token = tokens[index]
      guard token.sentence == startToken.sentence, token.clause == startToken.clause else {
        return false
      }
      if isNegationCue[index]
        && !matched.contains(where: { $0.occurrence.start <= index && index <= $0.occurrence.end })
      {
        return true
      }
      index -= 1
    }
    return false
  }

  /// Words that say a claim in their sentence is wrong, wherever they stand in it.
  static let rejectionCues: Set<String> = [
    "myth", "myths", "misconception", "misconceptions", "wrong", "false", "untrue", "incorrect",
    "mistaken", "mistake", "misleading", "outdated", "fallacy", "nonsense", "meaningless",
    "bogus",
  ]
  /// Two-word phrases that set aside what follows them in their clause, or, for `used to`, say it
  /// held once and no longer does.
  static let settingAsideCues: Set<[String]> = [
    ["rather", "than"], ["instead", "of"], ["used", "to"], ["contrary", "to"], ["as", "opposed"],
  ]
  /// One-word forms of the same.
  static let settingAsideWords: Set<String> = ["unlike", "formerly", "previously"]
  /// The longest following sentence read as a verdict on the one before ("That is wrong.").
  static let verdictLength = 6

  /// Whether the sentence holding `occurrences` rejects what they say: a rejection cue elsewhere
  /// in the sentence ("a common myth is that …"), a cue that sets aside what follows it in the
  /// same clause ("rather than …", "unlike …", "S3 used to be …"), or a short next sentence that
  /// is a verdict ("That is wrong."). A misconception stated this way is not held against the
  /// answer.
  func rejects(_ occurrences: [TermOccurrence]) -> Bool {
    guard let first = occurrences.min(by: { $0.start < $1.start }) else { return false }
    let sentence = tokens[first.start].sentence
    let clause = tokens[first.start].clause
    func isMatched(_ index: Int) -> Bool {
      occurrences.contains { $0.start <= index && index <= $0.end }
    }
    var index = first.start
    while index > 0 && tokens[index - 1].sentence == sentence { index -= 1 }
    var verdictStart: Int?
    while index < tokens.count {
      let token = tokens[index]
      if token.sentence != sentence {
        verdictStart = index
        break
      }
      if !isMatched(index) {
        if AnswerText.rejectionCues.contains(token.text) { return true }
        if index < first.start && token.clause == clause {
          if AnswerText.settingAsideWords.contains(token.text) { return true }
          if index + 1 < first.start,
            AnswerText.settingAsideCues.contains([token.text, tokens[index + 1].text])
          {
            return true
          }
        }
      }
      index += 1
    }
    guard let verdictStart else { return false }
    let verdict = tokens[verdictStart...].prefix { $0.sentence == tokens[verdictStart].sentence }
    return verdict.count <= AnswerText.verdictLength
      && verdict.contains { AnswerText.rejectionCues.contains($0.text) }
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

/// Where a term was found, as token positions (inclusive).
struct TermOccurrence {
  var start: Int
  var end: Int
}

/// An occurrence of one term of a phrasing, with its claim, for grouping by claim.
struct Located {
  var claim: Int
  var term: Int
  var occurrence: TermOccurrence
}
