/// Finds where named terms (technologies, concepts, tags) are written in a text, through the
/// tokenizer, its stemming and the lexicon, never by plain string search.
///
/// A spelling matches where its stems stand in a row in one sentence (`TCP/IP`, `tcp ip`,
/// `CI/CD`, `Node.js`), after the lexicon has rewritten both sides to canonical words (so
/// `Amazon Web Services` meets `AWS`). A spelling the lexicon would rewrite into another word
/// (`Grafana` into `dashboard`) matches its own words only, so that a dashboard is not Grafana.
/// Signs the tokenizer drops are checked on the written text: `C++` needs its `++` and `C#` its
/// `#`, and plain `C` matches neither. A loose spelling (a concept) also matches when its words,
/// short function words aside, all stand within a few words of each other in one sentence, in
/// any order: "cloud architecture" meets "the architecture of public cloud platforms".
struct TermMatcher: Sendable {
  /// One spelling of one term, ready to match.
  struct Pattern: Sendable {
    var term: Int
    var stems: [String]
    /// `++` or `#`, or empty: the signs written straight after the last word.
    var trailing: String
    /// Whether it is matched against the words as tokenised, before the lexicon's rewriting.
    var raw: Bool
  }

  /// A place a term is named.
  struct Match: Sendable, Equatable {
    var term: Int
    /// The characters of the text that name it, from its first word to its last.
    var surface: Range<String.Index>
    /// Where in the text the naming starts.
    var start: String.Index { surface.lowerBound }
  }

  /// Words a loose spelling does not need to find (`monitoring and alerting`).
  static let functionWords: Set<String> = [
    "and", "or", "of", "the", "a", "an", "for", "in", "on", "to", "with", "based",
  ]
  /// How many more words than it has a loose spelling's words may spread over.
  static let looseSlack = 2
  private static let signs: Set<Character> = ["+", "#"]

  private let patterns: [Pattern]
  private let loosePatterns: [Pattern]
  private let lexicon: CompiledLexicon
  private let byStem: Bool

  /// Compiles `terms`, each a list of spellings and whether it matches loosely; a match reports
  /// a term's index plus `firstIndex`.
  ///
  /// With `byStem` false, words are compared as written (folded, unstemmed) and the lexicon is
  /// not applied: for short everyday spellings, such as a question's tag, that a stem would meet
  /// in too many words (`gaming` in "Games").
  init(
    terms: [(spellings: [String], loose: Bool)], lexicon: CompiledLexicon, byStem: Bool = true,
    firstIndex: Int = 0
  ) {
    self.byStem = byStem
    self.lexicon = byStem ? lexicon : CompiledLexicon(Lexicon())
    var patterns: [Pattern] = []
    var loose: [Pattern] = []
    for (index, term) in terms.enumerated() {
      for spelling in term.spellings {
        let written = Tokenizer.tokens(of: spelling).map { byStem ? $0.stem : $0.text }
        let canonical = self.lexicon.canonicalize(Tokenizer.tokens(of: spelling)).map {
          byStem ? $0.stem : $0.text
        }
        guard !written.isEmpty, !canonical.isEmpty else { continue }
        // Rewritten into words of its own, a spelling meets texts rewritten alike; rewritten
        // into another word's canonical form, it keeps its own words.
        let raw = written != canonical && !Self.namesItself(canonical, written)
        patterns.append(
          Pattern(
            term: index + firstIndex, stems: raw ? written : canonical,
            trailing: Self.trailingSigns(of: spelling), raw: raw))
        let content = canonical.filter { !Self.functionWords.contains($0) }
        if term.loose, content.count >= 2 {
          loose.append(Pattern(term: index + firstIndex, stems: content, trailing: "", raw: false))
        }
      }
    }
    self.patterns = patterns
    loosePatterns = loose
  }

  /// Whether a spelling's canonical words still say the spelling: an abbreviation's expansion
  /// (`amazon web services` as `aws`) keeps naming the thing, a brand folded into a common word
  /// does not. Only an expansion into one word that is the spelling's initials is kept.
  private static func namesItself(_ canonical: [String], _ written: [String]) -> Bool {
    guard canonical.count == 1, written.count > 1, let word = canonical.first else { return false }
    let initials = String(written.compactMap(\.first))
    return initials.hasPrefix(word.prefix(2)) || word.hasPrefix(initials.prefix(2))
  }

  /// The signs written straight after the last letter or digit of `spelling` (`++` of `C++`).
  static func trailingSigns(of spelling: String) -> String {
    String(
      spelling.trimmedWhitespace.reversed().prefix { signs.contains($0) }.reversed())
  }

  /// Every place a term is named in `text`, in text order; a term is counted once at each place.
  func matches(in text: String) -> [Match] {
    matches(in: TokenizedText(text))
  }

  /// Every place a term is named in the tokenised `written`, in text order.
  func matches(in written: TokenizedText) -> [Match] {
    let key = { (token: Token) in self.byStem ? token.stem : token.text }
    let raw = written.tokens
    let canonical = lexicon.canonicalize(raw)
    let rawIndex = Dictionary(grouping: raw.indices) { key(raw[$0]) }
    let canonicalIndex = Dictionary(grouping: canonical.indices) { key(canonical[$0]) }
    var found: [Match] = []
    func add(_ term: Int, _ tokens: [Token], _ range: ClosedRange<Int>) {
      let surface =
        tokens[range.lowerBound].surface
        .lowerBound..<tokens[range.upperBound]
        .surface.upperBound
      // Two spellings of one term at one place (exact and loose) count once.
      guard !found.contains(where: { $0.term == term && $0.surface.overlaps(surface) }) else {
        return
      }
      found.append(Match(term: term, surface: surface))
    }
    for pattern in patterns {
      let tokens = pattern.raw ? raw : canonical
      let index = pattern.raw ? rawIndex : canonicalIndex
      for start in index[pattern.stems[0]] ?? [] {
        let end = start + pattern.stems.count
        guard end <= tokens.count,
          (start..<end).allSatisfy({
            key(tokens[$0]) == pattern.stems[$0 - start]
              && tokens[$0].sentence == tokens[start].sentence
          }),
          signsAfter(tokens[end - 1], in: written.text) == pattern.trailing
        else { continue }
        add(pattern.term, tokens, start...(end - 1))
      }
    }
    for pattern in loosePatterns {
      let window = pattern.stems.count + Self.looseSlack
      // Only where one of its words stands can a loose spelling start.
      let starts = pattern.stems.flatMap { canonicalIndex[$0] ?? [] }.sorted()
      var next = 0
      for index in starts where index >= next {
        var missing = Set(pattern.stems)
        var last = index
        while last < canonical.count, last < index + window,
          canonical[last].sentence == canonical[index].sentence
        {
          missing.remove(key(canonical[last]))
          if missing.isEmpty { break }
          last += 1
        }
        if missing.isEmpty {
          add(pattern.term, canonical, index...last)
          next = last + 1
        }
      }
    }
    return found.sorted { ($0.start, $0.term) < ($1.start, $1.term) }
  }

  /// The `+` and `#` signs written straight after `token` in `text`.
  private func signsAfter(_ token: Token, in text: String) -> String {
    String(text[token.surface.upperBound...].prefix { Self.signs.contains($0) })
  }
}
