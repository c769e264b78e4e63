/// Feedback as Markdown, for `export --format markdown`: every user and bank string escaped so
/// that it cannot change the document's structure, code in fenced blocks; both `TerminalText.safe`.
public enum FeedbackMarkdown {
  /// The lines of one answer's feedback, after the answer itself.
  public static func lines(_ feedback: Feedback) -> [String] {
    var lines: [String] = []
    if let note = feedback.outcomeNote {
      lines += ["", "*\(inline(note))*"]
    }
    if feedback.cappedBelowStrong {
      lines += ["", "*\(inline(Feedback.capNote))*"]
    }
    if let note = feedback.coverageNote {
      lines += ["", "*\(inline(note))*"]
    }
    if let note = feedback.meaningNote {
      lines += ["", "*\(inline(note))*"]
    }
    if let execution = feedback.execution {
      lines.append("")
      lines += executionLines(execution)
    }
    if !feedback.pointsScore && feedback.hasTalkingPoints {
      lines += ["", "*\(inline(Feedback.discussionNote))*"]
    }
    if !feedback.made.isEmpty {
      lines += ["", "Talking points made:"]
      for point in feedback.made {
        lines.append("- ✓ \(inline(point.label))" + evidence(point.evidence))
      }
    }
    if !feedback.partlyMade.isEmpty {
      lines += ["", "Talking points partly made:"]
      for point in feedback.partlyMade {
        lines.append(
          "- ~ \(inline(point.label))\(point.required ? " (required)" : "") — "
            + "\(TextLayout.percent(point.credit)) of its weight" + evidence(point.evidence)
            + readsLike(point))
      }
    }
    if !feedback.missed.isEmpty {
      lines += ["", "Talking points missed:"]
      for point in feedback.missed {
        lines.append(
          "- ✗ \(inline(point.label))\(point.required ? " (required)" : "")" + readsLike(point))
      }
    }
    if !feedback.toDiscuss.isEmpty {
      lines += ["", "To discuss:"]
      for point in feedback.toDiscuss {
        lines.append("- \(inline(point.label))")
      }
    }
    if !feedback.misconceptions.isEmpty {
      lines += ["", "Misconceptions:"]
      for misconception in feedback.misconceptions {
        let penalty = misconception.penalty > 0 ? " (−\(Int(misconception.penalty)))" : ""
        lines.append(
          "- ! \(inline(misconception.label))\(penalty)" + evidence(misconception.evidence)
            + " → " + inline(misconception.correction))
      }
    }
    if let star = feedback.star {
      lines.append("")
      lines.append(
        "STAR: "
          + StarPart.allCases.map { (star.star[$0] ? "✓ " : "✗ ") + $0.rawValue }
          .joined(separator: ", "))
      if let pipeline = star.pipeline {
        lines.append(
          "Pipeline: "
            + PipelinePart.allCases.map { (pipeline[$0] ? "✓ " : "✗ ") + $0.rawValue }
            .joined(separator: ", "))
      }
      for finding in star.findings { lines.append("- \(inline(finding))") }
    }
    if let story = feedback.story {
      lines += ["", "The stored story: `rehearse story show \(story)`"]
    }
    let modelAnswer = feedback.modelAnswerParts
    if feedback.modelAnswerTemplate, let text = feedback.modelAnswer {
      lines += ["", "**Model answer.** *\(inline(ModelAnswerTemplate.note))*", ""]
      lines.append(template(text, placeholders: feedback.placeholders))
      if let story = feedback.fittingStory {
        lines += [""] + storyLines(story)
      }
    } else if !modelAnswer.isEmpty {
      lines += ["", "**Model answer.**", ""]
      lines.append(
        modelAnswer.map { part in
          switch part {
          case .code(let text, let language): code(text, language: language.rawValue)
          case .prose(let text): quote(text)
          case .nothing: ""
          }
        }.joined(separator: "\n\n"))
    }
    if let followUp = feedback.followUp {
      lines += ["", "**Follow-up to think about.** " + inline(followUp)]
    }
    return lines
  }

