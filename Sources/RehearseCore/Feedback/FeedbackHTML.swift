/// Feedback as HTML, for `export --format html`: every user string escaped, code in `<pre>`.
public enum FeedbackHTML {
  /// The elements of one answer's feedback, after the answer itself.
  public static func lines(_ feedback: Feedback) -> [String] {
    var lines: [String] = []
    if let note = feedback.outcomeNote {
      lines.append("<p class=\"note\">\(escape(note))</p>")
    }
    if feedback.cappedBelowStrong {
      lines.append("<p class=\"note\">\(escape(Feedback.capNote))</p>")
    }
    if let note = feedback.coverageNote {
      lines.append("<p class=\"note\">\(escape(note))</p>")
    }
    if let note = feedback.meaningNote {
      lines.append("<p class=\"note\">\(escape(note))</p>")
    }
    if let execution = feedback.execution {
      lines += executionLines(execution)
    }
    if !feedback.pointsScore && feedback.hasTalkingPoints {
      lines.append("<p class=\"note\">\(escape(Feedback.discussionNote))</p>")
    }
    if feedback.hasTalkingPoints || !feedback.misconceptions.isEmpty {
      lines.append("<ul class=\"points\">")
      for point in feedback.made {
        lines.append("<li class=\"hit\">✓ \(escape(point.label))\(evidence(point.evidence))</li>")
      }
      for point in feedback.partlyMade {
        lines.append(
          "<li class=\"partial\">~ \(escape(point.label))\(required(point)) "
            + "<span class=\"credit\">\(TextLayout.percent(point.credit)) of its weight</span>"
            + "\(evidence(point.evidence))\(readsLike(point))</li>")
      }
      for point in feedback.missed {
        lines.append(
          "<li class=\"miss\">✗ \(escape(point.label))\(required(point))\(readsLike(point))</li>")
      }
      for point in feedback.toDiscuss {
        lines.append("<li class=\"discuss\">• \(escape(point.label))</li>")
      }
      for misconception in feedback.misconceptions {
        let penalty =
          misconception.penalty > 0
          ? " <span class=\"penalty\">(−\(Int(misconception.penalty)))</span>" : ""
        lines.append(
          "<li class=\"wrong\">! \(escape(misconception.label))\(penalty)"
            + "\(evidence(misconception.evidence)) → \(escape(misconception.correction))</li>")
      }
      lines.append("</ul>")
    }
    if let star = feedback.star {
      let parts = StarPart.allCases.map { (star.star[$0] ? "✓ " : "✗ ") + $0.rawValue }
      lines.append("<p class=\"star\">STAR: \(escape(parts.joined(separator: ", ")))</p>")
      if let pipeline = star.pipeline {
        let parts = PipelinePart.allCases.map { (pipeline[$0] ? "✓ " : "✗ ") + $0.rawValue }
        lines.append("<p class=\"star\">Pipeline: \(escape(parts.joined(separator: ", ")))</p>")
      }
      if !star.findings.isEmpty {
        lines.append("<ul>")
        for finding in star.findings { lines.append("<li>\(escape(finding))</li>") }
        lines.append("</ul>")
      }
    }
    if let story = feedback.story {
      lines.append(
        "<p class=\"note\">The stored story: <code>rehearse story show \(escape(story))</code></p>")
    }
    let modelAnswer = feedback.modelAnswerParts
    if feedback.modelAnswerTemplate, let text = feedback.modelAnswer {
      lines.append("<h3>Model answer</h3>")
      lines.append("<p class=\"note template\">\(escape(ModelAnswerTemplate.note))</p>")
      lines.append(
        "<div class=\"model\">"
          + ModelAnswerTemplate.marked(
            text, placeholders: feedback.placeholders, plain: escape,
            mark: { "<mark class=\"placeholder\">\(escape($0))</mark>" }) + "</div>")
      if let story = feedback.fittingStory {
        lines += storyLines(story)
      }
    } else if !modelAnswer.isEmpty {
      lines.append("<h3>Model answer</h3>")
      for part in modelAnswer {
        switch part {
        case .code(let text, let language): lines.append(code(text, language: language.rawValue))
        case .prose(let text): lines.append("<div class=\"model\">\(escape(text))</div>")
        case .nothing: break
        }
      }
    }
    if let followUp = feedback.followUp {
      lines.append("<p><strong>Follow-up to think about:</strong> \(escape(followUp))</p>")
    }
    return lines
  }

