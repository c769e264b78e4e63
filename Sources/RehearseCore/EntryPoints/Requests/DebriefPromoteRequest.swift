/// A `rehearse debrief promote ID N` request: which asked question becomes an own question, and
/// the fields the flags give instead of those read from the debrief.
public struct DebriefPromoteRequest: Sendable {
  /// The debrief: `d3`, `3` or `last`.
  public var debrief: String
  /// The asked question's position in the debrief, from 1.
  public var position: Int
  /// The banks the new question joins; its `ownBank` is where it is saved.
  public var bank: BankSource
  /// What the flags give: a field set here replaces the one read from the debrief.
  public var overrides: OwnQuestionDraft
  public var style: TextStyle

  public init(
    debrief: String, position: Int, bank: BankSource,
    overrides: OwnQuestionDraft = OwnQuestionDraft(), style: TextStyle = .plain
  ) {
    self.debrief = debrief
    self.position = position
    self.bank = bank
    self.overrides = overrides
    self.style = style
  }
}
