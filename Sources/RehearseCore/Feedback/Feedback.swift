/// What a candidate is told about one answer, built once from the scored answer and its question.
///
/// Live feedback, `score`, `review` and the Markdown, HTML and JSON exports all render this one
/// value (`FeedbackText`, `FeedbackMarkdown`, `FeedbackHTML`, and its `Codable` form), so they
/// state the same facts: the points made with their evidence, the points partly made with the
/// credit earned, the points missed (or, after code that passed every check, the points to
/// discuss), misconceptions with their penalty, the cap a missing
/// required point puts on the score, the STAR reading, the code checks, the model answer and the
/// follow-up. A behavioural model answer is shown as a template (`ModelAnswerTemplate`): its
/// note, its quantities as placeholders, and the candidate's best-fitting story beside it.
public struct Feedback: Sendable, Equatable, Codable {
  /// A talking point and how far the answer made it.
  public struct Point: Sendable, Equatable, Codable {
    public var label: String
    public var weight: Double
    public var required: Bool
    /// The share of the point's weight earned: 1 when made, 0 when missed, between for partly.
    public var credit: Double
    /// The answer's own words that made the point, or came close; never only function words
    /// (`Feedback.shownEvidence`).
    public var evidence: [String]
    /// For a point not fully made, the answer's sentence whose meaning is close to it
    /// (`SemanticReading.ReadsLike`): a hint of what was meant, not credit.
    public var readsLike: String?
  }

  /// A wrong idea the answer states, what is true instead, and what it cost.
  public struct Misconception: Sendable, Equatable, Codable {
    public var label: String
    public var correction: String
    public var evidence: [String]
    /// Points taken off the score; 0 for a point stated in negated form, which only earns nothing.
    public var penalty: Double
    public var kind: ScoredAnswer.MisconceptionKind
  }

  /// The question id, or `story:SLUG` for a story rehearsal.
  public var question: String
  /// How the answer ended, for an answer of a session.
  public var outcome: AnswerOutcome?
  /// 0 to 100.
  public var score: Int
  public var band: Band
  /// Whether a missing required point held the score below `strong`.
  public var cappedBelowStrong: Bool
  /// Whether the talking points give the score; when code ran, its checks do, and the points are
  /// for the discussion.
  public var pointsScore: Bool
  public var made: [Point]
  public var partlyMade: [Point]
  public var missed: [Point]
  /// The talking points an interviewer would discuss next, when the answer's code passed every
  /// check: the checks score it, so a point its words do not make is no miss. Empty otherwise,
  /// when such points are in `partlyMade` and `missed`.
  public var toDiscuss: [Point]
  public var misconceptions: [Misconception]
  /// The largest share of a strong answer's content the answer covers, 0 to 1
  /// (`ScoredAnswer.referenceCoverage`).
  public var coverage: Double?
  /// The score the rubric alone gave, when the answer's meaning moved it (`SemanticReading`).
  public var rubricScore: Int?
  public var star: StarFeedback?
  public var execution: ExecutionReport?
  /// The language the answer is written in, for a SQL or Python question: shown as code.
  public var codeLanguage: ExecutionReport.Language?
  /// The model answer, when the question is known.
  public var modelAnswer: String?
  /// Whether the model answer is an example of a story's shape, not the candidate's life
  /// (`ModelAnswerTemplate.applies(to:)`): shown after `ModelAnswerTemplate.note`.
  public var modelAnswerTemplate: Bool
  /// The quantities of a template model answer, shown as placeholders; empty otherwise.
  public var placeholders: [ModelAnswerTemplate.Placeholder]
  /// The candidate's story that best fits the question, shown beside a template model answer.
  public var fittingStory: FittingStory?
  /// A follow-up question to think about.
  public var followUp: String?
  /// The stored story a rehearsal retold.
  public var story: String?
  /// How many hints were revealed, for an answer of a session.
  public var hintsUsed: Int?

