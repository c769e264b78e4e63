/// A `rehearse rubric draft` request: a bank question, or a question and model answer given.
public struct DraftRequest: Sendable {
  public var bank: BankSource
  /// A bank question to draft from.
  public var questionID: String?
  /// The question and model answer, when not from the bank.
  public var question: String?
  public var modelAnswer: String?

  public init(
    bank: BankSource, questionID: String?, question: String? = nil, modelAnswer: String? = nil
  ) {
    self.bank = bank
    self.questionID = questionID
    self.question = question
    self.modelAnswer = modelAnswer
  }
}
