/// Terms that must all appear within one clause of an answer, in any order.
public struct Phrasing: Sendable, Equatable, Codable {
  /// Each term is a word or a multi-word phrase.
  public var terms: [String]
  /// Whether a one-term phrasing is a claim in itself (`claim: schema on read`), earning its
  /// point's full weight; an unmarked one-term phrasing only names the topic and earns
  /// `Scorer.topicCredit`. A phrasing of two or more terms states a claim by construction.
  public var isClaim: Bool

  public init(_ terms: [String], isClaim: Bool = false) {
    self.terms = terms
    self.isClaim = isClaim || terms.count > 1
  }
}
