import Foundation

/// The `progress` report as one self-contained HTML page: inline CSS and SVG, no scripts, no
/// external files or fonts, every user string escaped.
public enum ProgressHTML {
  /// The page.
  public static func render(_ report: ProgressReport) -> String {
    let escape = FeedbackHTML.escape
    var body: [String] = []
    let scope = [
      report.component.map { "of \($0.title)" }, report.since.map { "since \($0.iso)" },
    ].compactMap { $0 }
    let heading = "Rehearse progress" + (scope.isEmpty ? "" : " " + scope.joined(separator: " "))
    body.append("<h1>\(escape(heading))</h1>")
    guard let range = report.calendarRange else {
      body.append(
        "<p class=\"empty\">"
          + escape(
            ProgressReports.text(report, style: .plain).replacingOccurrences(of: "\n", with: " "))
          + "</p>")
      return page(heading, body)
    }
    body.append(
      "<p class=\"facts\">\(escape(range.lowerBound.iso)) to \(escape(range.upperBound.iso))"
        + " · made \(escape(report.today.iso))</p>")
    body.append("<div class=\"stats\">")
    let mean = report.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
    for (value, label) in [
      ("\(report.daysPractised)", "days practised"),
      ("\(report.currentStreak)", "day streak now"),
      ("\(report.longestStreak)", "longest streak"),
      ("\(report.answers)", "answers"),
      (mean, "mean score"),
    ] {
      body.append("<div><strong>\(value)</strong><span>\(label)</span></div>")
    }
    body.append("</div>")

    body.append("<h2>Score trend</h2>")
    body.append("<figure>")
    body.append(ProgressSVG.trend(report))
    body.append(
      "<figcaption>The mean score of each practice day, per component, from the first "
        + "practice day to today (adequate from \(Band.adequateThreshold), strong from "
        + "\(Band.strongThreshold)).</figcaption>")
    body.append("</figure>")

    body.append("<h2>Practice days</h2>")
    body.append("<figure class=\"scroll\">")
    body.append(ProgressSVG.calendar(report))
    body.append(
      "<figcaption>Each day from the first practice day to today, shaded by the answers given; "
        + "today is outlined.</figcaption>")
    body.append("</figure>")

    body.append("<h2>Bands</h2>")
    body.append("<p>" + bandKey() + "</p>")
    body.append("<figure>")
    body.append(ProgressSVG.bands(report))
    body.append("<figcaption>The share of each component's answers in each band.</figcaption>")
    body.append("</figure>")
    body.append("<figure>")
    body.append(ProgressSVG.weeklyBands(report))
    body.append(
      "<figcaption>Answers per week, Monday to Sunday, by band.</figcaption>")
    body.append("</figure>")

    body.append("<h2>Components</h2>")
    body += componentTable(report)
    body += clearedLists(report)
    return page(heading, body)
  }

  private static func bandKey() -> String {
    [Band.strong, .adequate, .weak].map { band in
      "<span class=\"key\"><span class=\"swatch\" style=\"background:"
        + "\(TranscriptHTML.colour(band))\"></span>\(band.rawValue)</span>"
    }.joined(separator: " ")
  }

  private static func componentTable(_ report: ProgressReport) -> [String] {
    let escape = FeedbackHTML.escape
    var lines = [
      "<div class=\"scroll\"><table>",
      "<tr><th>Component</th><th>Days</th><th>Answers</th><th>Mean</th><th>Strong</th>"
        + "<th>Adequate</th><th>Weak</th><th>Seen of bank</th><th>Cleared</th></tr>",
    ]
    for component in report.components {
      lines.append(
        "<tr><td><span class=\"swatch\" style=\"background:"
          + "\(ProgressSVG.colour(component.component))\"></span>\(escape(component.title))</td>"
          + "<td>\(component.daysPractised)</td><td>\(component.answers)</td>"
          + "<td>\(Int(component.meanScore.rounded()))</td><td>\(component.bands.strong)</td>"
          + "<td>\(component.bands.adequate)</td><td>\(component.bands.weak)</td>"
          + "<td>\(component.seen.map { "\($0)" } ?? "-")\(component.total.map { " of \($0)" } ?? "")</td>"
          + "<td>\(component.cleared)</td></tr>")
    }
    for item in report.notPractised {
      lines.append(
        "<tr class=\"unpractised\"><td>\(escape(item.title))</td><td colspan=\"6\">"
          + "not practised yet</td><td>0\(item.total.map { " of \($0)" } ?? "")</td>"
          + "<td>0</td></tr>")
    }
    lines.append("</table></div>")
    return lines
  }

  private static func clearedLists(_ report: ProgressReport) -> [String] {
    let escape = FeedbackHTML.escape
    let cleared = report.components.filter { !$0.clearedPoints.isEmpty }
    guard !cleared.isEmpty else { return [] }
    var lines = [
      "<h2>Talking points cleared</h2>",
      "<p class=\"facts\">Points an earlier answer missed and the newest answer to the same "
        + "question made, the newest first.</p>",
    ]
    for component in cleared {
      lines.append(
        "<details><summary>\(escape(component.title)): \(component.cleared) "
          + "point\(component.cleared == 1 ? "" : "s")</summary><ul class=\"cleared\">")
      for point in component.clearedPoints {
        lines.append(
          "<li>✓ \(escape(point.point)) <span class=\"facts\">· \(escape(point.question)) · "
            + "\(escape(point.clearedOn.iso)) · missed \(point.misses)× before</span></li>")
      }
      lines.append("</ul></details>")
    }
    return lines
  }

  private static func page(_ title: String, _ body: [String]) -> String {
    HTMLPage.render(
      title: title, body: body,
      style: """
        h2 { margin-top: 2rem; font-size: 1.2rem; }
        .facts, figcaption, .empty { color: #555; }
        figure { margin: 0.5rem 0 1.25rem; }
        svg { height: auto; display: block; }
        .stats { display: flex; flex-wrap: wrap; gap: 0.75rem; }
        .stats div { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 7rem; }
        .stats strong { display: block; font-size: 1.6rem; }
        .stats span { color: #555; font-size: 0.9em; }
        .key { margin-right: 1rem; white-space: nowrap; }
        .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
        .scroll { overflow-x: auto; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 0.75rem 1.5rem; }
        table { border-collapse: collapse; font-size: 0.95em; overflow-wrap: normal; }
        td, th { border-bottom: 1px solid #e4e4e4; padding: 0.25rem 0.45rem; text-align: right; }
        td { white-space: nowrap; }
        th { font-weight: 600; vertical-align: bottom; }
        td:first-child, th:first-child { text-align: left; }
        tr.unpractised td { color: #888; }
        ul.cleared { list-style: none; padding-left: 0.5rem; }
        ul.cleared li { color: #2e7d32; }
        ul.cleared .facts { color: #555; }
        """)
  }
}
