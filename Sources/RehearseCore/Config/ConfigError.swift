/// Why the config file (`UserConfig`) cannot be used, or what in it is ignored.
///
/// Every case names the file and, where one applies, the line: `file:line: message`.
public enum ConfigError: RehearseError, Equatable {
  /// The file cannot be read: a folder, not UTF-8 text, too large, no permission.
  case unreadable(TextFileError)
  /// A line is not `key = value`, a comment or empty, or its value is not one of the TOML forms
  /// the reader takes (`message` says which).
  case syntax(file: String, line: Int, message: String)
  /// A `[table]` or `[[array]]` header: the config file keeps every key at the top level.
  case table(file: String, line: Int, header: String)
  /// A key given a second time; `firstLine` is where it was given first.
  case duplicateKey(file: String, line: Int, key: String, firstLine: Int)
  /// A known key with a value of the wrong type (a string where a number is wanted).
  case wrongType(file: String, line: Int, key: String, expected: String, found: String)
  /// A known key with a value of the right type that is not allowed (`minutes = -1`,
  /// `color = "blue"`).
  case invalidValue(file: String, line: Int, key: String, message: String)
  /// A key the config file does not know; `suggestions` are the known keys nearest to it. It is
  /// a warning: the command runs with the rest of the file (see `UserConfig.warnings`).
  case unknownKey(file: String, line: Int, key: String, suggestions: [String])

  /// 65 for everything wrong inside the file; a file that cannot be read keeps its reading
  /// error's status (66 for a folder).
  public var exitStatus: ExitStatus {
    switch self {
    case .unreadable(let error): error.exitStatus
    default: .dataError
    }
  }

  /// The file the problem is in.
  public var file: String {
    switch self {
    case .unreadable(let error): error.file
    case .syntax(let file, _, _), .table(let file, _, _), .duplicateKey(let file, _, _, _),
      .wrongType(let file, _, _, _, _), .invalidValue(let file, _, _, _),
      .unknownKey(let file, _, _, _):
      file
    }
  }

  /// The line the problem is on, when one applies.
  public var line: Int? {
    switch self {
    case .unreadable(let error): error.line
    case .syntax(_, let line, _), .table(_, let line, _), .duplicateKey(_, let line, _, _),
      .wrongType(_, let line, _, _, _), .invalidValue(_, let line, _, _),
      .unknownKey(_, let line, _, _):
      line
    }
  }

  /// `file:line: message`.
  public var description: String {
    switch self {
    case .unreadable(let error): return error.description
    case .syntax(let file, let line, let message):
      return located(message, file: file, line: line)
    case .table(let file, let line, let header):
      return located(
        "\(header) is a table header: the config file takes no tables, every key goes at the "
          + "top level", file: file, line: line)
    case .duplicateKey(let file, let line, let key, let firstLine):
      return located(
        "'\(key)' is given twice (first on line \(firstLine))", file: file, line: line)
    case .wrongType(let file, let line, let key, let expected, let found):
      return located("'\(key)' must be \(expected), not \(found)", file: file, line: line)
    case .invalidValue(let file, let line, let key, let message):
      return located("'\(key)': \(message)", file: file, line: line)
    case .unknownKey(let file, let line, let key, let suggestions):
      let hint = suggestions.isEmpty ? "" : " (did you mean '\(suggestions[0])'?)"
      return located(
        "unknown key '\(key)'\(hint); it is ignored (known keys: "
          + UserConfig.keys.joined(separator: ", ") + ")", file: file, line: line)
    }
  }
}
