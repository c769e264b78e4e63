/// Reads the graded bank-answer files of `rehearse eval` (`data/bank-answers/README.md`): a header
/// naming question_id, variant, human_grade, reason and answer; tabs, newlines and backslashes
/// inside a field written `\t`, `\n` and `\\`.
public enum BankAnswersFile {
  static let columns = ["question_id", "variant", "human_grade", "reason", "answer"]

  /// Whether `text` is a file of this kind, by its header.
  public static func matches(_ text: String) -> Bool {
    TSVTable.header(text, names: "human_grade")
  }

  /// The answers in `text`, read from the file shown as `path`.
  public static func parse(_ text: String, path: String) throws(GradedAnswersError) -> [BankAnswer]
  {
    let table = try TSVTable(text, path: path, required: columns)
    return try table.records { row throws(GradedAnswersError) in
      BankAnswer(
        questionID: try table.nonEmpty(row, "question_id"),
        variant: try table.nonEmpty(row, "variant"),
        humanGrade: try table.grade(row, "human_grade", range: 0...100),
        reason: unescape(table.field(row, "reason")), answer: unescape(table.field(row, "answer")),
        line: row.line)
    }
  }

  /// A field with its `\t`, `\n` and `\\` read back as a tab, a line break and a backslash; any
  /// other backslash is kept as written.
  static func unescape(_ field: String) -> String {
    guard field.contains("\\") else { return field }
    var result = ""
    var escaped = false
    for character in field {
      if escaped {
        switch character {
        case "t": result.append("\t")
        case "n": result.append("\n")
        case "\\": result.append("\\")
        default: result += "\\" + String(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    if escaped { result.append("\\") }
    return result
  }
}
