/// The Markdown form of a debrief that `debrief add --from` reads (docs/formats.md).
///
/// ```
/// ---
/// company: NetEase
/// date: 2026-11-20
/// round: technical 1
/// ---
///
/// ## Questions
///
/// ### How familiar are you with cloud infrastructure like GCP/AWS?
///
/// Went: badly
/// Answered: The basic concepts only …
///
/// Improve: A cloud project of my own …
///
/// ## Conclusions
/// ## About the company
/// ```
///
/// A label starts a line; what it labels runs on over the lines and paragraphs after it until the
/// next label or heading.
public enum DebriefFile {
  /// The largest debrief file read.
  public static let maximumBytes = Debrief.maximumBytes

  /// The front-matter keys.
  static let fields = ["company", "date", "round", "role", "interviewer"]

  /// The debrief in the file at `path`; `today` dates one whose front matter has no date.
  public static func read(path: String, today: LocalDay) throws(DebriefFileError) -> Debrief {
    let text: String
    do {
      text = try TextFile.read(path: path, limit: maximumBytes)
    } catch {
      throw .unreadable(error)
    }
    return try parse(text, file: path, today: today)
  }

  /// The debrief in `text`, read from the file shown as `file`; the first problem is thrown.
  public static func parse(_ text: String, file: String, today: LocalDay) throws(DebriefFileError)
    -> Debrief
  {
    let body =
      text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
      AnswerDraft.removingControlCharacters(String($0))
    }
    guard lines.first?.trimmedWhitespace == "---" else { throw .missingFrontMatter(file: file) }
    guard
      let close = lines.indices.dropFirst().first(where: { lines[$0].trimmedWhitespace == "---" })
    else { throw .unclosedFrontMatter(file: file, line: 1) }
    var values: [String: String] = [:]
    for index in 1..<close {
      let line = lines[index]
      if line.trimmedWhitespace.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw .notAField(file: file, line: index + 1)
      }
      let key = String(line[..<colon]).trimmedWhitespace.lowercased()
      guard fields.contains(key) else {
        throw .unknownField(
          file: file, line: index + 1, key: key, suggestion: closestKey(to: key, among: fields))
      }
      let value = unquoted(withoutComment(String(line[line.index(after: colon)...])))
      if key == "date", LocalDay(iso: value) == nil {
        throw .invalidDate(file: file, line: index + 1, value: value)
      }
      values[key] = value
    }
    for key in ["company", "round"] where (values[key] ?? "").isEmpty {
      throw .missingField(file: file, line: close + 1, key: key)
    }
    var debrief = Debrief(
      company: values["company"] ?? "", day: values["date"].flatMap(LocalDay.init(iso:)) ?? today,
      round: values["round"] ?? "", role: values["role"].flatMap { $0.isEmpty ? nil : $0 },
      interviewer: values["interviewer"].flatMap { $0.isEmpty ? nil : $0 })
    try readSections(lines, from: close + 1, file: file, into: &debrief)
    return debrief
  }

  private enum Section { case none, questions, conclusions, company }
  private enum Field { case none, went, answered, improve }

  /// Reads the sections after the front matter into `debrief`.
  private static func readSections(
    _ lines: [String], from start: Int, file: String, into debrief: inout Debrief
  ) throws(DebriefFileError) {
    var section = Section.none
    var field = Field.none
    var conclusions: [String] = []
    var notes: [String] = []
    // The lines of the current question's current field.
    var fieldLines: [String] = []
    func closeField() {
      guard !debrief.questions.isEmpty else { return }
      let text = trimmedBlock(fieldLines)
      let last = debrief.questions.count - 1
      switch field {
      case .answered: debrief.questions[last].answer = text
      case .improve: debrief.questions[last].improve = text
      case .went, .none: break
      }
      fieldLines = []
    }
    for index in start..<lines.count {
      let line = lines[index]
      let number = index + 1
      let trimmed = line.trimmedWhitespace
      if trimmed.hasPrefix("## ") || trimmed == "##" {
        closeField()
        field = .none
        let heading = String(trimmed.dropFirst(2)).trimmedWhitespace
        switch heading.lowercased() {
        case "questions": section = .questions
        case "conclusions": section = .conclusions
        case "about the company", "company": section = .company
        default: throw .unknownSection(file: file, line: number, heading: heading)
        }
        continue
      }
      if trimmed.hasPrefix("### ") || trimmed == "###" {
        let question = String(trimmed.dropFirst(3)).trimmedWhitespace
        guard section == .questions, !question.isEmpty else {
          throw .misplacedQuestion(file: file, line: number)
        }
        closeField()
        field = .none
        debrief.questions.append(AskedQuestion(text: question))
        continue
      }
      switch section {
      case .none:
        if !trimmed.isEmpty { throw .textOutsideSection(file: file, line: number) }
      case .conclusions: conclusions.append(line)
      case .company: notes.append(line)
      case .questions:
        if trimmed.isEmpty {
          fieldLines.append("")
          continue
        }
        if let (label, rest) = labelled(trimmed) {
          closeField()
          guard !debrief.questions.isEmpty else {
            throw .misplacedQuestion(file: file, line: number)
          }
          field = label
          if label == .went {
            guard rest.isEmpty || DebriefRating(typed: rest) != nil else {
              throw .unknownRating(file: file, line: number, value: rest)
            }
            debrief.questions[debrief.questions.count - 1].rating = DebriefRating(typed: rest)
            field = .none
          } else if !rest.isEmpty {
            fieldLines.append(rest)
          }
          continue
        }
        guard field != .none, !debrief.questions.isEmpty else {
          throw .unlabelledText(file: file, line: number)
        }
        fieldLines.append(line)
      }
    }
    closeField()
    debrief.conclusions = trimmedBlock(conclusions)
    debrief.companyNotes = trimmedBlock(notes)
  }

  /// The label a paragraph starts with, and the text after it.
  private static func labelled(_ line: String) -> (Field, String)? {
    let labels: [(String, Field)] = [
      ("went:", .went), ("rating:", .went), ("answered:", .answered), ("improve:", .improve),
    ]
    let lower = line.lowercased()
    for (label, field) in labels where lower.hasPrefix(label) {
      return (field, String(line.dropFirst(label.count)).trimmedWhitespace)
    }
    return nil
  }

  /// Lines joined, without the empty lines before and after them.
  static func trimmedBlock(_ lines: [String]) -> String {
    var lines = lines
    while lines.first?.trimmedWhitespace.isEmpty == true { lines.removeFirst() }
    while lines.last?.trimmedWhitespace.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// A value without a ` # comment` after it, trimmed; a quoted value keeps its `#`.
  private static func withoutComment(_ value: String) -> String {
    let trimmed = value.trimmedWhitespace
    if let quote = trimmed.first, quote == "\"" || quote == "'",
      let close = trimmed.dropFirst().firstIndex(of: quote)
    {
      return String(trimmed[...close])
    }
    guard let comment = trimmed.range(of: " #") else { return trimmed }
    return String(trimmed[..<comment.lowerBound]).trimmedWhitespace
  }

  /// A value without the quotes around it, as YAML would read `"technical 1"`.
  private static func unquoted(_ value: String) -> String {
    guard value.count >= 2, let first = value.first, first == "\"" || first == "'",
      value.last == first
    else { return value }
    return String(value.dropFirst().dropLast())
  }
}
