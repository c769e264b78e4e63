/// What `rehearse eval` measures.
public struct EvalReport: Codable, Equatable, Sendable {
  public struct QuestionRow: Codable, Equatable, Sendable {
    public var questionId: String
    public var n: Int
    public var medianScore: Double
    public var medianGrade: Double
  }

  /// One answer scored: where it is, its score and its human grade.
  public struct AnswerRow: Codable, Equatable, Sendable {
    public var line: Int
    public var questionId: String
    public var score: Int
    public var grade: Double
    /// The rubric's score before the blend with the answer's meaning; `nil` when not blended.
    public var rubricScore: Int?
    /// The answer's similarity to the reference answer (`SemanticReading.similarity`).
    public var similarity: Double?
    /// The question's buzzword floor (`SemanticReading.floor`).
    public var floor: Double?
  }

  public var n: Int
  public var pearson: Double
  public var spearman: Double
  public var rmse: Double
  /// Pearson's r of the rubric's scores alone, when the scores are blended with meaning.
  public var rubricPearson: Double?
  /// Spearman's rho of the rubric's scores alone, when the scores are blended with meaning.
  public var rubricSpearman: Double?
  /// How scores were mapped to 0–5 for the RMSE.
  public var mapping: String
  public var questions: [QuestionRow]
  /// Every answer, in the file's order.
  public var answers: [AnswerRow]
}
