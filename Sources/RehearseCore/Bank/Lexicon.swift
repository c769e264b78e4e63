/// Synonym groups shared by every rubric: words and phrases that mean the same in an answer.
public struct Lexicon: Sendable, Equatable {
  /// Each group's first entry is its canonical form.
  public var groups: [[String]]

  public init(groups: [[String]] = []) {
    self.groups = groups
  }
}
