/// A `rehearse eval TSV` request.
public struct EvalRequest: Sendable {
  public var path: String
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  /// What runs the SQL and Python answers of a bank-answer file; without one they are scored by
  /// their rubrics alone.
  public var checker: ExerciseChecker?

  public init(
    path: String, bank: BankSource, format: OutputFormat, style: TextStyle,
    checker: ExerciseChecker? = nil
  ) {
    self.path = path
    self.bank = bank
    self.format = format
    self.style = style
    self.checker = checker
  }
}
