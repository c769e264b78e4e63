/// A selection that no question of the bank satisfies, or that asks for something impossible.
public enum SessionSelectionError: RehearseError, Equatable {
  /// No question matches the components and difficulties asked for.
  case noQuestions(filters: String)
  /// A count, limit or difficulty that is zero, negative or out of range.
  case invalidValue(flag: String, value: String, expected: String)
  /// A Python question asked for by id, on a machine that cannot run Python.
  case cannotRun(questionID: String, reason: String)

  public var exitStatus: ExitStatus {
    if case .cannotRun = self { return .unavailable }
    return .usage
  }

  public var description: String {
    switch self {
    case .noQuestions(let filters):
      "no question of the bank matches \(filters) (see 'rehearse bank list')"
    case .invalidValue(let flag, let value, let expected):
      "\(flag) \(value): expected \(expected)"
    case .cannotRun(let questionID, let reason):
      "\(questionID) is a Python question, and its tests cannot run here: \(reason)"
    }
  }
}
