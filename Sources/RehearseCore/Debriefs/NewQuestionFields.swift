/// What a new own question would start from, read from a question a real interview asked: the
/// fields `bank add` asks for, filled in for the candidate to edit.
public struct NewQuestionFields: Codable, Equatable, Sendable {
  /// The component guessed from the bank: that of the bank questions most like the asked one.
  public var component: Component
  /// The question's text, as asked.
  public var prompt: String
  /// The tags of the bank questions like it that the question names, and `debrief` and the
  /// company.
  public var tags: [String]
  /// The answer given in the interview, as the starting model answer.
  public var modelAnswer: String
  /// What to improve, as a hint; `nil` when the debrief says nothing.
  public var hint: String?
  /// The bank questions the component was guessed from, most alike first.
  public var similarQuestions: [String]
}
