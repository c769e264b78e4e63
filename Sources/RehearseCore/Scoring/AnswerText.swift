/// Words and phrases that mean the same, compiled for rewriting token streams to one canonical form.
///
/// Every alternative of a lexicon group is rewritten to the group's first entry, in answers and in
/// rubric terms alike, so `DB`, `db` and `database` all become `database` before matching.
public struct CompiledLexicon: Sendable {
  struct Alternative: Sendable {
    var stems: [String]
    var canonical: [(text: String, stem: String)]
  }

  /// Alternatives by their first stem, longest first.
  private var alternativesByFirstStem: [String: [Alternative]] = [:]

  public init(_ lexicon: Lexicon) {
    for group in lexicon.groups {
      guard let canonicalEntry = group.first else { continue }
      let canonical = Tokenizer.tokens(of: canonicalEntry).map { ($0.text, $0.stem) }
      for entry in group {
        let stems = Tokenizer.tokens(of: entry).map(\.stem)
        guard let first = stems.first else { continue }
        alternativesByFirstStem[first, default: []].append(
          Alternative(stems: stems, canonical: canonical))
      }
    }
    for key in alternativesByFirstStem.keys {
      alternativesByFirstStem[key]?.sort { $0.stems.count > $1.stems.count }
    }
  }

  /// Rewrites every lexicon alternative in `tokens` to its canonical words.
  ///
  /// Canonical tokens keep the surface of the words they replace, so evidence still quotes the
  /// answer's own words. An abbreviation's plural (`DBs`, `PKs`) counts as the abbreviation.
  public func canonicalize(_ tokens: [Token]) -> [Token] {
    guard !alternativesByFirstStem.isEmpty else { return tokens }
    var result: [Token] = []
    result.reserveCapacity(tokens.count)
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      if let (alternative, length) = longestAlternative(in: tokens, at: index) {
        let last = tokens[index + length - 1]
        let surface = token.surface.lowerBound..<last.surface.upperBound
        for word in alternative.canonical {
          result.append(
            Token(
              text: word.text, stem: word.stem, surface: surface, sentence: token.sentence,
              clause: token.clause))
        }
        index += length
      } else {
        result.append(token)
        index += 1
      }
    }
    return result
  }

  private func longestAlternative(in tokens: [Token], at index: Int) -> (Alternative, Int)? {
    let token = tokens[index]
    var candidates = alternativesByFirstStem[token.stem] ?? []
    if token.text.count > 2, token.text.hasSuffix("s") {
      let singular = String(token.text.dropLast())
      candidates += (alternativesByFirstStem[singular] ?? []).filter { $0.stems.count == 1 }
    }
    for alternative in candidates {
      let length = alternative.stems.count
      guard index + length <= tokens.count else { continue }
      var matches = true
      for offset in 1..<max(1, length) {
        let next = tokens[index + offset]
        if next.stem != alternative.stems[offset] || next.sentence != token.sentence {
          matches = false
          break
        }
      }
      if matches { return (alternative, length) }
    }
    return nil
  }
}

/// An answer tokenised, canonicalised and indexed for matching rubric terms.
struct AnswerText {
  /// Words that turn what follows them into its opposite.
  static let negationCues: Set<String> = [
    "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing", "hardly",
    "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "wont", "cant", "couldnt",
    "shouldnt", "wouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint",
  ]
  /// How many tokens before a term a negation cue reaches, within its clause.
  static let negationReach = 4

  let text: String
  let tokens: [Token]
  let isNegationCue: [Bool]
  private let positionsByStem: [String: [Int]]
  private let positionsByText: [String: [Int]]
  /// Adjacent word pairs of one sentence joined, keyed by the first word's text and the second's
  /// stem (`real` + `time` is `realtime`), so a term written as one word finds them.
  private let positionsByJoinedPair: [String: [Int]]

  init(_ text: String, lexicon: CompiledLexicon) {
    self.text = text
    let tokens = lexicon.canonicalize(Tokenizer.tokens(of: text))
    self.tokens = tokens
    var byStem: [String: [Int]] = [:]
    var byText: [String: [Int]] = [:]
    var byPair: [String: [Int]] = [:]
    var cues = [Bool](repeating: false, count: tokens.count)
    for (index, token) in tokens.enumerated() {
      byStem[token.stem, default: []].append(index)
      byText[token.text, default: []].append(index)
      if index + 1 < tokens.count, tokens[index + 1].sentence == token.sentence,
        tokens[index + 1].surface != token.surface
      {
        byPair[token.text + tokens[index + 1].stem, default: []].append(index)
      }
      if AnswerText.negationCues.contains(token.text) {
        let next = index + 1 < tokens.count ? tokens[index + 1].text : ""
        // "not only … but also" affirms.
        cues[index] = !(token.text == "not" && next == "only")
      }
    }
    positionsByStem = byStem
    positionsByText = byText
    positionsByJoinedPair = byPair
    isNegationCue = cues
  }

  /// Positions whose token matches `word` exactly by stem, or by a tolerated typo.
  func positions(of word: TermWord) -> [Int] {
    var result = positionsByStem[word.stem] ?? []
    guard word.typoLimit > 0 else { return result }
    for (text, positions) in positionsByText where text.utf8.first == word.bytes.first {
      let length = text.utf8.count
      guard abs(length - word.bytes.count) <= word.typoLimit,
        tokens[positions[0]].stem != word.stem
      else { continue }
      if EditDistance.between(Array(text.utf8), word.bytes, limit: word.typoLimit)
        <= word.typoLimit
      {
        result.append(contentsOf: positions)
      }
    }
    return result
  }

  /// Every place `term` occurs: its words in order within one sentence, at most
  /// `CompiledTerm.maximumGap` other words apart, or written as one joined word.
  func occurrences(of term: CompiledTerm) -> [TermOccurrence] {
    var result: [TermOccurrence] = []
    let first = term.words[0]
    for start in positions(of: first) {
      if let end = continuation(of: term, from: start) {
        result.append(TermOccurrence(start: start, end: end))
      }
    }
    if let joined = term.joined {
      for position in (positionsByStem[joined.stem] ?? []) + (positionsByText[joined.text] ?? []) {
        result.append(TermOccurrence(start: position, end: position))
      }
    }
    if term.words.count == 1 {
      for key in [first.text, first.stem] {
        for position in positionsByJoinedPair[key] ?? [] {
          result.append(TermOccurrence(start: position, end: position + 1))
        }
      }
    }
    return result
  }

  private func continuation(of term: CompiledTerm, from start: Int) -> Int? {
    var current = start
    for word in term.words.dropFirst() {
      let sentence = tokens[current].sentence
      var found: Int?
      var next = current + 1
      while next < tokens.count, next - current - 1 <= CompiledTerm.maximumGap,
        tokens[next].sentence == sentence
      {
        if word.matches(tokens[next]) {
          found = next
          break
        }
        next += 1
      }
      guard let found else { return nil }
      current = found
    }
    return current
  }

  /// Whether a negation cue, in the same clause and shortly before, turns `occurrence` around.
  func isNegated(_ occurrence: TermOccurrence, ignoring matched: Set<Int>) -> Bool {
    let startToken = tokens[occurrence.start]
    var index = occurrence.start - 1
    while index >= 0, occurrence.start - index <= AnswerText.negationReach {
      let token = tokens[index]
      guard token.sentence == startToken.sentence, token.clause == startToken.clause else {
        return false
      }
      if isNegationCue[index] && !matched.contains(index) { return true }
      index -= 1
    }
    return false
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
struct TermOccurrence: Hashable {
  var start: Int
  var end: Int
}
