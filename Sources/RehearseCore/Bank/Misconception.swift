/// A wrong idea an answer may state, with what is true instead.
public struct Misconception: Sendable, Equatable {
  public var label: String
  public var phrasings: [Phrasing]
  public var correction: String
  /// Points taken off the 0–100 score when the answer states it.
  public var penalty: Double
  public var location: SourceLocation

  public init(
    label: String, phrasings: [Phrasing], correction: String, penalty: Double = 10,
    location: SourceLocation
  ) {
    self.label = label
    self.phrasings = phrasings
    self.correction = correction
    self.penalty = penalty
    self.location = location
  }
}
