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

  /// Whether the answer is code (SQL or Python), whose empty lines and tabs are part of it.
  public var isCode: Bool {
    self == .sql || self == .python
  }
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

/// What a `sql` question is graded by: a small database and the query that answers it.
public struct SQLExercise: Sendable, Equatable, Codable {
  /// SQL (SQLite dialect) that creates the tables and inserts the rows.
  public var fixture: String
  /// A correct query; its result is the expected result.
  public var referenceQuery: String
  /// Whether the rows must come in the reference's order (the question asks for an order).
  public var ordered: Bool
  /// Whether the column names must match the reference's (the question names them).
  public var columnNames: Bool

  public init(fixture: String, referenceQuery: String, ordered: Bool, columnNames: Bool) {
    self.fixture = fixture
    self.referenceQuery = referenceQuery
    self.ordered = ordered
    self.columnNames = columnNames
  }
}

/// What a `python` question is graded by: the function to write and the calls that test it.
public struct PythonExercise: Sendable, Equatable, Codable {
  /// One call and the value it must return, both as Python expressions.
  public struct TestCase: Sendable, Equatable, Codable {
    public var call: String
    public var expected: String

    public init(call: String, expected: String) {
      self.call = call
      self.expected = expected
    }
  }

  /// The `def` line the answer starts from.
  public var signature: String
  /// A correct implementation; every test passes on it.
  public var referenceSolution: String
  public var tests: [TestCase]

  public init(signature: String, referenceSolution: String, tests: [TestCase]) {
    self.signature = signature
    self.referenceSolution = referenceSolution
    self.tests = tests
  }

  /// The function's name, from the signature.
  public var functionName: String {
    let afterDef = signature.trimmedWhitespace.dropFirst("def ".count)
    return String(afterDef.prefix { $0 != "(" }).trimmedWhitespace
  }
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
  /// The executable exercise of a `sql` question.
  public var sql: SQLExercise?
  /// The executable exercise of a `python` question.
  public var python: PythonExercise?
  /// Where the question is defined.
  public var location: SourceLocation

  public init(
    id: String, component: Component, kind: QuestionKind, prompt: String, difficulty: Int,
    minutes: Int, tags: [String] = [], hints: [String] = [], followUps: [String] = [],
    modelAnswer: String, competencies: [Competency] = [], sql: SQLExercise? = nil,
    python: PythonExercise? = nil, location: SourceLocation
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
  }
}
