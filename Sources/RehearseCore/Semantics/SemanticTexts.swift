/// What a question's answers are compared with by meaning: the question itself, the answers
/// known to be strong, and the talking points.
public struct SemanticTexts: Sendable, Equatable {
  /// The question as asked. What an answer shares with it alone (repeating the question) earns
  /// no similarity.
  public var prompt: String
  /// Answers known to be strong: the model answer and the `strong` graded examples, or a short
  /// answer's reference answer.
  public var references: [String]
  /// The talking points' labels, in the rubric's order: the sentences "reads like" hints name.
  public var points: [String]
  /// The rubric's key terms as a bare list, each point's first phrasing whole: what a buzzword
  /// answer looks like, the similarity below which meaning adds nothing.
  ///
  /// Not the self-tests' keyword salad (`RubricSelfTest.keywordSalad`, one topic name a point):
  /// a floor at the words of each point's claim sits higher, and measured against the salad it
  /// agrees better with graders (Mohler dev r 0.625 against 0.623, dev.tsv r 0.881 against
  /// 0.877, with the blend's figures refitted to each) and keeps every graded example within
  /// its band's tolerance (the salad lifts one adequate example to 81).
  public var keywordList: String

  public init(prompt: String, references: [String], points: [String], keywordList: String) {
    self.prompt = prompt
    self.references = references
    self.points = points
    self.keywordList = keywordList
  }

  /// The texts for `rubric`, asked as `prompt`, with the strong answers `references`; `nil` when
  /// there is no strong answer to compare with.
  public init?(prompt: String, references: [String], rubric: Rubric) {
    guard !references.isEmpty else { return nil }
    self.init(
      prompt: prompt, references: references, points: rubric.points.map(\.label),
      keywordList: rubric.points.compactMap { $0.phrasings.first?.terms.joined(separator: " ") }
        .joined(separator: ", "))
  }
}
