/// A `rehearse bank export DIR` or `bank import DIR` request.
public struct BankShareRequest: Sendable {
  /// The banks; own questions come from, and go to, its `ownBank`.
  public var bank: BankSource
  /// The folder exported to or imported from.
  public var folder: String
  /// `export`: only these own questions (all when empty and no `tags`).
  public var questionIDs: [String]
  /// `export`: only own questions with one of these tags.
  public var tags: [String]
  /// `import`: an own question with an incoming id is replaced rather than refused.
  public var replace: Bool
  /// `import`: lint the folder merged with the banks, and import nothing.
  public var checkOnly: Bool
  public var style: TextStyle

  public init(
    bank: BankSource, folder: String, questionIDs: [String] = [], tags: [String] = [],
    replace: Bool = false, checkOnly: Bool = false, style: TextStyle = .plain
  ) {
    self.bank = bank
    self.folder = folder
    self.questionIDs = questionIDs
    self.tags = tags
    self.replace = replace
    self.checkOnly = checkOnly
    self.style = style
  }
}
