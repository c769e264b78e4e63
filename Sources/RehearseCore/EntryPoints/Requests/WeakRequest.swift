import Foundation

/// What `rehearse weak` lists, and how.
public struct WeakRequest: Sendable {
  /// At most this many points; all of them when `nil`.
  public var limit: Int?
  public var format: OutputFormat
  public var style: TextStyle
  public var timeZone: TimeZone

  public init(
    limit: Int? = nil, format: OutputFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current
  ) {
    self.limit = limit
    self.format = format
    self.style = style
    self.timeZone = timeZone
  }
}
