/// What `rehearse recon` read in a job description: the terms it names, those no question asks
/// yet, and a weight per component.
public struct ReconReport: Sendable, Equatable {
  /// The file the job description was read from, as given (`<stdin>` for standard input).
  public var source: String
  /// The terms named, most named first, then by name.
  public var terms: [ReconTerm]
  /// Every component with its weight, heaviest first (ties in the order of the notes).
  public var weights: [ComponentWeight]

  public init(source: String, terms: [ReconTerm], weights: [ComponentWeight]) {
    self.source = source
    self.terms = terms
    self.weights = weights
  }

  /// The terms no bank question asks yet.
  public var gaps: [ReconTerm] { terms.filter(\.isGap) }

  /// The components by weight, heaviest first.
  public var ranking: [Component] { weights.map(\.component) }

  /// The weight of `component` (0 when it has none).
  public func weight(of component: Component) -> Double {
    weights.first { $0.component == component }?.weight ?? 0
  }
}
