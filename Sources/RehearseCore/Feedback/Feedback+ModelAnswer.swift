import Foundation

extension Feedback {
  /// `modelAnswer` in the parts it is shown in. For a question that asks for code (`language`),
  /// its code line for line, then the paragraphs after the code that explain it, as prose; for
  /// any other question, all of it as prose.
  ///
  /// Code must keep its lines, while prose is reflowed to the width it is shown at (the bank's
  /// explanations are written in lines of about 95 columns). The explanation is the run of
  /// paragraphs that ends the model answer and reads as sentences: no line indented, at least
  /// `proseWords` words, ending in `.`, `!` or `?`; code ends with `;`, `)` or a statement.
  public static func modelAnswerParts(_ modelAnswer: String, language: ExecutionReport.Language?)
    -> [ShownAnswer]
  {
    guard let language else { return [.prose(modelAnswer)] }
    let lines = modelAnswer.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
    // The paragraphs as ranges of lines, separated by blank lines.
    var paragraphs: [Range<Int>] = []
    var start: Int?
    for (index, line) in lines.enumerated() {
      if isBlank(line) {
        if let first = start { paragraphs.append(first..<index) }
        start = nil
      } else if start == nil {
        start = index
      }
    }
    if let first = start { paragraphs.append(first..<lines.count) }
    let trailingProse = paragraphs.reversed().prefix { isProse(lines[$0]) }.count
    guard trailingProse > 0 else { return [.code(modelAnswer, language: language)] }
    let proseStart = paragraphs[paragraphs.count - trailingProse].lowerBound
    // The code's own lines, without the blank lines around them.
    let code = lines[..<proseStart].drop(while: isBlank).reversed().drop(while: isBlank)
      .reversed().joined(separator: "\n")
    let prose = lines[proseStart...].joined(separator: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return (code.isEmpty ? [] : [.code(code, language: language)]) + [.prose(prose)]
  }

  /// The fewest words a paragraph of a code answer's explanation has.
  static let proseWords = 6

  /// Whether the lines of a paragraph read as sentences rather than code.
  private static func isProse(_ lines: ArraySlice<String>) -> Bool {
    guard let first = lines.first, first.first?.isLetter == true,
      lines.allSatisfy({ $0.first?.isWhitespace != true })
    else { return false }
    let text = lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    let end = text.reversed().drop { "\"'”’)".contains($0) }.first
    return end.map { ".!?".contains($0) } == true
      && text.split(separator: " ").count >= proseWords
  }

  /// The model answer of `question` in the parts it is shown in
  /// (`modelAnswerParts(_:language:)`).
  public static func modelAnswerParts(of question: Question) -> [ShownAnswer] {
    let language: ExecutionReport.Language? =
      question.kind == .sql ? .sql : question.kind == .python ? .python : nil
    return modelAnswerParts(question.modelAnswer, language: language)
  }

  /// This feedback's model answer in the parts it is shown in; empty when there is none.
  public var modelAnswerParts: [ShownAnswer] {
    guard let modelAnswer else { return [] }
    return Self.modelAnswerParts(modelAnswer, language: codeLanguage)
  }
}
