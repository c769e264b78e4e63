import Foundation

/// The forms of saved sessions: `history`, `review` and `export` as text, JSON, Markdown and HTML.
public enum TranscriptReports {
  // MARK: - JSON shapes

  /// One row of `history --format json`.
  public struct HistoryRow: Codable, Equatable, Sendable {
    public var id: Int64
    public var started: String
    public var ended: String?
    public var ending: String?
    public var components: [String]
    public var planned: Int
    public var answers: Int
    public var meanScore: Double?
    /// Whether `meanScore` stands for the session: at least half its questions were answered.
    public var meanRepresentative: Bool
    public var secondsUsed: Double
    public var complete: Bool
    /// The story retold, when the session is a story rehearsal.
    public var story: String?
    /// Always `session`: `history` lists debriefs too (`kind: debrief`).
    public var kind = "session"
  }

  /// One answer of `review --format json`.
  public struct ReviewedAnswer: Codable, Equatable, Sendable {
    public var position: Int
    public var question: String
    public var component: String
    public var prompt: String
    public var answer: String
    public var score: Int
    public var band: String
    public var outcome: String
    public var started: String
    public var secondsUsed: Double
    public var hintsUsed: Int
    /// How the answer rated its question for the schedule (`again`, `hard`, `good`, `easy`);
    /// absent for an answer that is no review.
    public var rating: String?
    public var hits: [ScoredAnswer.Hit]
    public var misses: [ScoredAnswer.Miss]
    public var misconceptions: [ScoredAnswer.StatedMisconception]
    /// The STAR reading of a behavioural answer or a story rehearsal.
    public var star: StarFeedback?
    /// What running the code of a SQL or Python answer found.
    public var execution: ExecutionReport?
    /// What the candidate is told about the answer, as `review` and the exports show it.
    public var feedback: Feedback
  }

  /// `review --format json` and `export --format json`.
  public struct Review: Codable, Equatable, Sendable {
    public var id: Int64
    public var started: String
    public var ended: String?
    public var ending: String?
    public var complete: Bool
    public var resumed: Int
    public var seed: UInt64
    public var planned: [String]
    public var sessionLimitSeconds: Int
    public var secondsUsed: Double
    public var meanScore: Double?
    public var components: [SessionText.ComponentScore]
    public var answers: [ReviewedAnswer]
  }

  /// A moment as ISO 8601 in UTC, for JSON.
  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  /// A moment as `2026-11-24 21:05` in `timeZone`, for people.
  static func localTime(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
      + "\(two(parts.hour)):\(two(parts.minute))"
  }

  public static func historyRows(_ summaries: [SessionSummary]) -> [HistoryRow] {
    summaries.map {
      HistoryRow(
        id: $0.id, started: timestamp($0.startedAt), ended: $0.endedAt.map(timestamp),
        ending: $0.ending?.rawValue, components: $0.components.map(\.rawValue),
        planned: $0.planned, answers: $0.answers, meanScore: $0.meanScore,
        meanRepresentative: $0.meanIsRepresentative, secondsUsed: $0.secondsUsed,
        complete: $0.isComplete, story: $0.story)
    }
  }

