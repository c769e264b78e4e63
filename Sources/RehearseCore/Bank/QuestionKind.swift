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
