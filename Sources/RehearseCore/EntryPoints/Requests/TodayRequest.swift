import Foundation

/// What `rehearse today` shows, and how.
public struct TodayRequest: Sendable {
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  public var timeZone: TimeZone

  public init(
    bank: BankSource, format: OutputFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current
  ) {
    self.bank = bank
    self.format = format
    self.style = style
    self.timeZone = timeZone
  }
}
