/// How a question is answered and therefore how it is graded.
public enum QuestionKind: String, CaseIterable, Sendable, Codable {
  /// A spoken-style answer graded against a keyword rubric.
  case open
  /// A SQL query.
  case sql
  /// A Python function.
  case python
  /// A behavioural answer, best told as a STAR story.
  case behavioural
}

/// A behavioural competency that a question probes and a story demonstrates.
public enum Competency: String, CaseIterable, Sendable, Codable {
  case pipelineBuilt = "pipeline-built"
  case dataQuality = "data-quality"
  case orchestrationScheduling = "orchestration-scheduling"
  case stakeholderRequirements = "stakeholder-requirements"
  case performanceTuning = "performance-tuning"
  case incidentOwnership = "incident-ownership"
  case cloudMigration = "cloud-migration"
  case learningFast = "learning-fast"
  case conflict
  case failure
}

/// One interview question of the bank.
public struct Question: Sendable, Equatable {
  public var id: String
  public var component: Component
  public var kind: QuestionKind
  public var prompt: String
  /// 1 (warm-up) to 3 (senior).
  public var difficulty: Int
  /// The time limit for an answer.
  public var minutes: Int
  public var tags: [String]
  public var hints: [String]
  public var followUps: [String]
  public var modelAnswer: String
  public var competencies: [Competency]
  /// Where the question is defined.
  public var location: SourceLocation

  public init(
    id: String, component: Component, kind: QuestionKind, prompt: String, difficulty: Int,
    minutes: Int, tags: [String] = [], hints: [String] = [], followUps: [String] = [],
    modelAnswer: String, competencies: [Competency] = [], location: SourceLocation
  ) {
    self.id = id
    self.component = component
    self.kind = kind
    self.prompt = prompt
    self.difficulty = difficulty
    self.minutes = minutes
    self.tags = tags
    self.hints = hints
    self.followUps = followUps
    self.modelAnswer = modelAnswer
    self.competencies = competencies
    self.location = location
  }
}
