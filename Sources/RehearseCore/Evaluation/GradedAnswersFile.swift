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
    try parse(text(atPath: path), path: path)
  }

  /// The text of a graded-answer file of either kind (this one, or `BankAnswersFile`'s).
  public static func text(atPath path: String) throws(GradedAnswersError) -> String {
    do {
      return try TextFile.read(path: path, limit: maximumBytes)
    } catch {
      throw .unreadable(error)
    }
  }

  /// The answers in `text`, read from the file shown as `path`.
  public static func parse(_ text: String, path: String) throws(GradedAnswersError)
    -> [GradedAnswer]
  {
    let table = try TSVTable(text, path: path, required: columns)
    return try table.records { row throws(GradedAnswersError) in
      GradedAnswer(
        questionID: try table.nonEmpty(row, "question_id"),
        question: try table.nonEmpty(row, "question"),
        referenceAnswer: try table.nonEmpty(row, "reference_answer"),
        answer: table.field(row, "student_answer"),
        grade: try table.grade(row, "grade_avg", range: 0...5), line: row.line)
    }
  }
}