  /// The session as `review --format json` gives it; `questions` supply the model answers and
  /// follow-ups (a question the bank no longer has is shown without them), `stories` the
  /// candidate's best-fitting story beside a behavioural model answer.
  public static func review(
    _ transcript: SessionTranscript, questions: [String: Question] = [:], stories: [Story] = []
  ) -> Review {
    Review(
      id: transcript.id, started: timestamp(transcript.startedAt),
      ended: transcript.endedAt.map(timestamp), ending: transcript.ending?.rawValue,
      complete: transcript.isComplete, resumed: transcript.resumed, seed: transcript.plan.seed,
      planned: transcript.plan.items.map(\.questionID),
      sessionLimitSeconds: transcript.plan.sessionLimitSeconds,
      secondsUsed: transcript.secondsUsed, meanScore: transcript.meanScore,
      components: SessionText.componentScores(transcript.answers),
      answers: transcript.answers.map {
        ReviewedAnswer(
          position: $0.position, question: $0.questionID, component: $0.component.rawValue,
          prompt: $0.prompt, answer: $0.text, score: $0.scored.score,
          band: $0.scored.band.rawValue, outcome: $0.outcome.rawValue,
          started: timestamp($0.startedAt), secondsUsed: $0.secondsUsed, hintsUsed: $0.hintsUsed,
          rating: $0.rating?.name, hits: $0.scored.hits, misses: $0.scored.misses,
          misconceptions: $0.scored.misconceptions, star: $0.scored.star,
          execution: $0.scored.execution,
          feedback: Feedback($0, question: questions[$0.questionID], stories: stories))
      })
  }

  // MARK: - Text

  /// How a session stands: its ending, or `cut off` when the process died.
  static func status(_ transcript: SessionTranscript) -> String {
    status(transcript.ending)
  }

  /// How a session with `ending` stands: the ending, or `cut off` when the process died.
  static func status(_ ending: SessionEnding?) -> String {
    ending.map(SessionText.endingText) ?? "cut off"
  }

  /// `rehearse history` as a table, newest first, fitted to the style's width.
  public static func historyText(
    _ summaries: [SessionSummary], filtered: Bool = false, style: TextStyle,
    timeZone: TimeZone = .current
  ) -> String {
    historyText(
      entries: summaries.map(HistoryEntry.session), filtered: filtered, style: style,
      timeZone: timeZone)
  }

  /// `rehearse history` as a table of sessions and debriefs, newest first, fitted to the
  /// style's width; a debrief's row says so in its components column.
  public static func historyText(
    entries: [HistoryEntry], filtered: Bool = false, style: TextStyle,
    timeZone: TimeZone = .current
  ) -> String {
    guard !entries.isEmpty else {
      return filtered
        ? "No session matches." : "No sessions yet. Start one with: rehearse mock"
    }
    var rows = [["ID", "STARTED", "COMPONENTS", "ANSWERS", "MEAN", "TIME", "STATUS"]]
    var anyPartial = false
    for entry in entries {
      guard case .session(let summary) = entry else {
        if case .debrief(let debrief) = entry { rows.append(DebriefReports.historyCells(debrief)) }
        continue
      }
      let components = summary.components.map(\.rawValue)
      // A mean over fewer than half the questions is shown in brackets: one good answer in a
      // session quit after it is not the session's score.
      var mean = summary.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
      if summary.meanScore != nil && !summary.meanIsRepresentative {
        mean = "(\(mean))"
        anyPartial = true
      }
      rows.append([
        "\(summary.id)", localTime(summary.startedAt, timeZone: timeZone),
        summary.story.map { "story \(TerminalText.safe($0))" }
          ?? (components.count == Component.allCases.count
            ? "all seven" : components.joined(separator: ",")),
        "\(summary.answers)/\(summary.planned)", mean,
        SessionText.clock(summary.secondsUsed), status(summary.ending),
      ])
    }
    // The components are what gives way when the table is wider than the lines.
    let table = TextLayout.table(rows, width: style.width, flexible: 2)
    guard anyPartial else { return table }
    return table + "\n"
      + style.dim(
        TextLayout.wrap(
          "(mean) is over fewer than half the session's questions: not the session's score.",
          width: style.width, indent: ""))
  }

