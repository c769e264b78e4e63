/// Renders a scored answer as the feedback a candidate reads.
public enum ScoreReport {
  /// Score and band, the talking points hit with the words that earned them, the points missed,
  /// and any misconceptions with their corrections.
  public static func render(_ scored: ScoredAnswer, style: TextStyle) -> String {
    var lines: [String] = []
    lines.append(
      "\(style.bold(scored.question))  score \(style.bold("\(scored.score)/100"))  "
        + style.band(scored.band))
    if scored.cappedByRequired {
      lines.append(style.dim("  capped below strong: a required talking point is missing"))
    }
    let checked = scored.execution?.isScored == true
    if let execution = scored.execution {
      lines += executionLines(execution, style: style)
    }
    if checked && !(scored.hits.isEmpty && scored.misses.isEmpty) {
      lines.append("")
      lines.append(style.dim("The talking points below are for the discussion; the checks score."))
    }
    if !scored.hits.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points made"))
      for hit in scored.hits {
        let quotes = hit.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
        lines.append(
          "  \(style.green("✓")) \(hit.point)" + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
      }
    }
    if !scored.misses.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points missed"))
      for miss in scored.misses {
        let required = miss.required ? style.yellow(" (required)") : ""
        if miss.credit > 0 {
          let quotes = miss.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
          lines.append(
            "  \(style.yellow("~")) \(miss.point)\(required)  \(style.dim("partly: " + quotes))")
        } else {
          lines.append("  \(style.red("✗")) \(miss.point)\(required)")
        }
      }
    }
    if !scored.misconceptions.isEmpty {
      lines.append("")
      lines.append(style.bold("Misconceptions"))
      for misconception in scored.misconceptions {
        let penalty =
          misconception.penalty > 0 ? style.red(" (−\(Int(misconception.penalty)))") : ""
        let quotes = misconception.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
        lines.append("  \(style.red("!")) \(misconception.label)\(penalty)  \(style.dim(quotes))")
        lines.append("    → \(misconception.correction)")
      }
    }
    if let star = scored.star {
      lines.append("")
      lines += starLines(star, style: style)
    }
    return lines.joined(separator: "\n")
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
