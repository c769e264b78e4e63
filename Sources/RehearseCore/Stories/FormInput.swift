/// Where `story add` reads what the user types.
public protocol FormInput {
  /// Shows `prompt` and reads one line.
  mutating func read(prompt: String) -> FormAnswer
}
