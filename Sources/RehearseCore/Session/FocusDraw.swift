/// What a draw needs of a focus (`--focus NAME`): the component weights, and which questions ask
/// the terms the job names.
///
/// With a focus, a session leans on the job: the focus's two heaviest components take
/// `topShare` of the questions (rounded up), split by their weights; the other questions come
/// from the other components, drawn by weight with the session's seed, one per component before
/// any gets a second. Within a component, questions asking the focus's terms come first (after
/// the study order: due, weak, new).
public struct FocusDraw: Sendable, Equatable {
  /// The share of a focused session taken by the focus's two heaviest components.
  public static let topShare = 0.6

  /// The focus's name, saved with the session's plan.
  public var name: String
  /// Every component's weight; those missing weigh nothing.
  public var weights: [Component: Double]
  /// The questions that ask a term the focus names.
  public var questionIDs: Set<String>

  public init(name: String, weights: [Component: Double], questionIDs: Set<String>) {
    self.name = name
    self.weights = weights
    self.questionIDs = questionIDs
  }

  /// `focus` as a draw weights it, against `bank`.
  public init(_ focus: Focus, bank: Bank) {
    self.init(
      name: focus.name,
      weights: Dictionary(focus.weights.map { ($0.component, $0.weight) }) { first, _ in first },
      questionIDs: Set(JobDescriptionReader(bank: bank).questions(asking: focus.terms.map(\.name))))
  }

  /// How many of `wanted` questions each of the components (with questions to draw) gets, in
  /// their order; `generator` picks among the lighter components.
  func quotas(
    for components: [Component], wanted: Int, using generator: inout SeededGenerator
  ) -> [Int] {
    var quotas = [Int](repeating: 0, count: components.count)
    guard wanted > 0, !components.isEmpty else { return quotas }
    let ranked = components.indices.sorted {
      (weights[components[$1]] ?? 0, $0) < (weights[components[$0]] ?? 0, $1)
    }
    let top = Array(ranked.prefix(2))
    let topSlots = min(wanted, Int((Double(wanted) * Self.topShare).rounded(.up)))
    if top.count == 2, topSlots >= 2 {
      let first = weights[components[top[0]]] ?? 0
      let second = weights[components[top[1]]] ?? 0
      let share = first + second > 0 ? first / (first + second) : 0.5
      let firstSlots = min(topSlots - 1, max(1, Int((Double(topSlots) * share).rounded())))
      quotas[top[0]] = firstSlots
      quotas[top[1]] = topSlots - firstSlots
    } else {
      quotas[top[0]] = topSlots
    }
    let others = Array(ranked.dropFirst(2))
    var left = wanted - topSlots
    if others.isEmpty {
      // Nothing else to draw from: the top components take the rest too.
      quotas[top[0]] += left
      return quotas
    }
    var round: [Int] = []
    while left > 0 {
      if round.isEmpty { round = others }
      let total = round.reduce(0.0) { $0 + max(weights[components[$1]] ?? 0, 1e-9) }
      var pick = Double.random(in: 0..<total, using: &generator)
      var chosen = round.count - 1
      for (place, index) in round.enumerated() {
        pick -= max(weights[components[index]] ?? 0, 1e-9)
        if pick < 0 {
          chosen = place
          break
        }
      }
      quotas[round[chosen]] += 1
      round.remove(at: chosen)
      left -= 1
    }
    return quotas
  }
}
