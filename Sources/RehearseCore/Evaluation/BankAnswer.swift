/// One answer to a question of the bank, graded 0–100 by an interviewer who had not seen its
/// rubric: a row of a file such as `data/bank-answers/dev.tsv`.
public struct BankAnswer: Sendable, Equatable {
  public var questionID: String
  /// The kind of answer: `v1` excellent, `v2` everyday words, `v3` partial, `v4` confidently
  /// wrong, `v5` buzzwords (any label is kept as written).
  public var variant: String
  /// The interviewer's grade, 0–100, on the bands' scale.
  public var humanGrade: Double
  /// The interviewer's one-line reason.
  public var reason: String
  /// The answer as typed, its `\t`, `\n` and `\\` written out.
  public var answer: String
  /// The line the answer is on.
  public var line: Int
}
