/// A word of a rubric term, prepared for comparison with answer tokens.
struct TermWord: Sendable {
  /// Short words every sentence has; left out of the middle of multi-word terms so `point in
  /// time` matches `point-in-time` and `points of time` alike.
  static let stopwords: Set<String> = [
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "is", "are", "be", "by", "with",
    "as", "at", "from", "into", "its", "it", "that", "this", "their",
  ]

  var text: String
  var stem: String
  var bytes: [UInt8]
  /// Edits tolerated as typos: none below 7 letters (`stream` and `scream`, `schema` and
  /// `scheme` are different words), one from 7, two from 11.
  var typoLimit: Int

  init(text: String, stem: String) {
    self.text = text
    self.stem = stem
    self.bytes = Array(text.utf8)
    let isWord = bytes.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    typoLimit = !isWord ? 0 : bytes.count >= 11 ? 2 : bytes.count >= 7 ? 1 : 0
  }

  func matches(_ token: Token) -> Bool {
    if token.stem == stem { return true }
    guard typoLimit > 0, token.text.utf8.first == bytes.first else { return false }
    let tokenBytes = Array(token.text.utf8)
    return abs(tokenBytes.count - bytes.count) <= typoLimit
      && EditDistance.between(tokenBytes, bytes, limit: typoLimit) <= typoLimit
  }
}

/// A rubric term compiled against the lexicon.
struct CompiledTerm: Sendable {
  /// The most other words allowed between two words of a multi-word term.
  static let maximumGap = 2

  var source: String
  var words: [TermWord]
  /// The words written as one (`real time` as `realtime`), for multi-word terms.
  var joined: (text: String, stem: String)?

  init?(_ source: String, lexicon: CompiledLexicon) {
    self.source = source
    let tokens = lexicon.canonicalize(Tokenizer.tokens(of: source))
    var words = tokens.map { TermWord(text: $0.text, stem: $0.stem) }
    if words.count > 2 {
      // Only inner stopwords go: `scale in` and `log on` keep their particle.
      let inner = words.dropFirst().dropLast().filter { !TermWord.stopwords.contains($0.text) }
      words = [words[0]] + inner + [words[words.count - 1]]
    }
    guard !words.isEmpty else { return nil }
    self.words = words
    if words.count > 1 {
      let text = words.map(\.text).joined()
      joined = (text, PorterStemmer.stem(text))
    }
  }
}

/// A phrasing compiled: all its terms must occur in one sentence.
struct CompiledPhrasing: Sendable {
  var terms: [CompiledTerm]
}

/// A rubric with every phrasing compiled against the lexicon, ready to score many answers.
public struct CompiledRubric: Sendable {
  struct Point: Sendable {
    var source: TalkingPoint
    var phrasings: [CompiledPhrasing]
  }

  struct WrongIdea: Sendable {
    var source: Misconception
    var phrasings: [CompiledPhrasing]
  }

  public let rubric: Rubric
  let points: [Point]
  let misconceptions: [WrongIdea]
  let lexicon: CompiledLexicon

  public init(_ rubric: Rubric, lexicon: CompiledLexicon) {
    self.rubric = rubric
    self.lexicon = lexicon
    func compile(_ phrasings: [Phrasing]) -> [CompiledPhrasing] {
      phrasings.compactMap { phrasing in
        let terms = phrasing.terms.compactMap { CompiledTerm($0, lexicon: lexicon) }
        return terms.count == phrasing.terms.count && !terms.isEmpty
          ? CompiledPhrasing(terms: terms) : nil
      }
    }
    points = rubric.points.map { Point(source: $0, phrasings: compile($0.phrasings)) }
    misconceptions = rubric.misconceptions.map {
      WrongIdea(source: $0, phrasings: compile($0.phrasings))
    }
  }
}
