import Foundation

/// Which sessions `history` lists: those with an answer of a component, started since a moment,
/// the newest first up to a number.
public struct HistoryFilter: Sendable, Equatable {
  /// Only sessions with an answer of this component.
  public var component: Component?
  /// Only sessions started at or after this moment.
  public var since: Date?
  /// At most this many sessions, the newest.
  public var limit: Int?

  public init(component: Component? = nil, since: Date? = nil, limit: Int? = nil) {
    self.component = component
    self.since = since
    self.limit = limit
  }

  /// Every session.
  public static let all = HistoryFilter()
}
