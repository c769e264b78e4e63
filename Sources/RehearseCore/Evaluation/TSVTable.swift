import Foundation

/// A tab-separated file with a header row, as the graded-answer files of `rehearse eval` are:
/// fields by column name, each row with its line.
struct TSVTable {
  /// One row of fields, with the line it is on.
  struct Row {
    var line: Int
    var fields: [String]
  }

  let path: String
  let rows: [Row]
  private let position: [String: Int]

  /// Parses `text`, read from `path`; every column of `required` must be in the header, and no
  /// field may be longer than an answer can be. Blank lines are skipped; `\r\n` endings are read.
  init(_ text: String, path: String, required: [String]) throws(GradedAnswersError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let header = lines.first else { throw .empty(path: path) }
    let names = header.split(separator: "\t", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    var position: [String: Int] = [:]
    for column in required {
      guard let index = names.firstIndex(of: column) else {
        throw .missingColumn(path: path, column: column, columns: required)
      }
      position[column] = index
    }
    var rows: [Row] = []
    for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let number = offset + 1
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= names.count else {
        throw .tooFewFields(path: path, line: number, found: fields.count, expected: names.count)
      }
      if fields.contains(where: { $0.utf8.count > AnswerInput.maximumBytes }) {
        throw .tooLong(path: path, line: number, limit: AnswerInput.maximumBytes)
      }
      rows.append(Row(line: number, fields: fields))
    }
    self.path = path
    self.rows = rows
    self.position = position
  }

  /// Whether a header line names `column`.
  static func header(_ text: String, names column: String) -> Bool {
    let header = text.prefix { $0 != "\n" }
    return header.split(separator: "\t").contains {
      $0.trimmingCharacters(in: .whitespacesAndNewlines) == column
    }
  }

  /// Each row read by `read`, in order; a file without rows is an error.
  func records<Record>(_ read: (Row) throws(GradedAnswersError) -> Record)
    throws(GradedAnswersError) -> [Record]
  {
    var records: [Record] = []
    for row in rows { records.append(try read(row)) }
    guard !records.isEmpty else { throw .empty(path: path) }
    return records
  }

  /// The field of `row` in the required `column`.
  func field(_ row: Row, _ column: String) -> String {
    row.fields[position[column]!]
  }

  /// The field of `row` in the required `column`, which must not be empty.
  func nonEmpty(_ row: Row, _ column: String) throws(GradedAnswersError) -> String {
    let value = field(row, column)
    if value.isEmpty { throw .emptyField(path: path, line: row.line, column: column) }
    return value
  }

  /// The grade in `column` of `row`, a number within `range`.
  func grade(_ row: Row, _ column: String, range: ClosedRange<Double>) throws(GradedAnswersError)
    -> Double
  {
    let text = field(row, column).trimmingCharacters(in: .whitespaces)
    guard let grade = Double(text), range.contains(grade) else {
      throw .badGrade(path: path, line: row.line, column: column, value: text, range: range)
    }
    return grade
  }
}
