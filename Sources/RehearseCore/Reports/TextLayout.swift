/// Plain-text layout helpers shared by the reports: widths that ignore colour codes, prose
/// wrapped to a width, tables that fit one.
///
/// The rules: prose is broken at spaces; a word longer than the line (a URL, a path, a long
/// identifier) is kept whole on a line of its own, since broken it could be neither copied nor
/// clicked; code keeps its lines, whatever their length; a table cuts the cells of its one
/// flexible column with `…` so that its rows fit.
enum TextLayout {
  /// A share from 0 to 1 as a whole percentage: `0.25` as `25%`.
  static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded()))%"
  }

  /// `text` on one line, cut to `width` characters, ending in `…` when cut.
  static func truncate(_ text: String, to width: Int) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard flat.count > width else { return flat }
    return String(flat.prefix(max(0, width - 1))) + "…"
  }

  /// The columns `text` takes on a terminal: its characters, less ANSI escape codes and the
  /// `\u{01}`…`\u{02}` markers readline prompts put around them.
  static func visibleWidth(_ text: some StringProtocol) -> Int {
    stripEscapes(text).count
  }

  /// `text` padded with spaces to `width` visible columns.
  static func pad(_ text: String, to width: Int) -> String {
    let visible = visibleWidth(text)
    return visible >= width ? text : text + String(repeating: " ", count: width - visible)
  }

  /// The narrowest a table's flexible column is cut to before it moves under its rows.
  static let narrowestFlexibleColumn = 16

  /// Rows of cells as aligned columns, the first row the header; the last column is not padded.
  ///
  /// With a `width`, a row wider than it gives way in its `flexible` column: the column's cells
  /// are cut with `…` to fit; when that would leave them fewer than `narrowestFlexibleColumn`
  /// columns, each row's cell goes on a line of its own under the row instead, indented and cut
  /// to the width, and the header leaves it out. Other columns are never cut.
  static func table(
    _ rows: [[String]], separator: String = "  ", width: Int? = nil, flexible: Int? = nil
  ) -> String {
    tableRows(rows, separator: separator, width: width, flexible: flexible)
      .joined(separator: "\n")
  }

  /// The rows of `table(_:separator:width:flexible:)`, one text per row: a row whose flexible
  /// cell went under it is two lines.
  static func tableRows(
    _ rows: [[String]], separator: String = "  ", width: Int? = nil, flexible: Int? = nil
  ) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], visibleWidth(cell))
      }
    }
    func aligned(_ rows: [[String]], _ widths: [Int]) -> [String] {
      rows.map { row in
        row.enumerated().map { index, cell in
          index == row.count - 1 ? cell : pad(cell, to: widths[index])
        }.joined(separator: separator)
      }
    }
    let total = widths.reduce(0, +) + separator.count * (columns - 1)
    guard let width, let flexible, flexible < columns, total > width else {
      return aligned(rows, widths)
    }
    let room = widths[flexible] - (total - width)
    if room >= narrowestFlexibleColumn {
      var widths = widths
      widths[flexible] = room
      let cut = rows.map { row in
        row.enumerated().map { index, cell in index == flexible ? truncate(cell, to: room) : cell }
      }
      return aligned(cut, widths)
    }
    let indent = "    "
    let kept = rows.map { row in row.enumerated().filter { $0.offset != flexible }.map(\.element) }
    var keptWidths = widths
    keptWidths.remove(at: flexible)
    return aligned(kept, keptWidths).enumerated().map { index, line in
      guard index > 0, flexible < rows[index].count, !rows[index][flexible].isEmpty else {
        return line
      }
      return line + "\n" + indent + truncate(rows[index][flexible], to: width - indent.count)
    }
  }

  /// Every line of `text` as it is, indented: code, whose lines must not be joined or wrapped.
  static func indentLines(_ text: String, indent: String = "  ") -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : indent + $0
    }.joined(separator: "\n")
  }

  /// `text` word-wrapped to `width` columns, each line prefixed with `indent`.
  ///
  /// A line that starts with white space (code, a table) is kept as it is. With `joinLines`, the
  /// lines of a paragraph are joined before wrapping, as Markdown reads them: for text whose
  /// authors broke its lines at some other width (the bank's model answers, a story's sections).
  /// Without it each line is wrapped on its own, as an answer typed line by line is. A list item
  /// (`- `, `* `, `• `, `1. `) starts a paragraph, and its lines hang under its text.
  static func wrap(_ text: String, width: Int, indent: String = "  ", joinLines: Bool = false)
    -> String
  {
    var lines: [String] = []
    for paragraph in paragraphs(text, joinLines: joinLines) {
      if paragraph.isEmpty {
        lines.append("")
      } else if paragraph.first?.isWhitespace == true {
        lines.append(indent + paragraph)
      } else {
        let hanging = indent + String(repeating: " ", count: listMarkerWidth(paragraph))
        lines += fold(indent + paragraph, width: width, hanging: hanging)
      }
    }
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The lines of `text` as paragraphs: with `joinLines`, each run of lines that continue one
  /// another joined with spaces.
  private static func paragraphs(_ text: String, joinLines: Bool) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
    guard joinLines else { return lines }
    var paragraphs: [String] = []
    var continues = false
    for line in lines {
      let startsBlock =
        line.isEmpty || line.first?.isWhitespace == true || listMarkerWidth(line) > 0
      if continues && !startsBlock {
        paragraphs[paragraphs.count - 1] += " " + line
      } else {
        paragraphs.append(line)
      }
      continues = !line.isEmpty && line.first?.isWhitespace != true
    }
    return paragraphs
  }

  /// The width of the list or feedback marker `line` starts with (`- `, `• `, `12. `, `✓ `,
  /// `→ ` …), or 0.
  static func listMarkerWidth(_ line: some StringProtocol) -> Int {
    if let first = line.first, "-*•✓✗~!→".contains(first), line.dropFirst().first == " " {
      return 2
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return 0 }
    let rest = line.dropFirst(digits.count)
    return rest.hasPrefix(". ") || rest.hasPrefix(") ") ? digits.count + 2 : 0
  }

  /// `line` folded to `width` columns, its continuation lines hanging under its text: after its
  /// indent and a marker such as `✓ `, `• ` or `1. `, or two columns in.
  static func fit(_ line: String, width: Int) -> String {
    guard visibleWidth(line) > width else { return line }
    let plain = stripEscapes(line)
    let indent = plain.prefix { $0 == " " }.count
    let hanging = indent + max(2, listMarkerWidth(plain.dropFirst(indent)))
    return fold(line, width: width, hanging: String(repeating: " ", count: hanging))
      .joined(separator: "\n")
  }

  /// `line` broken at spaces into lines of at most `width` visible columns, the first keeping the
  /// line's own indent and the others starting with `hanging`; a word wider than that stays whole
  /// on a line of its own. Colour set on a broken line is reset at its end and set again after
  /// the hanging indent, so each line stands alone (as a pager shows it).
  static func fold(_ line: String, width: Int, hanging: String) -> [String] {
    guard visibleWidth(line) > width else { return [line] }
    let reset = "\u{1B}[0m"
    var lines: [String] = []
    var current = String(line.prefix { $0 == " " })
    var currentWidth = current.count
    var hasWord = false
    // The colour codes in force at the end of `current`.
    var active: [Substring] = []
    for (gap, word) in words(of: line.drop { $0 == " " }) {
      let wordWidth = visibleWidth(word)
      if hasWord && currentWidth + gap.count + wordWidth > width {
        lines.append(current + (active.isEmpty ? "" : reset))
        current = hanging + active.joined()
        currentWidth = hanging.count
        hasWord = false
      } else if hasWord {
        current += gap
        currentWidth += gap.count
      }
      current += word
      currentWidth += wordWidth
      hasWord = true
      for code in escapeCodes(in: word) {
        if code == reset || code == "\u{1B}[m" { active = [] } else { active.append(code) }
      }
    }
    lines.append(current)
    return lines
  }

  /// The words of `text` with the run of spaces before each (empty for the first).
  private static func words(of text: Substring) -> [(gap: Substring, word: Substring)] {
    var result: [(Substring, Substring)] = []
    var index = text.startIndex
    while index < text.endIndex {
      let wordStart = text[index...].firstIndex { $0 != " " } ?? text.endIndex
      guard wordStart < text.endIndex else { break }
      let wordEnd = text[wordStart...].firstIndex(of: " ") ?? text.endIndex
      result.append((text[index..<wordStart], text[wordStart..<wordEnd]))
      index = wordEnd
    }
    return result
  }

  /// The SGR escape codes (`ESC [ … m`) in `text`, in order.
  private static func escapeCodes(in text: Substring) -> [Substring] {
    var codes: [Substring] = []
    var index = text.startIndex
    while let escape = text[index...].firstIndex(of: "\u{1B}") {
      guard let end = text[escape...].firstIndex(where: { $0 == "m" }) else { break }
      codes.append(text[escape...end])
      index = text.index(after: end)
    }
    return codes
  }

  /// `text` without its ANSI escape codes and readline markers.
  static func stripEscapes(_ text: some StringProtocol) -> String {
    var result = ""
    var inEscape = false
    var afterEscape = false
    for character in text {
      if afterEscape {
        afterEscape = false
        inEscape = character == "["
        continue
      }
      if inEscape {
        if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) {
          inEscape = false
        }
        continue
      }
      switch character {
      case "\u{1B}": afterEscape = true
      case "\u{01}", "\u{02}": continue
      default: result.append(character)
      }
    }
    return result
  }
}
