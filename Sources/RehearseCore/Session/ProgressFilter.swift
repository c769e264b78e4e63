import Foundation

/// Which answers `progress` counts: those of one component, given since a moment.
public struct ProgressFilter: Sendable, Equatable {
  /// Only answers to questions of this component.
  public var component: Component?
  /// Only answers given at or after this moment.
  public var since: Date?

  public init(component: Component? = nil, since: Date? = nil) {
    self.component = component
    self.since = since
  }

  /// Every answer.
  public static let all = ProgressFilter()
}
