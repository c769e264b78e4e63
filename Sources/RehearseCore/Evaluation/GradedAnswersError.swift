import Foundation

/// A problem with an evaluation file, at its line.
public enum GradedAnswersError: RehearseError, Equatable {
  /// The file cannot be read as text: missing, a folder, no permission, larger than
  /// `GradedAnswersFile.maximumBytes`, or not UTF-8.
  case unreadable(TextFileError)
  /// The header row lacks `column`, one of the `columns` the file's format needs.
  case missingColumn(path: String, column: String, columns: [String])
  /// A line has fewer fields than the header.
  case tooFewFields(path: String, line: Int, found: Int, expected: Int)
  /// A field is longer than an answer may be.
  case tooLong(path: String, line: Int, limit: Int)
  /// The grade in `column` is not a number within `range`.
  case badGrade(path: String, line: Int, column: String, value: String, range: ClosedRange<Double>)
  /// The answer is to a question the bank does not have.
  case unknownQuestion(path: String, line: Int, id: String)
  /// A required field is empty.
  case emptyField(path: String, line: Int, column: String)
  /// The file has no answers.
  case empty(path: String)

  public var exitStatus: ExitStatus {
    if case .unreadable(let error) = self { return error.exitStatus }
    return .dataError
  }

  public var description: String {
    switch self {
    case .unreadable(let error): error.description
    case .missingColumn(let path, let column, let columns):
      "\(path):1: the header has no '\(column)' column (columns: "
        + columns.joined(separator: ", ") + ")"
    case .tooFewFields(let path, let line, let found, let expected):
      "\(path):\(line): \(found) tab-separated fields, the header has \(expected)"
    case .tooLong(let path, let line, let limit):
      "\(path):\(line): a field is longer than the limit of \(limit) bytes"
    case .badGrade(let path, let line, let column, let value, let range):
      "\(path):\(line): \(column) '\(value)' is not a number from "
        + "\(Int(range.lowerBound)) to \(Int(range.upperBound))"
    case .unknownQuestion(let path, let line, let id):
      "\(path):\(line): the bank has no question '\(id)'"
    case .emptyField(let path, let line, let column): "\(path):\(line): '\(column)' is empty"
    case .empty(let path): "\(path): no graded answers"
    }
  }
}
