/// A `rehearse bank …` request.
public struct BankRequest: Sendable {
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  /// `bank list`: only these components (all when empty).
  public var components: [Component]
  /// `bank show`: the question.
  public var questionID: String?
  /// `bank test`: what runs the executable questions' code; they are not run without one.
  public var checker: ExerciseChecker?
  /// `bank test`: whether answers are also read by meaning, as a candidate's are by default.
  public var semantic: Bool

  public init(
    bank: BankSource, format: OutputFormat = .text, style: TextStyle = .plain,
    components: [Component] = [], questionID: String? = nil, checker: ExerciseChecker? = nil,
    semantic: Bool = false
  ) {
    self.semantic = semantic
    self.bank = bank
    self.format = format
    self.style = style
    self.components = components
    self.questionID = questionID
    self.checker = checker
  }
}
