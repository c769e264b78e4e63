/// How good an answer is, in three steps a candidate can act on.
public enum Band: String, CaseIterable, Sendable, Codable, Comparable {
  case weak
  case adequate
  case strong

  /// The lowest score that earns `strong`.
  public static let strongThreshold = 70
  /// The lowest score that earns `adequate`.
  public static let adequateThreshold = 40

  /// The band a 0–100 score falls in.
  public init(score: Int) {
    if score >= Band.strongThreshold {
      self = .strong
    } else if score >= Band.adequateThreshold {
      self = .adequate
    } else {
      self = .weak
    }
  }

  public static func < (lhs: Band, rhs: Band) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Terms that must all appear within one sentence of an answer, in any order.
public struct Phrasing: Sendable, Equatable, Codable {
  /// Each term is a word or a multi-word phrase.
  public var terms: [String]

  public init(_ terms: [String]) {
    self.terms = terms
  }
}

/// A point a good answer makes.
public struct TalkingPoint: Sendable, Equatable {
  /// A short statement of the point, shown when it is hit or missed.
  public var label: String
  public var weight: Double
  /// An answer without a required point cannot be `strong`.
  public var required: Bool
  public var phrasings: [Phrasing]
  public var location: SourceLocation

  public init(
    label: String, weight: Double = 1, required: Bool = false, phrasings: [Phrasing],
    location: SourceLocation
  ) {
    self.label = label
    self.weight = weight
    self.required = required
    self.phrasings = phrasings
    self.location = location
  }
}

/// A wrong idea an answer may state, with what is true instead.
public struct Misconception: Sendable, Equatable {
  public var label: String
  public var phrasings: [Phrasing]
  public var correction: String
  /// Points taken off the 0–100 score when the answer states it.
  public var penalty: Double
  public var location: SourceLocation

  public init(
    label: String, phrasings: [Phrasing], correction: String, penalty: Double = 10,
    location: SourceLocation
  ) {
    self.label = label
    self.phrasings = phrasings
    self.correction = correction
    self.penalty = penalty
    self.location = location
  }
}

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
  /// Whether a point stated near a negation cue ("not", "never") is refused (the default). A
  /// drafted rubric's points are single words, and a word near a "not" says too little about
  /// whether the point was denied, so drafted rubrics do not read negation.
  public var readsNegation: Bool
  public var location: SourceLocation

  public init(
    questionID: String, points: [TalkingPoint], misconceptions: [Misconception] = [],
    examples: [GradedExample] = [], fullCreditAt: Double = 1, readsNegation: Bool = true,
    location: SourceLocation
  ) {
    self.questionID = questionID
    self.points = points
    self.misconceptions = misconceptions
    self.examples = examples
    self.fullCreditAt = fullCreditAt
    self.readsNegation = readsNegation
    self.location = location
  }
}

/// Synonym groups shared by every rubric: words and phrases that mean the same in an answer.
public struct Lexicon: Sendable, Equatable {
  /// Each group's first entry is its canonical form.
  public var groups: [[String]]

  public init(groups: [[String]] = []) {
    self.groups = groups
  }
}
