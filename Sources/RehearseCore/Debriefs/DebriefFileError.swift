/// What is wrong with a debrief file given to `debrief add --from`, with its file and line.
public enum DebriefFileError: RehearseError, Equatable {
  /// The file cannot be read as text: missing, a folder, too large, or not UTF-8.
  case unreadable(TextFileError)
  /// The file does not begin with a `---` line opening its front matter.
  case missingFrontMatter(file: String)
  /// The front matter opened at `line` has no closing `---` line.
  case unclosedFrontMatter(file: String, line: Int)
  /// A front-matter line that is not `key: value`.
  case notAField(file: String, line: Int)
  /// A front-matter key that is not company, date, round, role or interviewer.
  case unknownField(file: String, line: Int, key: String, suggestion: String?)
  /// A required front-matter key (company, round) that is absent or empty; `line` is the
  /// front matter's closing line.
  case missingField(file: String, line: Int, key: String)
  /// A date that is not a real `YYYY-MM-DD` day.
  case invalidDate(file: String, line: Int, value: String)
  /// A `##` heading that is not Questions, Conclusions or About the company.
  case unknownSection(file: String, line: Int, heading: String)
  /// A `###` question heading outside `## Questions`, or one with no text.
  case misplacedQuestion(file: String, line: Int)
  /// A paragraph of a question that no `Went:`, `Answered:` or `Improve:` label starts.
  case unlabelledText(file: String, line: Int)
  /// A `Went:` value that is not well, partly or badly.
  case unknownRating(file: String, line: Int, value: String)
  /// Text before the first section.
  case textOutsideSection(file: String, line: Int)

  public var exitStatus: ExitStatus {
    if case .unreadable(let error) = self { return error.exitStatus }
    return .dataError
  }

  public var description: String {
    switch self {
    case .unreadable(let error): error.description
    case .missingFrontMatter(let file):
      "\(file):1: a debrief starts with front matter: a '---' line, then company, date and round"
    case .unclosedFrontMatter(let file, let line):
      "\(file):\(line): the front matter opened here has no closing '---' line"
    case .notAField(let file, let line):
      "\(file):\(line): the front matter holds 'key: value' lines"
    case .unknownField(let file, let line, let key, let suggestion):
      "\(file):\(line): unknown field '\(key)'"
        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        + "; the fields are company, date, round, role and interviewer"
    case .missingField(let file, let line, let key):
      "\(file):\(line): the front matter needs '\(key):'"
    case .invalidDate(let file, let line, let value):
      "\(file):\(line): date '\(value)' is not a YYYY-MM-DD day"
    case .unknownSection(let file, let line, let heading):
      "\(file):\(line): unknown section '\(heading)'; the sections are ## Questions, "
        + "## Conclusions and ## About the company"
    case .misplacedQuestion(let file, let line):
      "\(file):\(line): a '### question' heading belongs under '## Questions' and holds the "
        + "question"
    case .unlabelledText(let file, let line):
      "\(file):\(line): start this paragraph with 'Went:', 'Answered:' or 'Improve:'"
    case .unknownRating(let file, let line, let value):
      "\(file):\(line): 'Went: \(value)': the ratings are well, partly and badly"
    case .textOutsideSection(let file, let line):
      "\(file):\(line): text before the first section (## Questions, ## Conclusions, "
        + "## About the company)"
    }
  }
}
