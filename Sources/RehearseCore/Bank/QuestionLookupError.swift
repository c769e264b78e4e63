/// A question id the bank does not have.
public enum QuestionLookupError: RehearseError, Equatable {
  /// No question has this id; `suggestions` are the nearest ids.
  case unknownID(String, suggestions: [String])

  public var exitStatus: ExitStatus { .usage }

  public var description: String {
    switch self {
    case .unknownID(let id, let suggestions):
      let hint =
        suggestions.isEmpty
        ? " (see 'rehearse bank list')"
        : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
      return "no question with id '\(id)'\(hint)"
    }
  }
}