  /// What running the code found: the tally, the error or limit, each check, and the rows that
  /// differ.
  static func executionLines(_ report: ExecutionReport) -> [String] {
    guard report.isScored else {
      return ["Not run: " + inline(report.message ?? "the code could not be run") + "."]
    }
    var lines = [
      "\(report.language == .sql ? "Checks" : "Tests"): \(report.passedCount)/"
        + "\(report.checks.count) passed"
        + (report.message.map { " — " + inline($0) } ?? "")
    ]
    for check in report.checks {
      var line = "- \(check.passed ? "✓" : "✗") " + inline(check.name)
      if !check.passed, let expected = check.expected {
        line += " — expected " + inline(expected)
      }
      if !check.passed, let actual = check.actual, actual != report.message {
        line += " — got " + inline(actual)
      }
      lines.append(line)
    }
    if let rows = report.rows {
      lines.append("")
      lines.append("| expected, not returned | returned, not expected |")
      lines.append("|---|---|")
      for (expected, actual) in rows.sideBySide {
        lines.append("| \(inline(expected)) | \(inline(actual)) |")
      }
    }
    return lines
  }

  /// A template model answer as a block quote, each placeholder as escaped brackets in
  /// emphasis (`*\[40%\]*`, shown as *[40%]*), which no escaping of the text can undo.
  static func template(_ text: String, placeholders: [ModelAnswerTemplate.Placeholder])
    -> String
  {
    // Line by line, as `quote` does; a placeholder broken across lines stays on its first.
    var lines: [String] = [""]
    for segment in ModelAnswerTemplate.segments(text, placeholders: placeholders) {
      if segment.isPlaceholder {
        let flat = segment.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        lines[lines.count - 1] += "*\\[" + inline(flat) + "\\]*"
        continue
      }
      let parts = segment.text.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, part) in parts.enumerated() {
        if index > 0 { lines.append("") }
        lines[lines.count - 1] += inline(String(part))
      }
    }
    return lines.map { "> " + $0 }.joined(separator: "\n")
  }

  /// The candidate's best-fitting story: title and slug, competencies, result, and the command
  /// that shows it.
  static func storyLines(_ story: FittingStory) -> [String] {
    var lines = [
      "**\(inline(FittingStory.heading)):** \(inline(story.title)) (`\(story.slug)`)"
    ]
    if !story.competencies.isEmpty {
      lines += ["", "Shows: " + inline(story.competencies.joined(separator: ", "))]
    }
    if !story.result.isEmpty { lines += ["", "Result: " + inline(story.result)] }
    lines += ["", "`\(story.command)`"]
    return lines
  }

  static func evidence(_ quotes: [String]) -> String {
    quotes.isEmpty ? "" : " — " + quotes.map { "“\(inline($0))”" }.joined(separator: " … ")
  }

  /// Text on one line, `TerminalText.safe`, with every character that could start Markdown
  /// structure escaped: emphasis and code, links, HTML tags and entities, headings (`#`, and the
  /// `===` and `---` under a line), quotes, list markers (`-`, `+`, `*`, and the `.` of `1.`),
  /// table pipes and fences.
  public static func inline(_ text: String) -> String {
    let flat = TerminalText.safe(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    // `1.` starts an ordered list only after the number a line starts with: that `.` is escaped
    // (every `)` is).
    let indent = flat.prefix { $0 == " " }.count
    let digits = flat.dropFirst(indent).prefix { $0.isASCII && $0.isNumber }.count
    let listDot = digits > 0 ? indent + digits : nil
    var result = ""
    for (offset, character) in flat.enumerated() {
      if "\\`*_{}[]<>()#+-!|~=&".contains(character) || (offset == listDot && character == ".") {
        result.append("\\")
      }
      result.append(character)
    }
    return result
  }

  /// Text as a block quote, every line escaped.
  public static func quote(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      "> " + inline(String($0))
    }.joined(separator: "\n")
  }

  /// Code as a fenced block in `language`, its lines exactly as written; the fence is longer than
  /// any run of backticks inside, so the code cannot close it.
  public static func code(_ text: String, language: String) -> String {
    let text = TerminalText.safe(text)
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + language + "\n" + text + "\n" + fence
  }

  /// The sentence a point not fully made reads like, after the point; empty without one.
  static func readsLike(_ point: Feedback.Point) -> String {
    point.readsLike.map { " — reads like: “\(inline($0))”" } ?? ""
  }
}
