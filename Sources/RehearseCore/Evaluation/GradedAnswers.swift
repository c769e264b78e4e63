import Foundation

/// One human-graded answer of an evaluation file.
public struct GradedAnswer: Sendable, Equatable {
  /// `assignment.question`, such as `1.1`.
  public var questionID: String
  public var question: String
  public var referenceAnswer: String
  public var answer: String
  /// The gold grade, 0–5.
  public var grade: Double
  /// The line the answer is on.
  public var line: Int

  /// The assignment: the part of the question id before the first `.`.
  public var assignment: String {
    String(questionID.prefix { $0 != "." })
  }
}

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

/// Reads the tab-separated graded-answer files of `rehearse eval`.
public enum GradedAnswersFile {
  static let columns = [
    "question_id", "question", "reference_answer", "student_answer", "grade_avg",
  ]

  /// The largest file read: many times the published short-answer sets (Mohler's is 290 KB).
  public static let maximumBytes = 64 * 1024 * 1024

  /// The answers in the file at `path`.
  public static func read(path: String) throws(GradedAnswersError) -> [GradedAnswer] {
    let text: String
    do {
      text = try TextFile.read(path: path, limit: maximumBytes)
    } catch {
      throw .unreadable(error)
    }
    return try parse(text, path: path)
  }

  /// The answers in `text`, read from the file shown as `path`.
  public static func parse(_ text: String, path: String) throws(GradedAnswersError)
    -> [GradedAnswer]
  {
    let bytes = Array(text.utf8)
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append(bytes[start..<index])
      start = index + 1
    }
    if start < bytes.count { lines.append(bytes[start...]) }
    guard let headerBytes = lines.first else { throw .empty(path: path) }
    let header = line(headerBytes)
    let names = header.split(separator: "\t", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    var position: [String: Int] = [:]
    for column in columns {
      guard let index = names.firstIndex(of: column) else {
        throw .missingColumn(path: path, column: column)
      }
      position[column] = index
    }
    var answers: [GradedAnswer] = []
    for (offset, lineBytes) in lines.enumerated().dropFirst() {
      let number = offset + 1
      guard !lineBytes.isEmpty, !(lineBytes.count == 1 && lineBytes.first == 0x0D) else {
        continue
      }
      let fields = line(lineBytes).split(separator: "\t", omittingEmptySubsequences: false).map(
        String.init)
      guard fields.count >= names.count else {
        throw .tooFewFields(path: path, line: number, found: fields.count, expected: names.count)
      }
      if fields.contains(where: { $0.utf8.count > AnswerInput.maximumBytes }) {
        throw .tooLong(path: path, line: number, limit: AnswerInput.maximumBytes)
      }
      func field(_ column: String) -> String { fields[position[column]!] }
      for column in ["question_id", "question", "reference_answer"] where field(column).isEmpty {
        throw .emptyField(path: path, line: number, column: column)
      }
      let gradeText = field("grade_avg").trimmingCharacters(in: .whitespaces)
      guard let grade = Double(gradeText), (0...5).contains(grade) else {
        throw .badGrade(path: path, line: number, value: gradeText)
      }
      answers.append(
        GradedAnswer(
          questionID: field("question_id"), question: field("question"),
          referenceAnswer: field("reference_answer"), answer: field("student_answer"),
          grade: grade, line: number))
    }
    guard !answers.isEmpty else { throw .empty(path: path) }
    return answers
  }

  /// The text of one line, without its carriage return; the file is known to be UTF-8.
  private static func line(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)
  }
}
