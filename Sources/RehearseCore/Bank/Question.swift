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
  /// The executable exercise of a `sql` question.
  public var sql: SQLExercise?
  /// The executable exercise of a `python` question.
  public var python: PythonExercise?
  /// Where the question is defined.
  public var location: SourceLocation
  /// Whether it comes from the user's own bank (`REHEARSE_HOME/bank`) rather than the shipped one.
  public var isOwn: Bool

  public init(
    id: String, component: Component, kind: QuestionKind, prompt: String, difficulty: Int,
    minutes: Int, tags: [String] = [], hints: [String] = [], followUps: [String] = [],
    modelAnswer: String, competencies: [Competency] = [], sql: SQLExercise? = nil,
    python: PythonExercise? = nil, location: SourceLocation, isOwn: Bool = false
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
    self.sql = sql
    self.python = python
    self.location = location
    self.isOwn = isOwn
  }
}
