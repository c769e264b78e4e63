import Foundation

/// The forms of debriefs: `debrief list` and `show`, their rows in `history`, and the JSON,
/// Markdown and HTML of `export`.
public enum DebriefReports {
  // MARK: - JSON shapes

  /// One question of a debrief in JSON.
  public struct ShownQuestion: Codable, Equatable, Sendable {
    public var position: Int
    public var question: String
    /// `well`, `partly` or `badly`; absent when not rated.
    public var rating: String?
    public var answer: String
    public var improve: String
    /// The own question made from it, once there is one.
    public var ownQuestion: String?
  }

  /// `debrief show --format json` and `export dN --format json`.
  public struct Shown: Codable, Equatable, Sendable {
    /// Always `debrief`.
    public var kind: String
    /// `d3`.
    public var id: String
    public var company: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var round: String
    public var role: String?
    public var interviewer: String?
    public var complete: Bool
    public var questions: [ShownQuestion]
    public var conclusions: String
    public var companyNotes: String
  }

  /// One row of `debrief list --format json`, and a debrief's entry in `history --format json`.
  public struct Row: Codable, Equatable, Sendable {
    /// Always `debrief`.
    public var kind: String
    public var id: String
    public var date: String
    public var company: String
    public var round: String
    public var role: String?
    /// How many questions were asked.
    public var questions: Int
    /// How many questions went `well`, `partly` and `badly`.
    public var ratings: [String: Int]
    public var complete: Bool
  }

  public static func shown(_ debrief: Debrief) -> Shown {
    Shown(
      kind: "debrief", id: debrief.label, company: debrief.company, date: debrief.day.iso,
      round: debrief.round, role: debrief.role, interviewer: debrief.interviewer,
      complete: debrief.complete,
      questions: debrief.questions.enumerated().map { index, asked in
        ShownQuestion(
          position: index + 1, question: asked.text, rating: asked.rating?.rawValue,
          answer: asked.answer, improve: asked.improve, ownQuestion: asked.ownQuestionID)
      }, conclusions: debrief.conclusions, companyNotes: debrief.companyNotes)
  }

  /// The debrief a `Shown` JSON describes: what `shown` made it from.
  public static func debrief(from shown: Shown) -> Debrief? {
    guard let id = Debrief.number(in: shown.id, bareNumber: false),
      let day = LocalDay(iso: shown.date)
    else { return nil }
    return Debrief(
      id: id, company: shown.company, day: day, round: shown.round, role: shown.role,
      interviewer: shown.interviewer,
      questions: shown.questions.map {
        AskedQuestion(
          text: $0.question, rating: $0.rating.flatMap(DebriefRating.init(rawValue:)),
          answer: $0.answer, improve: $0.improve, ownQuestionID: $0.ownQuestion)
      }, conclusions: shown.conclusions, companyNotes: shown.companyNotes,
      complete: shown.complete)
  }

  public static func row(_ debrief: Debrief) -> Row {
    var ratings: [String: Int] = [:]
    for rating in DebriefRating.allCases {
      ratings[rating.rawValue] = debrief.questions.filter { $0.rating == rating }.count
    }
    return Row(
      kind: "debrief", id: debrief.label, date: debrief.day.iso, company: debrief.company,
      round: debrief.round, role: debrief.role, questions: debrief.questions.count,
      ratings: ratings, complete: debrief.complete)
  }

  // MARK: - Text

  /// `debrief list` as a table, newest interview first.
  public static func listText(_ debriefs: [Debrief], style: TextStyle) -> String {
    guard !debriefs.isEmpty else {
      return "No debriefs yet. After a real interview, record one with: rehearse debrief"
    }
    var rows = [["ID", "DATE", "COMPANY", "ROUND", "QUESTIONS", "HOW IT WENT"]]
    for debrief in debriefs {
      rows.append([
        debrief.label, debrief.day.iso, TerminalText.safe(debrief.company),
        TerminalText.safe(debrief.round), "\(debrief.questions.count)",
        debrief.ratingCounts + (debrief.complete ? "" : " (incomplete)"),
      ])
    }
    return TextLayout.table(rows, width: style.width, flexible: 3)
  }

