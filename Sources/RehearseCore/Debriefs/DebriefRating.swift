/// How one question of a real interview went, in the candidate's own judgement.
public enum DebriefRating: String, CaseIterable, Codable, Sendable {
  case well, partly, badly

  /// The rating typed as `well`, `partly` or `badly` (any case), or its first letter; `nil` for
  /// anything else.
  public init?(typed text: String) {
    let word = text.trimmedWhitespace.lowercased()
    guard
      let rating = Self.allCases.first(where: {
        $0.rawValue == word || (word.count == 1 && $0.rawValue.hasPrefix(word))
      })
    else { return nil }
    self = rating
  }
}
