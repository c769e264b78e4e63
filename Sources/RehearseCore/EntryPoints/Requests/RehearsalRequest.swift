import Foundation

/// A `rehearse story rehearse SLUG` request.
public struct RehearsalRequest: Sendable {
  public var story: StoryRequest
  /// The time allowed for the retelling; `nil` gives the top of the spoken budget, 3 minutes.
  public var minutes: Double?
  public var mode: SessionMachine.InputMode

  public init(story: StoryRequest, minutes: Double?, mode: SessionMachine.InputMode) {
    self.story = story
    self.minutes = minutes
    self.mode = mode
  }
}
