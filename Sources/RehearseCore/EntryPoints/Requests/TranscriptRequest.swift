import Foundation

/// A `rehearse history`, `review` or `export` request.
public struct TranscriptRequest: Sendable {
  /// A session id, or `last`.
  public var session: String
  public var format: TranscriptFormat
  public var style: TextStyle
  public var timeZone: TimeZone
  /// The bank whose model answers and follow-ups a review shows; without one, or when it does not
  /// load, the review shows the answers and their scores alone.
  public var bank: BankSource?
  /// The folder whose `stories/` a review reads, at the time of the review, for the story that
  /// best fits each behavioural question; `nil` shows none.
  public var storyHome: URL?

  public init(
    session: String = "last", format: TranscriptFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current, bank: BankSource? = nil, storyHome: URL? = nil
  ) {
    self.storyHome = storyHome
    self.session = session
    self.format = format
    self.style = style
    self.timeZone = timeZone
    self.bank = bank
  }
}
