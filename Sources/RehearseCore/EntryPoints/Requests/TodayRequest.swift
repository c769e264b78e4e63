import Foundation

/// What `rehearse today` shows, and how.
public struct TodayRequest: Sendable {
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  public var timeZone: TimeZone
  /// The saved focus the suggested session leans on (`--focus NAME`), kept in `home`'s `focus/`.
  public var focus: String?
  /// The user's home folder, where focuses are kept.
  public var home: URL?

  public init(
    bank: BankSource, format: OutputFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current, focus: String? = nil, home: URL? = nil
  ) {
    self.focus = focus
    self.home = home
    self.bank = bank
    self.format = format
    self.style = style
    self.timeZone = timeZone
  }
}
