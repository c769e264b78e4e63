import Foundation

/// The transcript as one self-contained HTML page: no scripts, no external files, every user
/// string escaped, and an inline SVG chart of the mean score per component.
public enum TranscriptHTML {
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
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" "
        + "style=\"max-width:\(width)px\" viewBox=\"0 0 \(width) \(height)\" "
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
          + "\(FeedbackHTML.escape(score.component.title))</text>")
      parts.append(
        "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"18\" "
          + "fill=\"\(colour(band))\"><title>\(FeedbackHTML.escape(score.component.title)): \(value) "
          + "(\(score.answers) answer\(score.answers == 1 ? "" : "s"))</title></rect>")
      parts.append(
        "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\" font-size=\"13\">\(value)</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// The page; `questions` supply the model answers and follow-ups, `stories` the candidate's
  /// best-fitting story beside a behavioural model answer.
  public static func render(
    _ transcript: SessionTranscript, questions: [String: Question] = [:], stories: [Story] = [],
    timeZone: TimeZone = .current
  ) -> String {
    let scores = SessionText.componentScores(transcript.answers)
    let mean = transcript.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
    var body: [String] = []
    body.append("<h1>Rehearse session \(transcript.id)</h1>")
    body.append(
      "<p class=\"facts\">Started \(FeedbackHTML.escape(TranscriptReports.localTime(transcript.startedAt, timeZone: timeZone)))"
        + " · \(FeedbackHTML.escape(TranscriptReports.status(transcript)))"
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
      let feedback = Feedback(answer, question: questions[answer.questionID], stories: stories)
      body.append("<section>")
      body.append(
        "<h2>\(answer.position + 1). \(FeedbackHTML.escape(answer.questionID)) "
          + "<span class=\"badge\" style=\"background:\(colour(feedback.band))\">"
          + "\(feedback.score) · \(feedback.band.rawValue)</span></h2>")
      body.append(
        "<p class=\"facts\">\(FeedbackHTML.escape(answer.component.title)) · "
          + "\(FeedbackHTML.escape(answer.outcome.rawValue.replacingOccurrences(of: "_", with: " "))) · "
          + "\(SessionText.clock(answer.secondsUsed)) · \(answer.hintsUsed) hints</p>")
      body.append("<p class=\"prompt\">\(FeedbackHTML.escape(answer.prompt))</p>")
      switch feedback.shown(answer.text) {
      case .nothing: body.append("<blockquote><em>(nothing typed)</em></blockquote>")
      case .code(let code, let language):
        body.append(FeedbackHTML.code(code, language: language.rawValue))
      case .prose(let text): body.append("<blockquote>\(FeedbackHTML.escape(text))</blockquote>")
      }
      body += FeedbackHTML.lines(feedback)
      body.append("</section>")
    }
    return page(transcript.id, body)
  }

  private static func page(_ id: Int64, _ body: [String]) -> String {
    HTMLPage.render(
      title: "Rehearse session \(id)", body: body,
      style: """
        .facts { color: #555; }
        .prompt { font-weight: 600; }
        blockquote, .model { white-space: pre-wrap; border-left: 4px solid #ccc; margin: 0.5rem 0; padding: 0.25rem 0.75rem; background: #f7f7f7; }
        pre { overflow-x: auto; background: #f4f4f4; border-left: 4px solid #999; margin: 0.5rem 0; padding: 0.5rem 0.75rem; }
        pre, code, table.rows { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        svg { height: auto; }
        .badge { color: #fff; border-radius: 4px; padding: 0 0.4rem; font-size: 0.8em; white-space: nowrap; }
        .hit { color: #2e7d32; } .miss { color: #c62828; } .wrong, .partial { color: #b26a00; }
        .note, .credit, .penalty { color: #555; font-style: italic; }
        .evidence { color: #555; font-style: italic; }
        ul { list-style: none; padding-left: 0.5rem; }
        .scroll { overflow-x: auto; }
        table.rows { border-collapse: collapse; }
        table.rows td, table.rows th { border: 1px solid #ddd; padding: 0.1rem 0.5rem; text-align: left; }
        """)
  }
}
