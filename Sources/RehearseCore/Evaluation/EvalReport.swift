/// What `rehearse eval` measures.
public struct EvalReport: Codable, Equatable, Sendable {
  public struct QuestionRow: Codable, Equatable, Sendable {
    public var questionId: String
    public var n: Int
    public var medianScore: Double
    public var medianGrade: Double
  }

  public var n: Int
  public var pearson: Double
  public var spearman: Double
  public var rmse: Double
  /// How scores were mapped to 0–5 for the RMSE.
  public var mapping: String
  public var questions: [QuestionRow]
}
