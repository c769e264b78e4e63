import Foundation

/// The transcript as one self-contained HTML page: no scripts, no external files, every user
/// string escaped, and an inline SVG chart of the mean score per component.
public enum TranscriptHTML {
  /// `&`, `<`, `>`, `"` and `'` as character references, safe in text and in quoted attributes.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
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

  /// The colour of a band in the chart and the badges.
  static func colour(_ band: Band) -> String {
    switch band {
    case .strong: "#2e7d32"
    case .adequate: "#b26a00"
    case .weak: "#c62828"
    }
  }

  /// A horizontal bar chart of the mean score (0–100) of each component, with the band limits.
  public static func chart(_ scores: [SessionText.ComponentScore]) -> String {
    let rowHeight = 28
    let labelWidth = 150
    let barWidth = 400
    let top = 24
    let height = top + max(1, scores.count) * rowHeight + 8
    let width = labelWidth + barWidth + 50
    var parts: [String] = []
    parts.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" "
        + "height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        + "aria-label=\"Mean score per component\">")
    parts.append("<title>Mean score per component</title>")
    for limit in [0, Band.adequateThreshold, Band.strongThreshold, 100] {
      let x = labelWidth + barWidth * limit / 100
      parts.append(
        "<line x1=\"\(x)\" y1=\"\(top - 6)\" x2=\"\(x)\" y2=\"\(height - 8)\" "
          + "stroke=\"#bbb\" stroke-dasharray=\"3 3\"/>")
      parts.append(
        "<text x=\"\(x)\" y=\"\(top - 10)\" font-size=\"11\" text-anchor=\"middle\" "
          + "fill=\"#666\">\(limit)</text>")
    }
    for (index, score) in scores.enumerated() {
      let y = top + index * rowHeight
      let value = Int(score.meanScore.rounded())
      let length = barWidth * min(100, max(0, value)) / 100
      let band = Band(score: value)
      parts.append(
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" font-size=\"13\" text-anchor=\"end\">"
          + "\(escape(score.component.title))</text>")
      parts.append(
        "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"18\" "
          + "fill=\"\(colour(band))\"><title>\(escape(score.component.title)): \(value) "
          + "(\(score.answers) answer\(score.answers == 1 ? "" : "s"))</title></rect>")
      parts.append(
        "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\" font-size=\"13\">\(value)</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// The page.
  public static func render(_ transcript: SessionTranscript, timeZone: TimeZone = .current)
    -> String
  {
    let scores = SessionText.componentScores(transcript.answers)
    let mean = transcript.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
    var body: [String] = []
    body.append("<h1>Rehearse session \(transcript.id)</h1>")
    body.append(
      "<p class=\"facts\">Started \(escape(TranscriptReports.localTime(transcript.startedAt, timeZone: timeZone)))"
        + " · \(escape(TranscriptReports.status(transcript)))"
        + " · \(SessionText.clock(transcript.secondsUsed)) used of "
        + "\(SessionText.clock(Double(transcript.plan.sessionLimitSeconds)))"
        + " · \(transcript.answers.count) of \(transcript.plan.items.count) questions"
        + " · mean score <strong>\(mean)</strong></p>")
    body.append("<figure>")
    body.append(chart(scores))
    body.append(
      "<figcaption>Mean score per component (adequate from \(Band.adequateThreshold), "
        + "strong from \(Band.strongThreshold))</figcaption>")
    body.append("</figure>")
    for answer in transcript.answers {
      let band = answer.scored.band
      body.append("<section>")
      body.append(
        "<h2>\(answer.position + 1). \(escape(answer.questionID)) "
          + "<span class=\"badge\" style=\"background:\(colour(band))\">"
          + "\(answer.scored.score) · \(band.rawValue)</span></h2>")
      body.append(
        "<p class=\"facts\">\(escape(answer.component.title)) · "
          + "\(escape(answer.outcome.rawValue.replacingOccurrences(of: "_", with: " "))) · "
          + "\(SessionText.clock(answer.secondsUsed)) · \(answer.hintsUsed) hints</p>")
      body.append("<p class=\"prompt\">\(escape(answer.prompt))</p>")
      body.append(
        "<blockquote>\(answer.text.isEmpty ? "<em>(nothing typed)</em>" : escape(answer.text))"
          + "</blockquote>")
      if let execution = answer.scored.execution {
        body += executionHTML(execution)
      }
      if !answer.scored.hits.isEmpty || !answer.scored.misses.isEmpty {
        body.append("<ul>")
        for hit in answer.scored.hits {
          let evidence = hit.evidence.map { "“\(escape($0))”" }.joined(separator: " … ")
          body.append(
            "<li class=\"hit\">✓ \(escape(hit.point)) <span class=\"evidence\">\(evidence)</span></li>"
          )
        }
        for miss in answer.scored.misses {
          body.append(
            "<li class=\"miss\">✗ \(escape(miss.point))\(miss.required ? " <em>(required)</em>" : "")</li>"
          )
        }
        for misconception in answer.scored.misconceptions {
          body.append(
            "<li class=\"wrong\">! \(escape(misconception.label)) → "
              + "\(escape(misconception.correction))</li>")
        }
        body.append("</ul>")
      }
      if let star = answer.scored.star {
        let parts = StarPart.allCases.map { (star.star[$0] ? "✓ " : "✗ ") + $0.rawValue }
        body.append("<p class=\"star\">STAR: \(escape(parts.joined(separator: ", ")))</p>")
        if !star.findings.isEmpty {
          body.append("<ul>")
          for finding in star.findings { body.append("<li>\(escape(finding))</li>") }
          body.append("</ul>")
        }
      }
      body.append("</section>")
    }
    return page(transcript.id, body)
  }

  /// What running the code found: the tally, the error or limit, each check, the differing rows.
  static func executionHTML(_ report: ExecutionReport) -> [String] {
    guard report.isScored else {
      return [
        "<p class=\"wrong\">Not run: \(escape(report.message ?? "the code could not be run"))</p>"
      ]
    }
    var lines = [
      "<p class=\"\(report.outcome == .passed ? "hit" : "miss")\">"
        + "\(report.language == .sql ? "Checks" : "Tests"): \(report.passedCount)/\(report.checks.count) passed"
        + (report.message.map { " — " + escape($0) } ?? "") + "</p>",
      "<ul>",
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
        "<table class=\"rows\"><tr><th>expected, not returned</th><th>returned, not expected</th></tr>"
      )
      for (expected, actual) in rows.sideBySide {
        lines.append("<tr><td>\(escape(expected))</td><td>\(escape(actual))</td></tr>")
      }
      lines.append("</table>")
    }
    return lines
  }

  private static func page(_ id: Int64, _ body: [String]) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Rehearse session \(id)</title>
    <style>
    body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
    .facts { color: #555; }
    .prompt { font-weight: 600; }
    blockquote { white-space: pre-wrap; border-left: 4px solid #ccc; margin: 0.5rem 0; padding: 0.25rem 0.75rem; background: #f7f7f7; }
    .badge { color: #fff; border-radius: 4px; padding: 0 0.4rem; font-size: 0.8em; }
    .hit { color: #2e7d32; } .miss { color: #c62828; } .wrong { color: #b26a00; }
    .evidence { color: #555; font-style: italic; }
    ul { list-style: none; padding-left: 0.5rem; }
    table.rows { border-collapse: collapse; font-family: ui-monospace, monospace; font-size: 0.9em; }
    table.rows td, table.rows th { border: 1px solid #ddd; padding: 0.1rem 0.5rem; text-align: left; }
    </style>
    </head>
    <body>
    \(body.joined(separator: "\n"))
    </body>
    </html>

    """
  }
}
