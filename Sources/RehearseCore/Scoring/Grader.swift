/// Grades answers: the one place that turns a question and the text given for it into the complete
/// scored answer.
///
/// A question's answer is scored against its rubric; a behavioural answer also gets its STAR
/// reading (and its pipeline parts when the question asks for a pipeline); the code of a SQL or
/// Python answer is run, and its checks give the score; a story rehearsal is compared with the
/// stored story. `score`, `ask`, `mock`, story rehearsals, `bank test` and `eval` all grade here,
/// so the same answer gets the same result wherever it is given.
///
/// Grading is free of clocks; running code is the only I/O, and happens only with a `checker`.
public struct Grader: Sendable {
  /// What one question is graded by.
  struct Subject: Sendable {
    var question: Question?
    var rubric: CompiledRubric?
    var story: Story?
    /// What its answers are compared with by meaning; `nil` when nothing is.
    var semanticTexts: SemanticTexts?
  }

  private let subjects: [String: Subject]
  /// What runs SQL and Python answers; without one they are scored by their rubrics alone.
  public let checker: ExerciseChecker?
  /// What reads answers by meaning; without one, scores are the rubric's alone.
  public let semantics: SemanticScorer?

  /// A grader for the questions of `bank` named by `questionIDs`, or for every question when it
  /// is `nil`; only those rubrics are compiled, so a session's first question shows sooner.
  /// With `semantics`, open and behavioural answers are also read by meaning.
  public init(
    bank: Bank, questionIDs: [String]? = nil, checker: ExerciseChecker? = nil,
    semantics: SemanticScorer? = nil
  ) {
    let lexicon = CompiledLexicon(bank.lexicon)
    let wanted = questionIDs.map(Set.init)
    var subjects: [String: Subject] = [:]
    for question in bank.questions where wanted?.contains(question.id) ?? true {
      let rubric = bank.rubrics[question.id]
      let references = rubric.map { Self.references(question, $0) } ?? []
      subjects[question.id] = Subject(
        question: question,
        rubric: rubric.map {
          CompiledRubric($0, lexicon: lexicon, references: references, given: question.prompt)
        },
        semanticTexts: rubric.flatMap {
          SemanticTexts(prompt: question.prompt, references: references, rubric: $0)
        })
    }
    self.subjects = subjects
    self.checker = checker
    self.semantics = semantics
  }

  /// The answers known to be strong for an open or behavioural question: its model answer and its
  /// `strong` examples. Code questions have none: their code is what is judged.
  static func references(_ question: Question, _ rubric: Rubric) -> [String] {
    guard question.kind == .open || question.kind == .behavioural else { return [] }
    return [question.modelAnswer] + rubric.examples.filter { $0.band == .strong }.map(\.answer)
  }

  /// A grader for rubrics that belong to no bank question (drafted by `eval`): each answer is
  /// scored against the rubric of its question id, and with `semantics`, read by meaning against
  /// the texts `semanticTexts` holds for its question id.
  public init(
    rubrics: [String: CompiledRubric], semanticTexts: [String: SemanticTexts] = [:],
    semantics: SemanticScorer? = nil
  ) {
    var subjects = rubrics.mapValues { Subject(rubric: $0) }
    for (id, texts) in semanticTexts { subjects[id]?.semanticTexts = texts }
    self.subjects = subjects
    checker = nil
    self.semantics = semantics
  }

  /// A grader for rehearsals of `story`, under the question `question` that asks for it.
  public init(story: Story, question: Question) {
    subjects = [question.id: Subject(question: question, story: story)]
    checker = nil
    semantics = nil
  }

  /// The complete scored answer for `answer` to the question `questionID`.
  ///
  /// A blank answer (a skip) scores 0 and misses every point; it has no STAR reading and no code
  /// to run. A question the grader does not know scores 0 with nothing to show.
  public func grade(_ answer: String, questionID: String) -> ScoredAnswer {
    guard let subject = subjects[questionID] else { return .empty(questionID) }
    let blank = answer.trimmedWhitespace.isEmpty
    if let story = subject.story {
      var scored = StoryRehearsal.score(answer, against: story)
      if blank { scored.star = nil }
      return scored
    }
    // Tokenised once, for the STAR reading and then the rubric, which takes the tokens over.
    var text = answer
    // The tokens' surfaces index this very string.
    text.makeContiguousUTF8()
    let tokens = Tokenizer.tokens(of: text)
    var star: StarFeedback?
    if let question = subject.question, !blank, question.kind == .behavioural {
      star = StarAnalyzer.analyze(
        told: TokenizedText(text, tokens: tokens),
        pipeline: question.competencies.contains(.pipelineBuilt))
    }
    let sentences = semantics == nil || blank ? [] : Self.sentences(of: text, tokens: tokens)
    var scored: ScoredAnswer
    if let rubric = subject.rubric {
      scored = Scorer.score(text, tokens: consume tokens, against: rubric)
    } else {
      scored = .empty(questionID)
    }
    if let semantics, let texts = subject.semanticTexts, !blank,
      let reading = semantics.read(
        answer, sentences: sentences, scored: scored, id: questionID, texts: texts)
    {
      scored.apply(reading)
    }
    guard let question = subject.question, !blank else { return scored }
    if let star { scored.star = star }
    if let checker, let report = checker.check(answer, for: question) {
      scored.apply(report)
    }
    return scored
  }

  /// Starts computing what question `questionID`'s answer will be compared with by meaning, on
  /// another thread: a session calls it as the question is shown.
  public func prepare(questionID: String) {
    guard let semantics, let texts = subjects[questionID]?.semanticTexts else { return }
    semantics.prepare(questionID, texts: texts)
  }

  /// The sentences of `text`, as written, from its tokens' sentence numbers: each from its first
  /// word to its last and the marks that close it (`.`, `!`, a quote).
  public static func sentences(of text: String, tokens: [Token]) -> [String] {
    var sentences: [String] = []
    var start = 0
    for index in tokens.indices
    where index + 1 == tokens.count || tokens[index + 1].sentence != tokens[index].sentence {
      var end = tokens[index].surface.upperBound
      let limit = index + 1 < tokens.count ? tokens[index + 1].surface.lowerBound : text.endIndex
      while end < limit, !text[end].isWhitespace { end = text.index(after: end) }
      sentences.append(String(text[tokens[start].surface.lowerBound..<end]))
      start = index + 1
    }
    return sentences
  }

  /// The rubric `questionID` is scored against, compiled.
  public func rubric(for questionID: String) -> CompiledRubric? {
    subjects[questionID]?.rubric
  }
}

extension ScoredAnswer {
  /// The result for a question with nothing to score against: 0, weak, no points.
  static func empty(_ questionID: String) -> ScoredAnswer {
    ScoredAnswer(
      question: questionID, score: 0, band: .weak, hits: [], misses: [], misconceptions: [],
      cappedByRequired: false)
  }
}
