/// A job description's recon kept under a name, to weight practice by: `rehearse recon --save`
/// writes it, `mock`, `today` and `progress --focus NAME` read it.
public struct Focus: Sendable, Equatable {
  /// A term the job description names, as the focus keeps it.
  public struct Term: Sendable, Equatable, Codable {
    public var name: String
    /// `technology`, `concept` or `tag`.
    public var kind: String
    public var count: Int
    /// How many bank questions asked it when the focus was saved.
    public var questions: Int

    public init(name: String, kind: String, count: Int, questions: Int) {
      self.name = name
      self.kind = kind
      self.count = count
      self.questions = questions
    }
  }

  /// The focus's name: lowercase letters, digits and single hyphens.
  public var name: String
  /// The job description it was read from, as given.
  public var source: String
  /// Every component with its weight, heaviest first.
  public var weights: [ComponentWeight]
  public var terms: [Term]

  public init(name: String, source: String, weights: [ComponentWeight], terms: [Term]) {
    self.name = name
    self.source = source
    self.weights = weights
    self.terms = terms
  }

  /// The focus of `report`, named `name`.
  public init(name: String, report: ReconReport) {
    self.init(
      name: name, source: report.source, weights: report.weights,
      terms: report.terms.map {
        Term(name: $0.name, kind: $0.kind, count: $0.count, questions: $0.questions.count)
      })
  }

  /// The terms no question asked when the focus was saved.
  public var gaps: [Term] { terms.filter { $0.questions == 0 } }

  /// The weight of `component` (0 when the focus does not list it).
  public func weight(of component: Component) -> Double {
    weights.first { $0.component == component }?.weight ?? 0
  }

  /// Whether `name` can name a focus: lowercase letters, digits and single hyphens, at most 80
  /// characters, as a story's slug.
  public static func isValidName(_ name: String) -> Bool {
    Story.isValidSlug(name)
  }
}
