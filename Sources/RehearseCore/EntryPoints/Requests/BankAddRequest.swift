/// A `rehearse bank add` request: the banks, and the question's fields given so far.
public struct BankAddRequest: Sendable {
  /// The banks the new question joins; its `ownBank` is where it is saved.
  public var bank: BankSource
  /// The fields given as flags (or by another command); `bankAddAsk` fills the missing ones.
  public var question: OwnQuestionDraft
  public var style: TextStyle

  public init(bank: BankSource, question: OwnQuestionDraft, style: TextStyle = .plain) {
    self.bank = bank
    self.question = question
    self.style = style
  }
}
