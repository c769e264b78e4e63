import Foundation

/// A problem with an evaluation file, at its line.
public enum GradedAnswersError: RehearseError, Equatable {
  /// The file cannot be read as text: missing, a folder, no permission, larger than
  /// `GradedAnswersFile.maximumBytes`, or not UTF-8.
  case unreadable(TextFileError)
  /// The header row lacks a column the protocol needs.
  case missingColumn(path: String, column: String)
  /// A line has fewer fields than the header.
  case tooFewFields(path: String, line: Int, found: Int, expected: Int)
  /// A field is longer than an answer may be.
  case tooLong(path: String, line: Int, limit: Int)
  /// The grade is not a number from 0 to 5.
  case badGrade(path: String, line: Int, value: String)
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
    case .missingColumn(let path, let column):
      "\(path):1: the header has no '\(column)' column (columns: question_id, question, "
        + "reference_answer, student_answer, grade_avg)"
    case .tooFewFields(let path, let line, let found, let expected):
      "\(path):\(line): \(found) tab-separated fields, the header has \(expected)"
    case .tooLong(let path, let line, let limit):
      "\(path):\(line): a field is longer than the limit of \(limit) bytes"
    case .badGrade(let path, let line, let value):
      "\(path):\(line): grade_avg '\(value)' is not a number from 0 to 5"
    case .emptyField(let path, let line, let column): "\(path):\(line): '\(column)' is empty"
    case .empty(let path): "\(path): no graded answers"
    }
  }
}
