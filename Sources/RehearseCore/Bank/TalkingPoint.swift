/// A point a good answer makes.
public struct TalkingPoint: Sendable, Equatable {
  /// A short statement of the point, shown when it is hit or missed.
  public var label: String
  public var weight: Double
  /// An answer without a required point cannot be `strong`.
  public var required: Bool
  public var phrasings: [Phrasing]
  public var location: SourceLocation

  public init(
    label: String, weight: Double = 1, required: Bool = false, phrasings: [Phrasing],
    location: SourceLocation
  ) {
    self.label = label
    self.weight = weight
    self.required = required
    self.phrasings = phrasings
    self.location = location
  }
}
