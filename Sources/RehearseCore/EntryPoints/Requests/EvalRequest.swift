/// A `rehearse eval TSV` request.
public struct EvalRequest: Sendable {
  public var path: String
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  /// What runs the SQL and Python answers of a bank-answer file; without one they are scored by
  /// their rubrics alone.
  public var checker: ExerciseChecker?
  /// Whether answers are also read by meaning (`--no-semantic` turns it off): the report then
  /// gives the blended figures beside the rubric's alone.
  public var semantic: Bool

  public init(
    path: String, bank: BankSource, format: OutputFormat, style: TextStyle,
    checker: ExerciseChecker? = nil, semantic: Bool = false
  ) {
    self.semantic = semantic
    self.path = path
    self.bank = bank
    self.format = format
    self.style = style
    self.checker = checker
  }
}
