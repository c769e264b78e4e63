/// Plain-text layout helpers shared by the reports.
enum TextLayout {
  /// A share from 0 to 1 as a whole percentage: `0.25` as `25%`.
  static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded()))%"
  }

  /// `text` cut to `width` characters, ending in `…` when cut.
  static func truncate(_ text: String, to width: Int) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard flat.count > width else { return flat }
    return String(flat.prefix(max(0, width - 1))) + "…"
  }

  /// `text` padded with spaces to `width` characters.
  static func pad(_ text: String, to width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// Rows of cells as aligned columns; the last column is not padded.
  static func table(_ rows: [[String]], separator: String = "  ") -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : pad(cell, to: widths[index])
      }.joined(separator: separator)
    }.joined(separator: "\n")
  }

  /// Every line of `text` as it is, indented: code, whose lines must not be joined or wrapped.
  static func indentLines(_ text: String, indent: String = "  ") -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : indent + $0
    }.joined(separator: "\n")
  }

  /// `text` word-wrapped to `width` columns, each line prefixed with `indent`; lines that start
  /// with white space (code) are not wrapped.

  static func wrap(_ text: String, width: Int = 96, indent: String = "  ") -> String {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      // An indented line is code or a list: kept as it is.
      if paragraph.first?.isWhitespace == true {
        lines.append(indent + paragraph)
        continue
      }
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width - indent.count {
          lines.append(indent + line)
          line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
      }
      lines.append(indent + line)
    }
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
