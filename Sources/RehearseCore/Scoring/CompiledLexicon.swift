/// Words and phrases that mean the same, compiled for rewriting token streams to one canonical form.
///
/// Every alternative of a lexicon group is rewritten to the group's first entry, in answers and in
/// rubric terms alike, so `DB`, `db` and `database` all become `database` before matching.
public struct CompiledLexicon: Sendable {
  struct Alternative: Sendable {
    var stems: [String]
    var canonical: [(text: String, textKey: WordKey, stem: String, stemKey: WordKey)]
  }

  /// Alternatives by their first stem, longest first.
  private(set) var alternativesByFirstStem: [String: [Alternative]] = [:]
  /// The words every rubric compiled with this lexicon reads alike, the lexicon's among them.
  let common: CommonVocabulary

  public init(_ lexicon: Lexicon) {
    for group in lexicon.groups {
      guard let canonicalEntry = group.first else { continue }
      let canonical = Tokenizer.tokens(of: canonicalEntry).map {
        ($0.text, $0.textKey, $0.stem, $0.stemKey)
      }
      // A canonical form with no words would rewrite its alternatives to nothing.
      guard !canonical.isEmpty else { continue }
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
    common = CommonVocabulary(alternativesByFirstStem: alternativesByFirstStem)
  }

  /// Rewrites every lexicon alternative in `tokens` to its canonical words.
  ///
  /// Used on rubric terms; answers are rewritten the same way, with `canonicalTokens`, in the
  /// single pass that also indexes them. An abbreviation's plural (`DBs`, `PKs`) counts as the
  /// abbreviation.
  public func canonicalize(_ tokens: [Token]) -> [Token] {
    var result: [Token] = []
    result.reserveCapacity(tokens.count)
    var index = 0
    while index < tokens.count {
      if let (alternative, length) = longestAlternative(in: tokens, at: index) {
        result += canonicalTokens(alternative, replacing: tokens[index..<(index + length)])
        index += length
      } else {
        result.append(tokens[index])
        index += 1
      }
    }
    return result
  }

  /// The canonical words of `alternative` as tokens standing where `replaced` stood, keeping
  /// their surface so evidence still quotes the answer's own words.
  func canonicalTokens(_ alternative: Alternative, replacing replaced: ArraySlice<Token>)
    -> [Token]
  {
    let first = replaced[replaced.startIndex]
    let surface = first.surface.lowerBound..<replaced[replaced.endIndex - 1].surface.upperBound
    return alternative.canonical.map {
      Token(
        text: $0.text, textKey: $0.textKey, stem: $0.stem, stemKey: $0.stemKey,
        surface: surface, sentence: first.sentence, clause: first.clause, claim: first.claim)
    }
  }

  private func longestAlternative(in tokens: [Token], at index: Int) -> (Alternative, Int)? {
    longestAlternative(in: tokens, at: index, among: alternativesByFirstStem[tokens[index].stem])
  }

  /// Whether a token with no lexicon entry of its own may be an abbreviation's plural (`DBs`).
  static func mayBeAbbreviationPlural(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { utf8 in
      utf8.count > 2 && utf8.count <= 5 && utf8[utf8.count - 1] == UInt8(ascii: "s")
    } ?? (text.utf8.count > 2 && text.utf8.count <= 5 && text.utf8.last == UInt8(ascii: "s"))
  }

  /// The longest of `known` (the alternatives starting with the token's stem, or for an
  /// abbreviation's plural the one-word alternatives of its singular) that the tokens at `index`
  /// spell, with its length in tokens.
  func longestAlternative(in tokens: [Token], at index: Int, among known: [Alternative]?)
    -> (Alternative, Int)?
  {
    var candidates = known ?? []
    // An abbreviation's plural: DBs, PKs, VPCs.
    if candidates.isEmpty, CompiledLexicon.mayBeAbbreviationPlural(tokens[index].text) {
      let singular = String(tokens[index].text.dropLast())
      candidates = (alternativesByFirstStem[singular] ?? []).filter { $0.stems.count == 1 }
    }
    let sentence = tokens[index].sentence
    for alternative in candidates {
      let length = alternative.stems.count
      guard index + length <= tokens.count else { continue }
      var matches = true
      for offset in 1..<max(1, length) {
        let next = index + offset
        if tokens[next].stem != alternative.stems[offset] || tokens[next].sentence != sentence {
          matches = false
          break
        }
      }
      if matches { return (alternative, length) }
    }
    return nil
  }
}
