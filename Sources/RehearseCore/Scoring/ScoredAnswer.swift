/// The result of scoring one answer against its rubric.
public struct ScoredAnswer: Sendable, Codable, Equatable {
  /// A talking point the answer made, with the answer's own words that made it.
  public struct Hit: Sendable, Codable, Equatable {
    public var point: String
    public var weight: Double
    public var required: Bool
    public var evidence: [String]

    public init(point: String, weight: Double, required: Bool, evidence: [String]) {
      self.point = point
      self.weight = weight
      self.required = required
      self.evidence = evidence
    }
  }

  /// A talking point the answer did not make in full; `credit` is the part earned (0 to under 1).
  public struct Miss: Sendable, Codable, Equatable {
    public var point: String
    public var weight: Double
    public var required: Bool
    public var credit: Double
    /// For a partly made point, the words that came close.
    public var evidence: [String]

    public init(point: String, weight: Double, required: Bool, credit: Double, evidence: [String]) {
      self.point = point
      self.weight = weight
      self.required = required
      self.credit = credit
      self.evidence = evidence
    }
  }

  /// How a wrong idea showed up in the answer.
  public enum MisconceptionKind: String, Sendable, Codable {
    /// The answer states one of the rubric's misconceptions.
    case stated
    /// The answer states a talking point in negated form.
    case negatedPoint = "negated_point"
  }

  /// A wrong idea the answer states, with what is true instead.
  public struct StatedMisconception: Sendable, Codable, Equatable {
    public var label: String
    public var correction: String
    public var evidence: [String]
    public var penalty: Double
    public var kind: MisconceptionKind

    public init(
      label: String, correction: String, evidence: [String], penalty: Double,
      kind: MisconceptionKind
    ) {
      self.label = label
      self.correction = correction
      self.evidence = evidence
      self.penalty = penalty
      self.kind = kind
    }
  }

  public var question: String
  /// 0 to 100.
  public var score: Int
  public var band: Band
  public var hits: [Hit]
  public var misses: [Miss]
  public var misconceptions: [StatedMisconception]
  /// Whether a missing required point held the score below `strong`.
  public var cappedByRequired: Bool
  /// The largest share of the content words of a strong answer (the model answer, a strong
  /// example) the answer uses, 0 to 1; `nil` when the question has none to compare with.
  public var referenceCoverage: Double?
  /// The STAR reading, for behavioural answers and story rehearsals.
  public var star: StarFeedback?
  /// What running the answer's code found, for SQL and Python questions; when it ran, its checks
  /// give the score, and the talking points are feedback for the discussion.
  public var execution: ExecutionReport?
  /// What the answer's meaning added: its similarity to the strong answers, the rubric's score
  /// before the blend, and "reads like" hints; `nil` when the semantic signal is off, the model
  /// could not be loaded, or the question has no strong answer to compare with (code questions).
  public var semantic: SemanticReading?

  public init(
    question: String, score: Int, band: Band, hits: [Hit], misses: [Miss],
    misconceptions: [StatedMisconception], cappedByRequired: Bool,
    referenceCoverage: Double? = nil, star: StarFeedback? = nil, execution: ExecutionReport? = nil
  ) {
    self.question = question
    self.score = score
    self.band = band
    self.hits = hits
    self.misses = misses
    self.misconceptions = misconceptions
    self.cappedByRequired = cappedByRequired
    self.referenceCoverage = referenceCoverage
    self.star = star
    self.execution = execution
  }

  /// The answer scored by `report` instead of its rubric, when the code could be run.
  public mutating func apply(_ report: ExecutionReport) {
    execution = report
    guard report.isScored else { return }
    score = report.score
    band = Band(score: report.score)
    cappedByRequired = false
  }

  /// The answer's score blended with its meaning (`SemanticBlend`), kept with the reading; a
  /// missing required point still holds the score below `strong`.
  public mutating func apply(_ reading: SemanticReading) {
    semantic = reading
    var blended = score + reading.adjustment
    if cappedByRequired { blended = min(blended, Band.strongThreshold - 1) }
    score = blended
    band = Band(score: blended)
  }
}