  /// What running the code found: the tally, the error or limit, each check, the differing rows.
  static func executionLines(_ report: ExecutionReport) -> [String] {
    guard report.isScored else {
      return [
        "<p class=\"wrong\">Not run: \(escape(report.message ?? "the code could not be run"))</p>"
      ]
    }
    var lines = [
      "<p class=\"\(report.outcome == .passed ? "hit" : "miss")\">"
        + "\(report.language == .sql ? "Checks" : "Tests"): "
        + "\(report.passedCount)/\(report.checks.count) passed"
        + (report.message.map { " — " + escape($0) } ?? "") + "</p>",
      "<ul class=\"points\">",
    ]
    for check in report.checks {
      var line =
        "<li class=\"\(check.passed ? "hit" : "miss")\">\(check.passed ? "✓" : "✗") "
        + "<code>\(escape(check.name))</code>"
      if !check.passed, let expected = check.expected { line += " — expected \(escape(expected))" }
      if !check.passed, let actual = check.actual, actual != report.message {
        line += " — got \(escape(actual))"
      }
      lines.append(line + "</li>")
    }
    lines.append("</ul>")
    if let rows = report.rows {
      lines.append(
        "<div class=\"scroll\"><table class=\"rows\"><tr><th>expected, not returned</th>"
          + "<th>returned, not expected</th></tr>")
      for (expected, actual) in rows.sideBySide {
        lines.append("<tr><td>\(escape(expected))</td><td>\(escape(actual))</td></tr>")
      }
      lines.append("</table></div>")
    }
    return lines
  }

  /// The candidate's best-fitting story: title and slug, competencies, result, and the command
  /// that shows it.
  static func storyLines(_ story: FittingStory) -> [String] {
    var lines = [
      "<div class=\"fitting-story\">",
      "<p><strong>\(escape(FittingStory.heading)):</strong> \(escape(story.title)) "
        + "(<code>\(escape(story.slug))</code>)</p>",
    ]
    if !story.competencies.isEmpty {
      lines.append("<p>Shows: \(escape(story.competencies.joined(separator: ", ")))</p>")
    }
    if !story.result.isEmpty { lines.append("<p>Result: \(escape(story.result))</p>") }
    lines.append("<p><code>\(escape(story.command))</code></p>")
    lines.append("</div>")
    return lines
  }

  static func required(_ point: Feedback.Point) -> String {
    point.required ? " <em>(required)</em>" : ""
  }

  static func evidence(_ quotes: [String]) -> String {
    quotes.isEmpty
      ? ""
      : " <span class=\"evidence\">"
        + quotes.map { "“\(escape($0))”" }.joined(separator: " … ") + "</span>"
  }

  /// Code in a `<pre>` block, its lines and indentation exactly as written.
  public static func code(_ text: String, language: String) -> String {
    "<pre><code class=\"language-\(language)\">\(escape(text))</code></pre>"
  }

  /// `&`, `<`, `>`, `"` and `'` as character references, safe in text and in quoted attributes;
  /// the text is `TerminalText.safe` first, so that a page printed to a terminal cannot drive it
  /// and a bidirectional override cannot reorder the page.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in TerminalText.safe(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// The sentence a point not fully made reads like, after the point; empty without one.
  static func readsLike(_ point: Feedback.Point) -> String {
    point.readsLike.map { " <span class=\"reads-like\">reads like: “\(escape($0))”</span>" } ?? ""
  }
}
