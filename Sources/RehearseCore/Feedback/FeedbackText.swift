/// Feedback as the text a candidate reads at the terminal: after an answer, from `score`, and in
/// `review`.
public enum FeedbackText {
  /// Score and band, the cap, the code checks, the talking points made (with the words that made
  /// them), partly made (with the credit), missed and to discuss, misconceptions with their penalty and
  /// correction, the STAR reading, the model answer and the follow-up.
  public static func render(_ feedback: Feedback, style: TextStyle) -> String {
    var lines: [String] = []
    if let note = feedback.outcomeNote {
      lines.append(feedback.outcome == .skipped ? style.dim(note) : style.yellow(note))
    }
    lines.append(
      "\(style.bold(feedback.question))  score \(style.bold("\(feedback.score)/100"))  "
        + style.band(feedback.band))
    if feedback.cappedBelowStrong {
      lines.append(style.dim("  " + Feedback.capNote))
    }
    if let note = feedback.coverageNote {
      lines.append(style.dim("  " + note))
    }
    if let execution = feedback.execution {
      lines += executionLines(execution, style: style)
    }
    if !feedback.pointsScore && feedback.hasTalkingPoints {
      lines.append("")
      lines.append(style.dim(Feedback.discussionNote))
    }
    if !feedback.made.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points made"))
      for point in feedback.made {
        let quotes = quoted(point.evidence)
        lines.append(
          "  \(style.green("✓")) \(point.label)" + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
      }
    }
    if !feedback.partlyMade.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points partly made"))
      for point in feedback.partlyMade {
        let required = point.required ? style.yellow(" (required)") : ""
        let quotes = quoted(point.evidence)
        lines.append(
          "  \(style.yellow("~")) \(point.label)\(required)  "
            + style.dim(
              "\(TextLayout.percent(point.credit)) of its weight"
                + (quotes.isEmpty ? "" : ": " + quotes)))
      }
    }
    if !feedback.missed.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points missed"))
      for point in feedback.missed {
        let required = point.required ? style.yellow(" (required)") : ""
        lines.append("  \(style.red("✗")) \(point.label)\(required)")
      }
    }
    if !feedback.toDiscuss.isEmpty {
      lines.append("")
      lines.append(style.bold("To discuss"))
      for point in feedback.toDiscuss {
        lines.append("  • \(point.label)")
      }
    }
    if !feedback.misconceptions.isEmpty {
      lines.append("")
      lines.append(style.bold("Misconceptions"))
      for misconception in feedback.misconceptions {
        let penalty =
          misconception.penalty > 0 ? style.red(" (−\(Int(misconception.penalty)))") : ""
        let quotes = quoted(misconception.evidence)
        lines.append(
          "  \(style.red("!")) \(misconception.label)\(penalty)"
            + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
        lines.append("    → \(misconception.correction)")
      }
    }
    if let star = feedback.star {
      lines.append("")
      lines += starLines(star, style: style)
    }
    if let story = feedback.story {
      lines.append("")
      lines.append(style.dim("The stored story: rehearse story show \(story)"))
    }
    if let modelAnswer = feedback.modelAnswer {
      lines.append("")
      lines.append(style.bold("Model answer"))
      lines.append(
        feedback.codeLanguage == nil
          ? TextLayout.wrap(modelAnswer) : TextLayout.indentLines(modelAnswer))
    }
    if let followUp = feedback.followUp {
      lines.append("")
      lines.append(style.bold("Follow-up to think about: ") + followUp)
    }
    if let hints = feedback.hintsUsed, hints > 0 {
      lines.append(style.dim("Hints used: \(hints)"))
    }
    return lines.joined(separator: "\n")
  }

  /// Evidence as quotations joined by `…`.
  static func quoted(_ evidence: [String]) -> String {
    evidence.map { "\"\($0)\"" }.joined(separator: " … ")
  }

  /// The longest check name or value shown before it is cut.
  static let shownLength = 110

  /// What running the code found: each check with expected and actual when it failed, the
  /// error or the limit that stopped it, and the rows that differ.
  public static func executionLines(_ report: ExecutionReport, style: TextStyle) -> [String] {
    func cut(_ text: String) -> String {
      let flat = text.replacingOccurrences(of: "\n", with: " ")
      return flat.count <= shownLength ? flat : String(flat.prefix(shownLength - 1)) + "…"
    }
    var lines = [""]
    guard report.isScored else {
      lines.append(
        style.yellow("Not run: ") + (report.message ?? "the code could not be run")
          + "; the score comes from the talking points.")
      return lines
    }
    let title = report.language == .sql ? "Checks" : "Tests"
    let tally = "\(report.passedCount)/\(report.checks.count) passed"
    lines.append(
      style.bold(title) + "  "
        + (report.outcome == .passed ? style.green(tally) : style.red(tally)))
    if let message = report.message {
      let label =
        switch report.outcome {
        case .error: report.language == .sql ? "SQLite: " : "Python: "
        case .refused: "Refused: "
        case .timedOut, .tooManyRows, .outOfMemory: "Stopped: "
        default: ""
        }
      lines.append("  " + style.red(label) + message)
    }
    for check in report.checks {
      lines.append(
        "  \(check.passed ? style.green("✓") : style.red("✗")) \(cut(check.name))")
      guard !check.passed, check.expected != nil || check.actual != nil else { continue }
      if let expected = check.expected {
        lines.append(style.dim("      expected ") + cut(expected))
      }
      if let actual = check.actual, actual != report.message {
        lines.append(style.dim("      got      ") + cut(actual))
      }
    }
    if let rows = report.rows {
      lines.append("")
      lines += rowLines(rows, style: style)
    }
    return lines
  }

  /// The first rows that differ, expected beside got, with both row counts.
  static func rowLines(_ rows: ExecutionReport.RowDifference, style: TextStyle) -> [String] {
    let width = 46
    func fit(_ text: String) -> String {
      text.count <= width ? TextLayout.pad(text, to: width) : String(text.prefix(width - 1)) + "…"
    }
    var lines = [
      style.bold("Rows that differ: ")
        + "\(rows.expectedRowCount) expected, \(rows.actualRowCount) returned",
      style.dim("  expected columns (\(rows.expectedColumns.joined(separator: ", ")))"),
      "  " + fit("expected, not returned") + "  " + "returned, not expected",
    ]
    for (expected, actual) in rows.sideBySide {
      lines.append(
        "  "
          + (actual.isEmpty
            ? style.red(expected)
            : style.red(fit(expected)) + "  "
              + style.yellow(actual)))
    }
    return lines
  }

  /// The STAR reading: the parts found, the pipeline parts, and one line per finding.
  public static func starLines(_ star: StarFeedback, style: TextStyle) -> [String] {
    func mark(_ present: Bool, _ name: String) -> String {
      (present ? style.green("✓") : style.red("✗")) + " " + name
    }
    var lines = [
      style.bold("STAR") + "  "
        + StarPart.allCases.map { mark(star.star[$0], $0.rawValue) }.joined(separator: "  ")
    ]
    if let pipeline = star.pipeline {
      lines.append(
        style.bold("Pipeline") + "  "
          + PipelinePart.allCases.map { mark(pipeline[$0], $0.rawValue) }.joined(separator: "  "))
    }
    for finding in star.findings {
      lines.append("  \(style.yellow("•")) \(finding)")
    }
    return lines
  }
}
