/// How practised a focus is (`progress --focus NAME`): each component with its weight and the
/// answers given to it, each term with the questions asking it and how many were answered.
public struct FocusProgress: Codable, Equatable, Sendable {
  /// One component of the focus.
  public struct ComponentRow: Codable, Equatable, Sendable {
    public var component: Component
    public var weight: Double
    public var answers: Int
    /// The mean score of its answers, to one decimal; `nil` without answers.
    public var meanScore: Double?
  }

  /// One term of the focus.
  public struct TermRow: Codable, Equatable, Sendable {
    public var name: String
    public var kind: String
    /// The bank questions asking it now.
    public var questions: Int
    /// How many of them were answered at least once.
    public var answered: Int
    /// How many answers they were given.
    public var answers: Int
  }

  public var name: String
  /// The components, heaviest first.
  public var components: [ComponentRow]
  public var terms: [TermRow]

  /// The progress of `focus` from what `log` counted, its terms' questions read from `bank`
  /// (none without a bank).
  public static func build(_ focus: Focus, bank: Bank?, log: PracticeLog) -> FocusProgress {
    let components = focus.weights.map { weight in
      let tallies = log.tallies.filter { $0.component == weight.component }
      let answers = tallies.reduce(0) { $0 + $1.answers }
      let total = tallies.reduce(0) { $0 + $1.scoreTotal }
      return ComponentRow(
        component: weight.component, weight: weight.weight, answers: answers,
        meanScore: answers == 0 ? nil : (Double(total) / Double(answers) * 10).rounded() / 10)
    }
    let answered = Dictionary(log.questions.map { ($0.id, $0.answers) }) { first, _ in first }
    let reader = bank.map(JobDescriptionReader.init)
    let terms = focus.terms.map { term in
      let ids = reader?.questions(asking: [term.name]) ?? []
      return TermRow(
        name: term.name, kind: term.kind, questions: ids.count,
        answered: ids.count { answered[$0] != nil },
        answers: ids.reduce(0) { $0 + (answered[$1] ?? 0) })
    }
    return FocusProgress(name: focus.name, components: components, terms: terms)
  }
}
