/// How much of a focused practice one component gets: its share of what a job description names.
public struct ComponentWeight: Sendable, Equatable, Codable {
  public var component: Component
  /// From 0 to 1; the weights of the seven components sum to 1.
  public var weight: Double

  public init(component: Component, weight: Double) {
    self.component = component
    self.weight = weight
  }
}
