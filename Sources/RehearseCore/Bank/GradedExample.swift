/// An example answer with the band the rubric must give it.
public struct GradedExample: Sendable, Equatable {
  /// What an example stands for, beyond its band; `bank test` requires one of each marked kind.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Any answer a candidate might give.
    case ordinary
    /// The right words with the facts swapped or reversed; must be `weak`.
    case inverted
    /// The model answer's content in everyday words, without its key terms; must be `strong`.
    case plain

    /// The band an example of this kind must be written for, if the kind fixes one.
    public var requiredBand: Band? {
      switch self {
      case .ordinary: nil
      case .inverted: .weak
      case .plain: .strong
      }
    }
  }

  public var band: Band
  public var answer: String
  public var note: String?
  public var kind: Kind
  public var location: SourceLocation

  public init(
    band: Band, answer: String, note: String? = nil, kind: Kind = .ordinary,
    location: SourceLocation
  ) {
    self.band = band
    self.answer = answer
    self.note = note
    self.kind = kind
    self.location = location
  }
}
