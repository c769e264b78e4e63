/// Feedback as the text a candidate reads at the terminal: after an answer, from `score`, and in
/// `review`. What the answer, the bank or a run of code wrote is shown `TerminalText.safe`.
public enum FeedbackText {
  /// Score and band, the cap, the code checks, the talking points made (with the words that made
  /// them), partly made (with the credit), missed and to discuss, misconceptions with their penalty and
  /// correction, the STAR reading, the model answer and the follow-up.
  public static func render(_ feedback: Feedback, style: TextStyle) -> String {
    var lines: [String] = []
    // Every line but code is folded to the width, its continuation hanging under its text.
    func add(_ line: String) { lines.append(TextLayout.fit(line, width: style.width)) }
    func readsLike(_ point: Feedback.Point) {
      guard let sentence = point.readsLike else { return }
      add(style.dim("      reads like: " + quoted([sentence])))
    }
    if let note = feedback.outcomeNote {
      add(feedback.outcome == .skipped ? style.dim(note) : style.yellow(note))
    }
    add(
      "\(style.bold(TerminalText.safe(feedback.question)))  score \(style.bold("\(feedback.score)/100"))  "
        + style.band(feedback.band))
    if feedback.cappedBelowStrong {
      add(style.dim("  " + Feedback.capNote))
    }
    if let note = feedback.coverageNote {
      add(style.dim("  " + note))
    }
    if let note = feedback.meaningNote {
      add(style.dim("  " + note))
    }
    if let execution = feedback.execution {
      lines += executionLines(execution, style: style)
    }
    if !feedback.pointsScore && feedback.hasTalkingPoints {
      lines.append("")
      add(style.dim(Feedback.discussionNote))
    }
    if !feedback.made.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points made"))
      for point in feedback.made {
        let quotes = quoted(point.evidence)
        add(
          "  \(style.green("✓")) \(TerminalText.safe(point.label))"
            + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
      }
    }
    if !feedback.partlyMade.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points partly made"))
      for point in feedback.partlyMade {
        let required = point.required ? style.yellow(" (required)") : ""
        let quotes = quoted(point.evidence)
        add(
          "  \(style.yellow("~")) \(TerminalText.safe(point.label))\(required)  "
            + style.dim(
              "\(TextLayout.percent(point.credit)) of its weight"
                + (quotes.isEmpty ? "" : ": " + quotes)))
        readsLike(point)
      }
    }
    if !feedback.missed.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points missed"))
      for point in feedback.missed {
        let required = point.required ? style.yellow(" (required)") : ""
        add("  \(style.red("✗")) \(TerminalText.safe(point.label))\(required)")
        readsLike(point)
      }
    }
    if !feedback.toDiscuss.isEmpty {
      lines.append("")
      lines.append(style.bold("To discuss"))
      for point in feedback.toDiscuss {
        add("  • \(TerminalText.safe(point.label))")
      }
    }
    if !feedback.misconceptions.isEmpty {
      lines.append("")
      lines.append(style.bold("Misconceptions"))
      for misconception in feedback.misconceptions {
        let penalty =
          misconception.penalty > 0 ? style.red(" (−\(Int(misconception.penalty)))") : ""
        let quotes = quoted(misconception.evidence)
        add(
          "  \(style.red("!")) \(TerminalText.safe(misconception.label))\(penalty)"
            + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
        add("    → \(TerminalText.safe(misconception.correction))")
      }
    }
    if let star = feedback.star {
      lines.append("")
      lines += starLines(star, style: style)
    }
    if let story = feedback.story {
      lines.append("")
      add(style.dim("The stored story: rehearse story show \(TerminalText.safe(story))"))
    }
    let modelAnswer = feedback.modelAnswerParts
    if feedback.modelAnswerTemplate, let text = feedback.modelAnswer {
      lines.append("")
      lines.append(style.bold("Model answer"))
      add(style.dim("  " + ModelAnswerTemplate.note))
      lines.append(template(text, placeholders: feedback.placeholders, style: style))
      if let story = feedback.fittingStory {
        lines.append("")
        lines += storyLines(story, style: style)
      }
    } else if !modelAnswer.isEmpty {
      lines.append("")
      lines.append(style.bold("Model answer"))
      lines.append(shown(modelAnswer, width: style.width))
    }
    if let followUp = feedback.followUp {
      lines.append("")
      add(style.bold("Follow-up to think about: ") + TerminalText.safe(followUp))
    }
    if let hints = feedback.hintsUsed, hints > 0 {
      lines.append(style.dim("Hints used: \(hints)"))
    }
    return lines.joined(separator: "\n")
  }

  /// Text shown in `parts`, indented two columns: code line for line, prose wrapped to `width`
  /// (`joinLines` for prose whose line breaks are not its own, such as the bank's, whose lines
  /// were broken at another width).
  public static func shown(
    _ parts: [Feedback.ShownAnswer], width: Int, joinLines: Bool = true
  ) -> String {
    parts.map { part in
      switch part {
      case .nothing: "  (nothing typed)"
      case .code(let code, _): TextLayout.indentLines(TerminalText.safe(code))
      case .prose(let text):
        TextLayout.wrap(TerminalText.safe(text), width: width, joinLines: joinLines)
      }
    }.joined(separator: "\n\n")
  }

  /// A template model answer wrapped to the style's width, each placeholder in brackets
  /// (`[40%]`), underlined on a colour terminal.
  static func template(
    _ text: String, placeholders: [ModelAnswerTemplate.Placeholder], style: TextStyle
  ) -> String {
    let marked = ModelAnswerTemplate.marked(
      text, placeholders: placeholders, plain: TerminalText.safe,
      // A placeholder broken across the bank's lines stays one placeholder.
      mark: { style.underline("[" + TerminalText.safe($0.replacing("\n", with: " ")) + "]") })
    return TextLayout.wrap(marked, width: style.width, joinLines: true)
  }

  /// The candidate's best-fitting story: its title and slug, the competencies it shows, its
  /// result, and the command that shows it whole.
  static func storyLines(_ story: FittingStory, style: TextStyle) -> [String] {
    var lines = [
      TextLayout.fit(
        style.bold(FittingStory.heading + ": ") + TerminalText.safe(story.title) + " "
          + style.dim("(" + TerminalText.safe(story.slug) + ")"), width: style.width)
    ]
    if !story.competencies.isEmpty {
      lines.append(
        TextLayout.fit(
          style.dim("  shows: " + story.competencies.joined(separator: ", ")), width: style.width))
    }
    if !story.result.isEmpty {
      lines.append(
        TextLayout.wrap(
          "Result: " + TerminalText.safe(story.result), width: style.width, joinLines: true))
    }
    lines.append(style.dim("  " + story.command))
    return lines
  }

  /// Evidence as quotations joined by `…`.
  static func quoted(_ evidence: [String]) -> String {
    evidence.map { "\"\(TerminalText.safe($0))\"" }.joined(separator: " … ")
  }

  /// What running the code found: each check with expected and actual when it failed, the
  /// error or the limit that stopped it, and the rows that differ; names and values are cut to
  /// the style's width.
  public static func executionLines(_ report: ExecutionReport, style: TextStyle) -> [String] {
    func cut(_ text: String, after prefix: Int) -> String {
      TextLayout.truncate(TerminalText.safe(text), to: max(20, style.width - prefix))
    }
    func add(_ line: String) -> String { TextLayout.fit(line, width: style.width) }
    var lines = [""]
    guard report.isScored else {
      lines.append(
        add(
          style.yellow("Not run: ")
            + TerminalText.safe(report.message ?? "the code could not be run")
            + "; the score comes from the talking points."))
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
        case .timedOut, .tooManyRows, .outOfMemory, .overLimit: "Stopped: "
        default: ""
        }
      lines.append(add("  " + style.red(label) + TerminalText.safe(message)))
    }
    for check in report.checks {
      lines.append(
        "  \(check.passed ? style.green("✓") : style.red("✗")) \(cut(check.name, after: 4))")
      guard !check.passed, check.expected != nil || check.actual != nil else { continue }
      if let expected = check.expected {
        lines.append(style.dim("      expected ") + cut(expected, after: 15))
      }
      if let actual = check.actual, actual != report.message {
        lines.append(style.dim("      got      ") + cut(actual, after: 15))
      }
    }
    if let rows = report.rows {
      lines.append("")
      lines += rowLines(rows, style: style)
    }
    return lines
  }

  /// The first rows that differ, expected beside got, with both row counts; each side takes
  /// half the style's width, and a row longer than that is cut.
  static func rowLines(_ rows: ExecutionReport.RowDifference, style: TextStyle) -> [String] {
    let width = (style.width - 4) / 2
    func fit(_ text: String) -> String {
      TextLayout.pad(TextLayout.truncate(text, to: width), to: width)
    }
    let columns = TerminalText.safe(rows.expectedColumns.joined(separator: ", "))
    var lines = [
      style.bold("Rows that differ: ")
        + "\(rows.expectedRowCount) expected, \(rows.actualRowCount) returned",
      TextLayout.fit(
        style.dim("  expected columns (\(columns))"),
        width: style.width),
      "  " + fit("expected, not returned") + "  " + "returned, not expected",
    ]
    for (expected, actual) in rows.sideBySide.map({
      (TerminalText.safe($0.expected), TerminalText.safe($0.actual))
    }) {
      lines.append(
        "  "
          + (actual.isEmpty
            ? style.red(TextLayout.truncate(expected, to: width))
            : style.red(fit(expected)) + "  "
              + style.yellow(TextLayout.truncate(actual, to: width))))
    }
    return lines
  }

  /// The STAR reading: the parts found, the pipeline parts, and one line per finding, each line
  /// after `indent` and folded to the style's width.
  public static func starLines(_ star: StarFeedback, style: TextStyle, indent: String = "")
    -> [String]
  {
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
      lines.append("  \(style.yellow("•")) \(TerminalText.safe(finding))")
    }
    return lines.map { TextLayout.fit(indent + $0, width: style.width) }
  }
}
