/// One thing wrong with a bank's files, with the file and line it is at.
public enum BankProblem: RehearseError, Equatable, Sendable {
  /// The file is not valid YAML; the message is the parser's.
  case yamlSyntax(SourceLocation, message: String)
  /// The file cannot be read as text: missing, a folder, no permission, too large, not UTF-8.
  case file(TextFileError)
  /// The YAML reader refused the file's characters; the reason is the reader's.
  case unreadable(SourceLocation, reason: String)
  /// The file's aliases would expand it by more than `limit` nodes; the location is the alias
  /// that goes past it.
  case aliasExpansion(SourceLocation, alias: String, limit: Int)
  /// The same key appears twice in one mapping.
  case duplicateKey(SourceLocation, key: String)
  /// A key the format does not define, perhaps misspelt.
  case unknownKey(SourceLocation, key: String, suggestion: String?)
  /// A key the format requires is absent.
  case missingKey(SourceLocation, key: String, in: String)
  /// A value has the wrong shape (a list where text is expected, text where a number is).
  case wrongType(SourceLocation, key: String, expected: String)
  /// A value is not among the values the key allows.
  case unknownValue(SourceLocation, key: String, value: String, allowed: [String])
  /// A number lies outside the range the key allows.
  case outOfRange(SourceLocation, key: String, value: String, range: String)
  /// A text or list that must have content is empty.
  case empty(SourceLocation, key: String)
  /// A component id the format does not define.
  case unknownComponent(SourceLocation, value: String)
  /// A question file declares a component other than the one its name says.
  case componentMismatch(SourceLocation, declared: String, fileName: String)
  /// An id that is not lowercase letters, digits and single hyphens.
  case invalidID(SourceLocation, id: String)
  /// A question id already used elsewhere in the bank.
  case duplicateID(SourceLocation, id: String, first: SourceLocation)
  /// A second rubric for a question that already has one.
  case duplicateRubric(SourceLocation, id: String, first: SourceLocation)
  /// A question with no rubric.
  case questionWithoutRubric(SourceLocation, id: String)
  /// A rubric whose question is not in the bank.
  case rubricWithoutQuestion(SourceLocation, id: String)
  /// A phrasing with no terms, or an empty term.
  case emptyPhrasing(SourceLocation)
  /// A graded example whose `kind` fixes a band other than the one it was given.
  case kindBand(SourceLocation, kind: String, band: String)
  /// A key that does not apply to this kind of question.
  case notApplicable(SourceLocation, key: String, reason: String)
  /// A lexicon entry already listed in another synonym group.
  case lexiconConflict(SourceLocation, entry: String, first: SourceLocation)
  /// A spelling of a technology-catalogue entry already given to another entry (or twice).
  case duplicateTechnology(SourceLocation, spelling: String, first: SourceLocation)
  /// The bank folder, or one of its two subfolders, is missing.
  case missingFolder(path: String)

  /// Where the problem is, when it is in a file.
  public var location: SourceLocation? {
    switch self {
    case .yamlSyntax(let location, _), .unreadable(let location, _),
      .aliasExpansion(let location, _, _),
      .duplicateKey(let location, _), .unknownKey(let location, _, _),
      .missingKey(let location, _, _), .wrongType(let location, _, _),
      .unknownValue(let location, _, _, _), .outOfRange(let location, _, _, _),
      .empty(let location, _), .unknownComponent(let location, _),
      .componentMismatch(let location, _, _), .invalidID(let location, _),
      .duplicateID(let location, _, _), .duplicateRubric(let location, _, _),
      .questionWithoutRubric(let location, _), .rubricWithoutQuestion(let location, _),
      .emptyPhrasing(let location), .notApplicable(let location, _, _),
      .kindBand(let location, _, _),
      .lexiconConflict(let location, _, _), .duplicateTechnology(let location, _, _):
      return location
    case .file(let error):
      // A file that cannot be read at all (missing, a folder, a named pipe) is reported at its
      // first line, so every problem of a bank reads `file:line: message`.
      return SourceLocation(file: error.file, line: error.line ?? 1)
    case .missingFolder:
      return nil
    }
  }

  public var exitStatus: ExitStatus {
    switch self {
    case .file(let error): error.exitStatus
    case .missingFolder: .noInput
    default: .dataError
    }
  }

  /// What is wrong, without the location.
  public var message: String {
    switch self {
    case .file(let error):
      return error.message
    case .yamlSyntax(_, let message):
      return "YAML syntax error: \(message)"
    case .unreadable(_, let reason):
      return "cannot read the file: \(reason)"
    case .aliasExpansion(_, let alias, let limit):
      return "alias '*\(alias)' makes the file's aliases add more than \(limit) nodes, "
        + "the most a bank file may use (an alias repeats its whole anchored node)"
    case .duplicateKey(_, let key):
      return "key '\(key)' appears twice in the same mapping"
    case .unknownKey(_, let key, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "unknown key '\(key)'\(hint)"
    case .missingKey(_, let key, let container):
      return "\(container) has no '\(key)'"
    case .wrongType(_, let key, let expected):
      return "'\(key)' must be \(expected)"
    case .unknownValue(_, let key, let value, let allowed):
      return "'\(key)' is '\(value)'; expected one of: \(allowed.joined(separator: ", "))"
    case .outOfRange(_, let key, let value, let range):
      return "'\(key)' is \(value); it must be \(range)"
    case .empty(_, let key):
      return "'\(key)' is empty"
    case .unknownComponent(_, let value):
      let known = Component.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown component '\(value)'; the components are: \(known)"
    case .componentMismatch(_, let declared, let fileName):
      return "the file declares component '\(declared)' but is named '\(fileName)'"
    case .invalidID(_, let id):
      return "id '\(id)' must be lowercase letters, digits and single hyphens"
    case .duplicateID(_, let id, let first):
      return "question id '\(id)' is already used at \(first)"
    case .duplicateRubric(_, let id, let first):
      return "question '\(id)' already has a rubric at \(first)"
    case .questionWithoutRubric(_, let id):
      return "question '\(id)' has no rubric in rubrics/"
    case .rubricWithoutQuestion(_, let id):
      return "rubric for '\(id)', but no question has that id"
    case .emptyPhrasing:
      return "empty phrasing: a phrasing needs at least one non-empty term"
    case .kindBand(_, let kind, let band):
      return "an example of kind '\(kind)' must have band '\(band)'"
    case .notApplicable(_, let key, let reason):
      return "'\(key)' does not apply here: \(reason)"
    case .lexiconConflict(_, let entry, let first):
      return "'\(entry)' is already in the synonym group at \(first)"
    case .duplicateTechnology(_, let spelling, let first):
      return "'\(spelling)' already names the technology at \(first)"
    case .missingFolder(let path):
      return "no bank at \(path): it needs question-bank/ and rubrics/ folders"
    }
  }

  /// `file:line: message`.
  public var description: String {
    location.map { "\($0): \(message)" } ?? message
  }
}
