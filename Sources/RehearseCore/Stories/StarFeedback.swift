/// The STAR reading of a story or a told answer: what it has, and one line of feedback for each
/// thing to improve.
public struct StarFeedback: Sendable, Equatable, Codable {
  public var star: StarFlags
  /// The pipeline parts, for a pipeline story; `nil` otherwise.
  public var pipeline: PipelineFlags?
  /// Whether the result carries a number, percentage, duration or amount of money.
  public var quantifiedResult: Bool
  /// The quantities the result states, as written.
  public var quantities: [String]
  /// First-person singular words (I, my, me) in the actions.
  public var firstPersonSingular: Int
  /// First-person plural words (we, our, us) in the actions.
  public var firstPersonPlural: Int
  public var words: Int
  /// The time the text takes to say at the speaking rate, in seconds.
  public var spokenSeconds: Int
  /// Each a single line: what is missing or weak, and what to do about it.
  public var findings: [String]

  public init(
    star: StarFlags, pipeline: PipelineFlags?, quantifiedResult: Bool, quantities: [String],
    firstPersonSingular: Int, firstPersonPlural: Int, words: Int, spokenSeconds: Int,
    findings: [String]
  ) {
    self.star = star
    self.pipeline = pipeline
    self.quantifiedResult = quantifiedResult
    self.quantities = quantities
    self.firstPersonSingular = firstPersonSingular
    self.firstPersonPlural = firstPersonPlural
    self.words = words
    self.spokenSeconds = spokenSeconds
    self.findings = findings
  }
}
