/// An example answer with the band the rubric must give it.
public struct GradedExample: Sendable, Equatable {
  public var band: Band
  public var answer: String
  public var note: String?
  public var location: SourceLocation

  public init(band: Band, answer: String, note: String? = nil, location: SourceLocation) {
    self.band = band
    self.answer = answer
    self.note = note
    self.location = location
  }
}
