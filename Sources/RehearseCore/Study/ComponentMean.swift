/// How one component's recent answers scored: how many, and their mean.
public struct ComponentMean: Sendable, Equatable, Codable {
  public var component: Component
  public var answers: Int
  public var mean: Double

  public init(component: Component, answers: Int, mean: Double) {
    self.component = component
    self.answers = answers
    self.mean = mean
  }
}
