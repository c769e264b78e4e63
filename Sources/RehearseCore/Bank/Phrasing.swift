/// Terms that must all appear within one sentence of an answer, in any order.
public struct Phrasing: Sendable, Equatable, Codable {
  /// Each term is a word or a multi-word phrase.
  public var terms: [String]

  public init(_ terms: [String]) {
    self.terms = terms
  }
}