  /// `rehearse review`: the whole transcript for a person, in lines of the style's width (code
  /// keeps its lines).
  public static func reviewText(
    _ transcript: SessionTranscript, questions: [String: Question] = [:], stories: [Story] = [],
    style: TextStyle,
    timeZone: TimeZone = .current
  ) -> String {
    var lines: [String] = []
    var header =
      "Session \(transcript.id) · \(localTime(transcript.startedAt, timeZone: timeZone)) · "
      + "\(status(transcript)) · \(SessionText.clock(transcript.secondsUsed)) used"
    if transcript.resumed > 0 {
      header += " · resumed \(transcript.resumed)×"
    }
    lines.append(TextLayout.fit(style.bold(header), width: style.width))
    lines.append(SessionText.componentTable(transcript))
    if transcript.answers.isEmpty {
      lines.append("")
      lines.append("No answers were given.")
    }
    for answer in transcript.answers {
      lines.append("")
      var facts = [
        answer.component.title, answer.outcome.rawValue.replacingOccurrences(of: "_", with: " "),
        SessionText.clock(answer.secondsUsed),
      ]
      if answer.hintsUsed > 0 {
        facts.append("\(answer.hintsUsed) hint\(answer.hintsUsed == 1 ? "" : "s")")
      }
      lines.append(
        TextLayout.fit(
          style.bold("\(answer.position + 1). \(TerminalText.safe(answer.questionID))") + "  "
            + style.dim(facts.joined(separator: " · ")), width: style.width))
      lines.append(
        TextLayout.wrap(TerminalText.safe(answer.prompt), width: style.width, joinLines: true))
      lines.append(style.bold("Your answer"))
      let feedback = Feedback(answer, question: questions[answer.questionID], stories: stories)
      switch feedback.shown(answer.text) {
      case .nothing: lines.append(style.dim("  (nothing typed)"))
      case .code(let code, _): lines.append(TextLayout.indentLines(TerminalText.safe(code)))
      // The candidate's own line breaks are kept.
      case .prose(let text):
        lines.append(TextLayout.wrap(TerminalText.safe(text), width: style.width))
      }
      lines.append(FeedbackText.render(feedback, style: style))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - Markdown

  /// The transcript as Markdown; user text is quoted so it cannot break the document's structure,
  /// and code is fenced so it keeps its lines.
  public static func markdown(
    _ transcript: SessionTranscript, questions: [String: Question] = [:], stories: [Story] = [],
    timeZone: TimeZone = .current
  ) -> String {
    let inline = FeedbackMarkdown.inline
    var lines: [String] = []
    lines.append("# Rehearse session \(transcript.id)")
    lines.append("")
    lines.append(
      "Started \(localTime(transcript.startedAt, timeZone: timeZone)) · \(status(transcript)) · "
        + "\(SessionText.clock(transcript.secondsUsed)) used of "
        + "\(SessionText.clock(Double(transcript.plan.sessionLimitSeconds))) · "
        + "mean score \(transcript.meanScore.map { "\(Int($0.rounded()))" } ?? "-")")
    lines.append("")
    lines.append("| Component | Answers | Mean score |")
    lines.append("|---|---:|---:|")
    for score in SessionText.componentScores(transcript.answers) {
      lines.append(
        "| \(score.component.title) | \(score.answers) | \(Int(score.meanScore.rounded())) |")
    }
    for answer in transcript.answers {
      let feedback = Feedback(answer, question: questions[answer.questionID], stories: stories)
      lines.append("")
      lines.append("## \(answer.position + 1). \(inline(answer.questionID))")
      lines.append("")
      lines.append(
        "*\(answer.component.title) · \(answer.outcome.rawValue) · "
          + "\(SessionText.clock(answer.secondsUsed)) · \(answer.hintsUsed) hints · "
          + "score \(feedback.score) (\(feedback.band.rawValue))*")
      lines.append("")
      lines.append("**Question.** " + inline(answer.prompt))
      lines.append("")
      lines.append("**Answer.**")
      lines.append("")
      switch feedback.shown(answer.text) {
      case .nothing: lines.append("> (nothing typed)")
      case .code(let code, let language):
        lines.append(FeedbackMarkdown.code(code, language: language.rawValue))
      case .prose(let text): lines.append(FeedbackMarkdown.quote(text))
      }
      lines += FeedbackMarkdown.lines(feedback)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
