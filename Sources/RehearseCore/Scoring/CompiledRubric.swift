/// A word of a rubric term, prepared for comparison with answer tokens.
struct TermWord: Sendable {
  /// Short words every sentence has; left out of the middle of multi-word terms so `point in
  /// time` matches `point-in-time` and `points of time` alike.
  static let stopwords: Set<String> = [
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "is", "are", "be", "by", "with",
    "as", "at", "from", "into", "its", "it", "that", "this", "their",
  ]

  /// The word's text, as UTF-8.
  var bytes: [UInt8]
  /// The id of the word's stem in the rubric's vocabulary.
  var id: Int
  /// Edits tolerated as typos: none below 7 letters (`stream` and `scream`, `schema` and
  /// `scheme` are different words), one from 7, two from 11.
  var typoLimit: Int

  init(text: String, stem: String, vocabulary: inout Vocabulary) {
    self.bytes = Array(text.utf8)
    self.id = vocabulary.id(of: stem)
    let isWord = bytes.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    typoLimit = !isWord ? 0 : bytes.count >= 11 ? 2 : bytes.count >= 7 ? 1 : 0
  }

  /// Whether `candidate` is this word with a tolerated typo: first letter right, few edits.
  func isTypo(of candidate: String) -> Bool {
    let candidateBytes = candidate.utf8
    guard candidateBytes.first == bytes.first,
      abs(candidateBytes.count - bytes.count) <= typoLimit
    else { return false }
    var candidateText = candidate
    return candidateText.withUTF8 { candidateBuffer in
      bytes.withUnsafeBufferPointer { wordBuffer in
        EditDistance.between(candidateBuffer, wordBuffer, limit: typoLimit) <= typoLimit
      }
    }
  }
}

/// A rubric term compiled against the lexicon.
struct CompiledTerm: Sendable {
  /// The most other words allowed between two words of a multi-word term.
  static let maximumGap = 2

  var source: String
  var words: [TermWord]
  /// The id of the words written as one (`real time` as `realtime`), for multi-word terms.
  var joinedID: Int?
  /// Whether a word of the term carries content (`CompiledRubric.isContentWord`): a term such as
  /// `i` or `with` found alone says nothing of the point.
  var hasContent: Bool

  init?(_ source: String, lexicon: CompiledLexicon, vocabulary: inout Vocabulary) {
    self.source = source
    var tokens = lexicon.canonicalize(Tokenizer.tokens(of: source))
    if tokens.count > 2 {
      // Only inner stopwords go: `scale in` and `log on` keep their particle.
      let inner = tokens.dropFirst().dropLast().filter { !TermWord.stopwords.contains($0.text) }
      tokens = [tokens[0]] + inner + [tokens[tokens.count - 1]]
    }
    guard !tokens.isEmpty else { return nil }
    words = tokens.map { TermWord(text: $0.text, stem: $0.stem, vocabulary: &vocabulary) }
    hasContent = tokens.contains(where: CompiledRubric.isContentWord)
    if words.count > 1 {
      joinedID = vocabulary.id(of: PorterStemmer.stem(tokens.map(\.text).joined()))
    } else {
      vocabulary.addCompoundSplits(of: words[0])
    }
  }
}

/// A phrasing compiled: all its terms must occur in one claim.
struct CompiledPhrasing: Sendable {
  var terms: [CompiledTerm]
  /// Whether a match states the point (`Phrasing.isClaim`) rather than only naming its topic.
  var isClaim: Bool
  /// What `AnswerText.possibleTerms` reads of the terms, in one flat array, so that ruling a
  /// phrasing out touches one block of memory: for each term its joined id (or -1) and its
  /// number of words, then for each word its id and, when a typo of it is tolerated, its first
  /// byte (else -1).
  let filter: [Int32]

  init(terms: [CompiledTerm], isClaim: Bool) {
    self.terms = terms
    self.isClaim = isClaim
    var filter: [Int32] = []
    for term in terms {
      filter.append(Int32(term.joinedID ?? -1))
      filter.append(Int32(term.words.count))
      for word in term.words {
        filter.append(Int32(word.id))
        filter.append(word.typoLimit > 0 ? Int32(word.bytes[0]) : -1)
      }
    }
    self.filter = filter
  }
}

/// A rubric with every phrasing compiled against the lexicon, ready to score many answers.
public struct CompiledRubric: Sendable {
  struct Point: Sendable {
    var source: TalkingPoint
    var phrasings: [CompiledPhrasing]
    /// Whether the point is itself a denial ("a high score is not additive", "no double
    /// counting"): its phrasings may be met in negated form.
    var isDenial: Bool
  }

  struct WrongIdea: Sendable {
    var source: Misconception
    var phrasings: [CompiledPhrasing]
  }

  public let rubric: Rubric
  let points: [Point]
  let misconceptions: [WrongIdea]
  let lexicon: CompiledLexicon
  let vocabulary: Vocabulary
  /// The content words of each reference answer (the model answer, the `strong` and `plain`
  /// examples) as vocabulary ids, each once: what `Scorer` measures an answer's coverage of.
  let references: [[Int]]

  /// Compiles `rubric`; `references` are answers known to be strong (the model answer, the strong
  /// examples), whose content an answer in other words may cover; the words of `given` (the
  /// question's prompt) are left out of them, since repeating the question shows nothing.
  public init(
    _ rubric: Rubric, lexicon: CompiledLexicon, references: [String] = [], given: String = ""
  ) {
    self.rubric = rubric
    self.lexicon = lexicon
    var vocabulary = Vocabulary()
    func compile(_ phrasings: [Phrasing]) -> [CompiledPhrasing] {
      phrasings.compactMap { phrasing in
        let terms = phrasing.terms.compactMap {
          CompiledTerm($0, lexicon: lexicon, vocabulary: &vocabulary)
        }
        return terms.count == phrasing.terms.count && !terms.isEmpty
          ? CompiledPhrasing(terms: terms, isClaim: phrasing.isClaim) : nil
      }
    }
    points = rubric.points.map {
      Point(
        source: $0, phrasings: compile($0.phrasings),
        isDenial: Tokenizer.tokens(of: $0.label).contains {
          AnswerText.negationCues.contains($0.text)
        })
    }
    misconceptions = rubric.misconceptions.map {
      WrongIdea(source: $0, phrasings: compile($0.phrasings))
    }
    let givenStems = Set(lexicon.canonicalize(Tokenizer.tokens(of: given)).map(\.stem))
    self.references = references.map { reference in
      var ids: [Int] = []
      var seen = givenStems
      for token in lexicon.canonicalize(Tokenizer.tokens(of: reference))
      where CompiledRubric.isContentWord(token) && seen.insert(token.stem).inserted {
        ids.append(vocabulary.id(of: token.stem))
      }
      return ids
    }.filter { $0.count >= CompiledRubric.shortestReference }
    self.vocabulary = vocabulary
  }

  /// The fewest content words a reference answer needs to be measured against.
  static let shortestReference = 12

  /// Whether a word carries content: three letters or more, and not a function word, a common
  /// verb or a negation.
  static func isContentWord(_ token: Token) -> Bool {
    token.text.utf8.count >= 3 && !TermWord.stopwords.contains(token.text)
      && !AnswerText.predicateWords.contains(token.text)
      && !AnswerText.negationCues.contains(token.text)
  }
}
