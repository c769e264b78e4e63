/// One thing wrong with a story file, with the file and line it is at.
public enum StoryFileError: RehearseError, Equatable, Sendable {
  /// The file cannot be read as a story's text: missing, a folder, no permission, larger than
  /// `StoryFile.maximumBytes`, or not UTF-8.
  case unreadable(TextFileError)
  /// The file does not begin with a `---` line opening its front matter.
  case missingFrontMatter(file: String)
  /// The front matter opened at `line` has no closing `---` line.
  case unclosedFrontMatter(file: String, line: Int)
  /// The front matter is not valid YAML; the message is the parser's.
  case frontMatterSyntax(file: String, line: Int, message: String)
  /// The front matter is YAML but not a mapping of keys to values.
  case frontMatterNotMapping(file: String, line: Int)
  /// A key the front matter requires is absent.
  case missingField(file: String, line: Int, key: String)
  /// A key the front matter does not define, perhaps misspelt.
  case unknownField(file: String, line: Int, key: String, suggestion: String?)
  /// A value has the wrong shape (a mapping where text or a list is expected).
  case wrongType(file: String, line: Int, key: String, expected: String)
  /// A required value is empty.
  case emptyField(file: String, line: Int, key: String)
  /// A competency that is not in the documented set.
  case unknownCompetency(file: String, line: Int, value: String, suggestion: String?)
  /// A date that is not a real `YYYY-MM-DD` date.
  case invalidDate(file: String, line: Int, value: String)
  /// A `##` heading that is not one of the story's sections.
  case unknownSection(file: String, line: Int, heading: String, suggestion: String?)
  /// A section that appears twice.
  case duplicateSection(file: String, line: Int, heading: String, firstLine: Int)
  /// A part of the Pipeline section that is not one of the five.
  case unknownPipelinePart(file: String, line: Int, heading: String, suggestion: String?)
  /// Text that belongs to no section (before the first `##` heading, or in the Pipeline section
  /// before its first part).
  case textOutsideSection(file: String, line: Int, inPipeline: Bool)

  public var exitStatus: ExitStatus {
    if case .unreadable(let error) = self { return error.exitStatus }
    return .dataError
  }

  /// The file the problem is in.
  public var file: String {
    switch self {
    case .unreadable(let error):
      error.file
    case .missingFrontMatter(let file), .unclosedFrontMatter(let file, _),
      .frontMatterSyntax(let file, _, _), .frontMatterNotMapping(let file, _),
      .missingField(let file, _, _), .unknownField(let file, _, _, _),
      .wrongType(let file, _, _, _), .emptyField(let file, _, _),
      .unknownCompetency(let file, _, _, _), .invalidDate(let file, _, _),
      .unknownSection(let file, _, _, _), .duplicateSection(let file, _, _, _),
      .unknownPipelinePart(let file, _, _, _), .textOutsideSection(let file, _, _):
      file
    }
  }

  /// The line the problem is at, when it is at one.
  public var line: Int? {
    switch self {
    case .unreadable(let error): error.line
    case .missingFrontMatter: nil
    case .unclosedFrontMatter(_, let line),
      .frontMatterSyntax(_, let line, _), .frontMatterNotMapping(_, let line),
      .missingField(_, let line, _), .unknownField(_, let line, _, _),
      .wrongType(_, let line, _, _), .emptyField(_, let line, _),
      .unknownCompetency(_, let line, _, _), .invalidDate(_, let line, _),
      .unknownSection(_, let line, _, _), .duplicateSection(_, let line, _, _),
      .unknownPipelinePart(_, let line, _, _), .textOutsideSection(_, let line, _):
      line
    }
  }

  /// The problem without its `file:line:` prefix.
  public var message: String {
    func didYouMean(_ suggestion: String?) -> String {
      suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
    switch self {
    case .unreadable(let error): return error.message
    case .missingFrontMatter:
      return "a story begins with front matter: a '---' line, title and competencies, a '---' line"
    case .unclosedFrontMatter: return "the front matter opened here has no closing '---' line"
    case .frontMatterSyntax(_, _, let message): return "front matter: \(message)"
    case .frontMatterNotMapping: return "the front matter must be 'key: value' lines"
    case .missingField(_, _, let key): return "the front matter has no '\(key)'"
    case .unknownField(_, _, let key, let suggestion):
      return "unknown front-matter key '\(key)'\(didYouMean(suggestion)) "
        + "(keys: \(StoryFile.frontMatterKeys.joined(separator: ", ")))"
    case .wrongType(_, _, let key, let expected): return "'\(key)' must be \(expected)"
    case .emptyField(_, _, let key): return "'\(key)' is empty"
    case .unknownCompetency(_, _, let value, let suggestion):
      return "unknown competency '\(value)'\(didYouMean(suggestion)) "
        + "(see 'rehearse story coverage' for the list)"
    case .invalidDate(_, _, let value): return "'\(value)' is not a date as YYYY-MM-DD"
    case .unknownSection(_, _, let heading, let suggestion):
      return "unknown section '\(heading)'\(didYouMean(suggestion)) "
        + "(sections: Situation, Task, Action, Result, Pipeline, Notes)"
    case .duplicateSection(_, _, let heading, let firstLine):
      return "a second '\(heading)' section (the first is at line \(firstLine))"
    case .unknownPipelinePart(_, _, let heading, let suggestion):
      return "unknown pipeline part '\(heading)'\(didYouMean(suggestion)) "
        + "(parts: Requirement, Source, Logic, Destination, Scheduler)"
    case .textOutsideSection(_, _, let inPipeline):
      return inPipeline
        ? "text in the Pipeline section before its first part: start it with '### Requirement'"
        : "text before the first section: start it with '## Situation'"
    }
  }

  /// `file:line: message`, or `file: message` when the problem is at no line.
  public var description: String {
    if case .unreadable(let error) = self { return error.description }
    return located(message, file: file, line: line)
  }
}
