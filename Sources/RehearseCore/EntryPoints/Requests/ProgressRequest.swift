import Foundation

/// What `rehearse progress` counts, how it prints it, and the day it is made on.
public struct ProgressRequest: Sendable {
  /// The answers counted: a component, a first day.
  public var filter: ProgressFilter
  public var format: ProgressFormat
  public var style: TextStyle
  /// The zone whose calendar days are counted.
  public var timeZone: TimeZone
  /// The moment the report is made: the current streak runs up to its day.
  public var today: Date
  /// The bank whose questions `seen` counts against; without one, or when it does not load,
  /// the questions answered are counted without the bank's totals.
  public var bank: BankSource?
  /// The saved focus whose components and terms are reported too (`--focus NAME`).
  public var focus: String?
  /// The user's home folder, where focuses are kept.
  public var home: URL?

  public init(
    filter: ProgressFilter = .all, format: ProgressFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current, today: Date, bank: BankSource? = nil, focus: String? = nil,
    home: URL? = nil
  ) {
    self.focus = focus
    self.home = home
    self.filter = filter
    self.format = format
    self.style = style
    self.timeZone = timeZone
    self.today = today
    self.bank = bank
  }
}