  /// The feedback on `scored`, the answer to `question` (`nil` when the bank no longer has it);
  /// `outcome` and `hintsUsed` are given for an answer of a session. `stories` are the
  /// candidate's, of which the best fit is shown beside a template model answer.
  public init(
    _ scored: ScoredAnswer, question: Question?, outcome: AnswerOutcome? = nil,
    hintsUsed: Int? = nil, stories: [Story] = []
  ) {
    self.question = scored.question
    self.outcome = outcome
    score = scored.score
    band = scored.band
    cappedBelowStrong = scored.cappedByRequired
    pointsScore = scored.execution?.isScored != true
    made = scored.hits.map {
      Point(
        label: $0.point, weight: $0.weight, required: $0.required, credit: 1,
        evidence: Self.shownEvidence($0.evidence))
    }
    let readsLike = Dictionary(
      (scored.semantic?.readsLike ?? []).map { ($0.point, $0.sentence) },
      uniquingKeysWith: { first, _ in first })
    partlyMade = scored.misses.filter { $0.credit > 0 }.map {
      Point(
        label: $0.point, weight: $0.weight, required: $0.required, credit: $0.credit,
        evidence: Self.shownEvidence($0.evidence), readsLike: readsLike[$0.point])
    }
    missed = scored.misses.filter { $0.credit <= 0 }.map {
      Point(
        label: $0.point, weight: $0.weight, required: $0.required, credit: 0, evidence: [],
        readsLike: readsLike[$0.point])
    }
    toDiscuss = []
    if let execution = scored.execution, execution.isScored, execution.outcome == .passed {
      // Rubric order, as the scorer listed the points not fully made.
      toDiscuss = scored.misses.map {
        Point(
          label: $0.point, weight: $0.weight, required: $0.required, credit: $0.credit,
          evidence: Self.shownEvidence($0.evidence))
      }
      partlyMade = []
      missed = []
    }
    misconceptions = scored.misconceptions.map {
      Misconception(
        label: $0.label, correction: $0.correction, evidence: Self.shownEvidence($0.evidence),
        penalty: $0.penalty, kind: $0.kind)
    }
    coverage = scored.referenceCoverage
    if let reading = scored.semantic, scored.score != reading.rubricScore {
      rubricScore = reading.rubricScore
    }
    star = scored.star
    execution = scored.execution
    let kind = question?.kind
    codeLanguage =
      kind == .sql ? .sql : kind == .python ? .python : scored.execution?.language
    story = StoryRehearsal.slug(fromQuestionID: scored.question)
    modelAnswerTemplate = false
    placeholders = []
    if story == nil, let question {
      modelAnswer = question.modelAnswer.isEmpty ? nil : question.modelAnswer
      followUp = question.followUps.first
      if ModelAnswerTemplate.applies(to: question) {
        modelAnswerTemplate = true
        placeholders = ModelAnswerTemplate.placeholders(in: question.modelAnswer)
        fittingStory = StoryMatcher.best(stories, for: question).map(FittingStory.init)
      }
    }
    self.hintsUsed = hintsUsed
  }

  /// The feedback on an answer of a session; `question` and `stories` as in
  /// `init(_:question:outcome:hintsUsed:stories:)`.
  public init(_ answer: AnswerRecord, question: Question?, stories: [Story] = []) {
    self.init(
      answer.scored, question: question, outcome: answer.outcome, hintsUsed: answer.hintsUsed,
      stories: stories)
  }

  /// The quotations of `evidence` worth showing: those holding a word of their own, not only
  /// function words such as `by` or `the` (`RubricDrafter.functionWords`, and the stopwords
  /// rubric terms skip, `TermWord.stopwords`).
  ///
  /// A rubric term may match on a function word, which can earn part of a point; the score keeps
  /// that credit, but quoting the word alone back to the candidate says nothing.
  public static func shownEvidence(_ evidence: [String]) -> [String] {
    evidence.filter { quotation in
      Tokenizer.tokens(of: quotation).contains {
        !RubricDrafter.functionWords.contains($0.text) && !TermWord.stopwords.contains($0.text)
      }
    }
  }

  /// How an answer's text is shown beside its feedback.
  public enum ShownAnswer: Sendable, Equatable {
    /// Nothing was typed.
    case nothing
    /// Words, shown as a quotation.
    case prose(String)
    /// Code, shown with its lines exactly as written.
    case code(String, language: ExecutionReport.Language)
  }

  /// How `text`, the answer this feedback is about, is shown.
  public func shown(_ text: String) -> ShownAnswer {
    if text.isEmpty { return .nothing }
    return codeLanguage.map { .code(text, language: $0) } ?? .prose(text)
  }

  /// What the outcome means for the score, when the answer did not simply end.
  public var outcomeNote: String? {
    switch outcome {
    case .timedOut: "Time is up: the answer was kept as typed."
    case .skipped: "Skipped: it scores 0."
    case .interrupted: "Stopped: the answer was kept as typed."
    case .answered, nil: nil
    }
  }

  /// The sentence that explains the cap, when there is one.
  public static let capNote =
    "Capped below strong: a required talking point is missing or only partly made."

  /// The sentence that says how much of a strong answer's content the answer covers, when it
  /// covers enough to count (`Scorer` lifts the score by it); `nil` otherwise.
  public var coverageNote: String? {
    guard let coverage, coverage >= Scorer.fullCoverage / 2, pointsScore else { return nil }
    return "In your own words you cover \(TextLayout.percent(coverage)) of the content of a "
      + "strong answer; the score counts it."
  }

  /// The sentence that says how the answer's meaning moved the rubric's score, when it did.
  public var meaningNote: String? {
    guard let rubricScore, pointsScore else { return nil }
    return score > rubricScore
      ? "Read by meaning, the answer is closer to a strong answer than its wording shows: "
        + "+\(score - rubricScore) over the rubric's \(rubricScore)."
      : "Read by meaning, the answer is further from a strong answer than its terms suggest: "
        + "−\(rubricScore - score) from the rubric's \(rubricScore)."
  }

  /// Whether there are talking points to show: made, partly made, missed or to discuss.
  public var hasTalkingPoints: Bool {
    !(made.isEmpty && partlyMade.isEmpty && missed.isEmpty && toDiscuss.isEmpty)
  }

  /// The sentence that says the checks score, when code ran.
  public static let discussionNote =
    "The talking points below are for the discussion; the checks score."
}
