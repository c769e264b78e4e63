import Foundation

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
