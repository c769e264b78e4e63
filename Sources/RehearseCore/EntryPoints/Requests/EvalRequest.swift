/// A `rehearse eval TSV` request.
public struct EvalRequest: Sendable {
  public var path: String
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle

  public init(path: String, bank: BankSource, format: OutputFormat, style: TextStyle) {
    self.path = path
    self.bank = bank
    self.format = format
    self.style = style
  }
}