  /// The cells of a debrief's row in the `history` table, under its headings (ID, STARTED,
  /// COMPONENTS, ANSWERS, MEAN, TIME, STATUS).
  static func historyCells(_ debrief: Debrief) -> [String] {
    let count = debrief.questions.count
    return [
      debrief.label, debrief.day.iso,
      "debrief · " + TerminalText.safe(debrief.company) + " · " + TerminalText.safe(debrief.round),
      "\(count) asked", "-", "-",
      debrief.complete ? debrief.ratingCounts : "incomplete",
    ]
  }

  /// `debrief show`: the whole debrief for a person, in lines of the style's width.
  public static func showText(_ debrief: Debrief, style: TextStyle) -> String {
    var lines: [String] = []
    var header = [
      "Debrief \(debrief.label)", debrief.day.iso, TerminalText.safe(debrief.company),
      TerminalText.safe(debrief.round),
    ]
    if let role = debrief.role { header.append(TerminalText.safe(role)) }
    if !debrief.complete { header.append("incomplete") }
    lines.append(TextLayout.fit(style.bold(header.joined(separator: " · ")), width: style.width))
    if let interviewer = debrief.interviewer {
      lines.append(style.dim("Interviewer: " + TerminalText.safe(interviewer)))
    }
    lines.append(style.dim("How it went: " + debrief.ratingCounts))
    if debrief.questions.isEmpty {
      lines.append("")
      lines.append("No questions were recorded.")
    }
    for (index, asked) in debrief.questions.enumerated() {
      lines.append("")
      let rating = asked.rating.map(\.rawValue) ?? "not rated"
      lines.append(
        TextLayout.fit(
          style.bold("\(index + 1). ") + style.dim("[\(rating)]"), width: style.width))
      lines.append(TextLayout.wrap(TerminalText.safe(asked.text), width: style.width))
      lines += block("What you answered", asked.answer, style: style)
      lines += block("To improve", asked.improve, style: style)
      if let own = asked.ownQuestionID {
        lines.append(style.dim("  Own question: " + TerminalText.safe(own)))
      }
    }
    if !debrief.conclusions.isEmpty {
      lines.append("")
      lines += block("Conclusions", debrief.conclusions, style: style)
    }
    if !debrief.companyNotes.isEmpty {
      lines.append("")
      lines += block("About the company", debrief.companyNotes, style: style)
    }
    return lines.joined(separator: "\n")
  }

  /// A heading and its free text, or nothing when it is empty; the text's paragraphs are
  /// reflowed as a story's sections are (a file's lines were broken at another width), its list
  /// items and indented lines kept.
  private static func block(_ heading: String, _ text: String, style: TextStyle) -> [String] {
    guard !text.isEmpty else { return [] }
    return [
      style.bold(heading),
      TextLayout.wrap(TerminalText.safe(text), width: style.width, joinLines: true),
    ]
  }

  // MARK: - Markdown

  /// The debrief as Markdown; user text is escaped and quoted as transcripts are, so it cannot
  /// break the document's structure.
  public static func markdown(_ debrief: Debrief) -> String {
    let inline = FeedbackMarkdown.inline
    var lines: [String] = []
    lines.append(
      "# Debrief \(debrief.label): \(inline(debrief.company)) · \(inline(debrief.round))")
    lines.append("")
    var facts = ["Interview on \(debrief.day.iso)"]
    if let role = debrief.role { facts.append("role: " + inline(role)) }
    if let interviewer = debrief.interviewer { facts.append("interviewer: " + inline(interviewer)) }
    facts.append("\(debrief.questions.count) questions")
    facts.append("how it went: " + debrief.ratingCounts)
    if !debrief.complete { facts.append("incomplete") }
    lines.append("*" + facts.joined(separator: " · ") + "*")
    for (index, asked) in debrief.questions.enumerated() {
      lines.append("")
      lines.append("## \(index + 1). \(inline(asked.text))")
      lines.append("")
      lines.append("*How it went: \(asked.rating?.rawValue ?? "not rated")*")
      for (label, text) in [("Answered.", asked.answer), ("To improve.", asked.improve)]
      where !text.isEmpty {
        lines.append("")
        lines.append("**\(label)**")
        lines.append("")
        lines.append(FeedbackMarkdown.quote(text))
      }
    }
    for (heading, text) in [
      ("Conclusions", debrief.conclusions), ("About the company", debrief.companyNotes),
    ] where !text.isEmpty {
      lines.append("")
      lines.append("## \(heading)")
      lines.append("")
      lines.append(FeedbackMarkdown.quote(text))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
