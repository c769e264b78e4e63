/// The keyword rubric of one question.
public struct Rubric: Sendable, Equatable {
  public var questionID: String
  public var points: [TalkingPoint]
  public var misconceptions: [Misconception]
  public var examples: [GradedExample]
  /// The share of the total weight that earns full marks (1 by default: every point). A rubric
  /// drafted from a model answer lists every content word of it, and a good answer makes the
  /// point with a part of them, so drafted rubrics give full marks below 1.
  public var fullCreditAt: Double
  /// How the earned share of the weight becomes a score (linear by default; drafted rubrics
  /// saturate).
  public var curve: CreditCurve
  /// Whether a point stated near a negation cue ("not", "never") is refused (the default). A
  /// drafted rubric's points are single words, and a word near a "not" says too little about
  /// whether the point was denied, so drafted rubrics do not read negation.
  public var readsNegation: Bool
  /// Whether points are read as claims (the default): a one-term phrasing not marked `claim:`
  /// only names the topic, a match among a list of names earns a fraction, and one sentence
  /// earns few points at full weight. A drafted rubric's points are the model answer's words, not
  /// claims, so drafted rubrics do not.
  public var readsClaims: Bool
  public var location: SourceLocation

  public init(
    questionID: String, points: [TalkingPoint], misconceptions: [Misconception] = [],
    examples: [GradedExample] = [], fullCreditAt: Double = 1, curve: CreditCurve = .linear,
    readsNegation: Bool = true,
    readsClaims: Bool = true, location: SourceLocation
  ) {
    self.questionID = questionID
    self.points = points
    self.misconceptions = misconceptions
    self.examples = examples
    self.fullCreditAt = fullCreditAt
    self.curve = curve
    self.readsNegation = readsNegation
    self.readsClaims = readsClaims
    self.location = location
  }
}
