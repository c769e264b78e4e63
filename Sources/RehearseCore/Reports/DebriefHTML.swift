/// A debrief as one self-contained HTML page, every user string escaped as transcripts are.
public enum DebriefHTML {
  /// The page.
  public static func render(_ debrief: Debrief) -> String {
    let escape = FeedbackHTML.escape
    var body: [String] = []
    body.append(
      "<h1>Debrief \(debrief.label): \(escape(debrief.company)) · \(escape(debrief.round))</h1>")
    var facts = ["Interview on \(debrief.day.iso)"]
    if let role = debrief.role { facts.append("role: " + escape(role)) }
    if let interviewer = debrief.interviewer { facts.append("interviewer: " + escape(interviewer)) }
    facts.append("\(debrief.questions.count) questions")
    facts.append("how it went: " + escape(debrief.ratingCounts))
    if !debrief.complete { facts.append("incomplete") }
    body.append("<p class=\"facts\">\(facts.joined(separator: " · "))</p>")
    for (index, asked) in debrief.questions.enumerated() {
      let rating = asked.rating?.rawValue ?? "not rated"
      body.append("<section>")
      body.append(
        "<h2>\(index + 1). \(escape(asked.text)) <span class=\"badge \(rating == "not rated" ? "none" : rating)\">"
          + "\(rating)</span></h2>")
      for (label, text) in [("Answered", asked.answer), ("To improve", asked.improve)]
      where !text.isEmpty {
        body.append("<h3>\(label)</h3>")
        body.append("<blockquote>\(escape(text))</blockquote>")
      }
      body.append("</section>")
    }
    for (heading, text) in [
      ("Conclusions", debrief.conclusions), ("About the company", debrief.companyNotes),
    ] where !text.isEmpty {
      body.append("<h2>\(heading)</h2>")
      body.append("<blockquote>\(escape(text))</blockquote>")
    }
    return HTMLPage.render(
      title: "Rehearse debrief \(debrief.label)", body: body,
      style: """
        .facts { color: #555; }
        blockquote { white-space: pre-wrap; border-left: 4px solid #ccc; margin: 0.5rem 0; padding: 0.25rem 0.75rem; background: #f7f7f7; }
        .badge { color: #fff; border-radius: 4px; padding: 0 0.4rem; font-size: 0.8em; white-space: nowrap; background: #777; }
        .badge.well { background: #2e7d32; } .badge.partly { background: #b26a00; } .badge.badly { background: #c62828; }
        """)
  }
}
