import Foundation

/// The forms of the story commands' output: text for people, JSON for scripts. A story's own
/// words (and the bank's) are shown `TerminalText.safe` in text.
public enum StoryReports {
  // MARK: - JSON shapes

  /// One row of `story list --format json`.
  public struct ListedStory: Codable, Equatable, Sendable {
    public var slug: String
    public var title: String
    public var competencies: [String]
    public var tags: [String]
    public var date: String?
    public var words: Int
    public var spokenSeconds: Int
    /// When the story was last rehearsed (ISO 8601), if ever.
    public var lastRehearsed: String?
    public var lastScore: Int?
    public var file: String
  }

  /// `story check --format json`, per story.
  public struct CheckedStory: Codable, Equatable, Sendable {
    public var slug: String
    public var title: String
    public var file: String
    public var star: StarFlags
    public var pipeline: PipelineFlags?
    public var quantifiedResult: Bool
    public var quantities: [String]
    public var ownership: Ownership
    public var words: Int
    public var spokenSeconds: Int
    public var findings: [String]

    public struct Ownership: Codable, Equatable, Sendable {
      public var i: Int
      public var we: Int
    }
  }

  /// `story coverage --format json`.
  public struct Coverage: Codable, Equatable, Sendable {
    /// Every competency, with the stories that demonstrate it.
    public var competencies: [String: [String]]
    /// The competencies no story demonstrates.
    public var gaps: [String]
    /// For each gap, the bank's questions that ask for it and that no story answers: none of
    /// the competencies they ask for has a story.
    public var unanswered: [String: [String]]
    /// For each gap, the bank's questions that ask for it and that a story still answers through
    /// another competency they ask for, without showing the gap.
    public var coveredInPart: [String: [String]]
    public var stories: [String]
  }

  /// `story show --format json`.
  public struct ShownStory: Codable, Equatable, Sendable {
    public var slug: String
    public var title: String
    public var competencies: [String]
    public var tags: [String]
    public var date: String?
    public var situation: String?
    public var task: String?
    public var action: String?
    public var result: String?
    public var pipeline: [String: String]?
    public var notes: String?
    public var words: Int
    public var spokenSeconds: Int
    public var file: String
  }

  // MARK: - Rehearsal records

  /// The newest rehearsal of each story among `answers`: when, and its score.
  public static func lastRehearsals(_ answers: [AnswerRecord]) -> [String: AnswerRecord] {
    var latest: [String: AnswerRecord] = [:]
    for answer in answers {
      guard let slug = StoryRehearsal.slug(fromQuestionID: answer.questionID),
        answer.outcome != .skipped
      else { continue }
      if let known = latest[slug], known.answeredAt >= answer.answeredAt { continue }
      latest[slug] = answer
    }
    return latest
  }

  // MARK: - list

  public static func listed(_ stories: [Story], rehearsals: [String: AnswerRecord])
    -> [ListedStory]
  {
    stories.map { story in
      let words = story.spokenWords
      let last = rehearsals[story.slug]
      return ListedStory(
        slug: story.slug, title: story.title, competencies: story.competencies.map(\.rawValue),
        tags: story.tags, date: story.date, words: words,
        spokenSeconds: StarAnalyzer.spokenSeconds(words: words),
        lastRehearsed: last.map { TranscriptReports.timestamp($0.answeredAt) },
        lastScore: last?.scored.score, file: story.file)
    }
  }

  public static func listText(
    _ rows: [ListedStory], rehearsals: [String: AnswerRecord], style: TextStyle,
    timeZone: TimeZone
  ) -> String {
    guard !rows.isEmpty else {
      return "No stories yet. Add one with 'rehearse story add' (or --from FILE)."
    }
    var table = [["SLUG", "COMPETENCIES", "WORDS", "SPOKEN", "LAST REHEARSED", "LAST SCORE"]]
    for row in rows {
      let last = rehearsals[row.slug]
      table.append([
        TerminalText.safe(row.slug),
        row.competencies.prefix(2).joined(separator: ",")
          + (row.competencies.count > 2 ? " +\(row.competencies.count - 2)" : ""),
        "\(row.words)",
        StarAnalyzer.clock(row.spokenSeconds),
        last.map { TranscriptReports.localTime($0.answeredAt, timeZone: timeZone) } ?? "never",
        row.lastScore.map { "\($0)" } ?? "-",
      ])
    }
    return style.bold("Stories") + " (\(rows.count))\n"
      + TextLayout.table(table, width: style.width, flexible: 1)
  }

  // MARK: - show

  public static func shown(_ story: Story) -> ShownStory {
    let words = story.spokenWords
    return ShownStory(
      slug: story.slug, title: story.title, competencies: story.competencies.map(\.rawValue),
      tags: story.tags, date: story.date, situation: story.star[.situation]?.text,
      task: story.star[.task]?.text, action: story.star[.action]?.text,
      result: story.star[.result]?.text,
      pipeline: story.pipeline.map { sections in
        Dictionary(uniqueKeysWithValues: sections.map { ($0.key.rawValue, $0.value.text) })
      },
      notes: story.notes?.text, words: words,
      spokenSeconds: StarAnalyzer.spokenSeconds(words: words), file: story.file)
  }

  public static func showText(_ story: Story, style: TextStyle) -> String {
    func add(_ line: String) { lines.append(TextLayout.fit(line, width: style.width)) }
    var lines: [String] = []
    add(
      style.bold(TerminalText.safe(story.title))
        + style.dim("  (\(TerminalText.safe(story.slug)))"))
    add(style.dim("competencies: " + story.competencies.map(\.rawValue).joined(separator: ", ")))
    if !story.tags.isEmpty {
      add(style.dim("tags: " + TerminalText.safe(story.tags.joined(separator: ", "))))
    }
    if let date = story.date { lines.append(style.dim("date: " + TerminalText.safe(date))) }
    for part in StarPart.allCases {
      lines.append("")
      lines.append(style.bold(part.heading))
      if let section = story.star[part], !section.isEmpty {
        lines.append(
          TextLayout.wrap(TerminalText.safe(section.text), width: style.width, joinLines: true))
      } else {
        lines.append(style.red("  (missing)"))
      }
    }
    if let pipeline = story.pipeline {
      lines.append("")
      lines.append(style.bold("Pipeline"))
      for part in PipelinePart.allCases {
        guard let section = pipeline[part], !section.isEmpty else { continue }
        lines.append("  " + style.bold(part.heading))
        lines.append(
          TextLayout.wrap(
            TerminalText.safe(section.text), width: style.width, indent: "    ", joinLines: true))
      }
    }
    if let notes = story.notes, !notes.isEmpty {
      lines.append("")
      lines.append(style.bold("Notes"))
      lines.append(
        TextLayout.wrap(TerminalText.safe(notes.text), width: style.width, joinLines: true))
    }
    let words = story.spokenWords
    lines.append("")
    lines.append(
      TextLayout.fit(
        style.dim(
          "\(words) words, about \(StarAnalyzer.clock(StarAnalyzer.spokenSeconds(words: words))) "
            + "spoken · \(TerminalText.safe(story.file))"), width: style.width))
    return lines.joined(separator: "\n")
  }

  // MARK: - check

  public static func checked(_ story: Story, _ feedback: StarFeedback) -> CheckedStory {
    CheckedStory(
      slug: story.slug, title: story.title, file: story.file, star: feedback.star,
      pipeline: feedback.pipeline, quantifiedResult: feedback.quantifiedResult,
      quantities: feedback.quantities,
      ownership: .init(i: feedback.firstPersonSingular, we: feedback.firstPersonPlural),
      words: feedback.words, spokenSeconds: feedback.spokenSeconds, findings: feedback.findings)
  }

  public static func checkText(_ story: Story, _ feedback: StarFeedback, style: TextStyle)
    -> String
  {
    var lines = [
      TextLayout.fit(
        style.bold(TerminalText.safe(story.slug)) + " — " + TerminalText.safe(story.title),
        width: style.width)
    ]
    lines += FeedbackText.starLines(feedback, style: style, indent: "  ").prefix(
      feedback.pipeline == nil ? 1 : 2)
    // A fact's line hangs under its value, 12 columns in.
    func fact(_ line: String) {
      lines += TextLayout.fold(line, width: style.width, hanging: String(repeating: " ", count: 12))
    }
    let quantities =
      feedback.quantifiedResult
      ? style.green("quantified") + ": "
        + feedback.quantities.prefix(6).map { "“\(TerminalText.safe($0))”" }
        .joined(separator: ", ")
      : style.red("not quantified")
    fact("  Result    " + quantities)
    fact(
      "  Ownership “I” \(feedback.firstPersonSingular) · “we” \(feedback.firstPersonPlural) "
        + "in the Action")
    fact(
      "  Length    \(feedback.words) words, about "
        + "\(StarAnalyzer.clock(feedback.spokenSeconds)) spoken at "
        + "\(StarAnalyzer.wordsPerMinute) words a minute (aim for 2–3 minutes)")
    if feedback.findings.isEmpty {
      lines.append(
        TextLayout.fit(
          "  "
            + style.green(
              "Nothing to improve: rehearse it with "
                + "'rehearse story rehearse \(TerminalText.safe(story.slug))'."),
          width: style.width))
    } else {
      for finding in feedback.findings {
        lines.append(
          TextLayout.fit(
            "  \(style.yellow("•")) \(TerminalText.safe(finding))", width: style.width))
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - coverage

  public static func coverage(_ stories: [Story], questions: [Question]) -> Coverage {
    var byCompetency: [String: [String]] = [:]
    var gaps: [String] = []
    var unanswered: [String: [String]] = [:]
    var coveredInPart: [String: [String]] = [:]
    let shown = Set(stories.flatMap(\.competencies))
    for competency in Competency.allCases {
      let slugs = stories.filter { $0.competencies.contains(competency) }.map(\.slug)
      byCompetency[competency.rawValue] = slugs
      guard slugs.isEmpty else { continue }
      gaps.append(competency.rawValue)
      let asking = questions.filter { $0.competencies.contains(competency) }
      let answered = asking.filter { !shown.isDisjoint(with: $0.competencies) }
      unanswered[competency.rawValue] = asking.filter { shown.isDisjoint(with: $0.competencies) }
        .map(\.id)
      coveredInPart[competency.rawValue] = answered.map(\.id)
    }
    return Coverage(
      competencies: byCompetency, gaps: gaps, unanswered: unanswered,
      coveredInPart: coveredInPart, stories: stories.map(\.slug))
  }

  public static func coverageText(_ coverage: Coverage, questions: [Question], style: TextStyle)
    -> String
  {
    let slugs = coverage.stories.map(TerminalText.safe)
    var table = [["COMPETENCY"] + slugs.indices.map { "\($0 + 1)" } + ["STORIES"]]
    for competency in Competency.allCases {
      let covered = Set((coverage.competencies[competency.rawValue] ?? []).map(TerminalText.safe))
      table.append(
        [competency.rawValue] + slugs.map { covered.contains($0) ? "●" : "·" }
          + [covered.isEmpty ? "0  gap" : "\(covered.count)"])
    }
    var lines = [style.bold("Competencies × stories"), TextLayout.table(table)]
    if !slugs.isEmpty {
      lines.append("")
      for (index, slug) in slugs.enumerated() { lines.append("  \(index + 1)  \(slug)") }
    }
    lines.append("")
    if coverage.gaps.isEmpty {
      lines.append(style.green("No gaps: every competency has a story."))
    } else {
      lines.append(
        style.bold("Gaps (\(coverage.gaps.count))") + ": no story shows these competencies")
      let prompts = Dictionary(questions.map { ($0.id, $0.prompt) }) { first, _ in first }
      func list(_ heading: String, _ ids: [String]) {
        guard !ids.isEmpty else { return }
        lines.append("    " + heading)
        for id in ids {
          let shown = TerminalText.safe(id)
          // The prompt, cut to what the id leaves of the line, when that is enough to read.
          let room = style.width - 8 - shown.count
          lines.append(
            "      \(shown)"
              + (room < 12
                ? ""
                : "  "
                  + style.dim(
                    TextLayout.truncate(TerminalText.safe(prompts[id] ?? ""), to: room))))
        }
      }
      for gap in coverage.gaps {
        let unanswered = coverage.unanswered[gap] ?? []
        let coveredInPart = coverage.coveredInPart[gap] ?? []
        let asking = unanswered.count + coveredInPart.count
        guard asking > 0 else {
          lines.append("  \(style.yellow(gap)): no bank question asks for it yet")
          continue
        }
        lines.append(
          "  \(style.yellow(gap)): asked for by \(asking) question\(asking == 1 ? "" : "s")")
        list("no story answers these:", unanswered)
        list("a story answers these through another competency:", coveredInPart)
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - :stories in a session

  public static func fittingText(_ matches: [StoryMatcher.Match], total: Int, style: TextStyle)
    -> String
  {
    if total == 0 {
      return style.dim("You have no stories yet: add some with 'rehearse story add'.")
    }
    if matches.isEmpty {
      return style.dim("None of your \(total) stories fits this question.")
    }
    var lines = [style.bold("Stories that fit") + " (best first):"]
    for match in matches.prefix(5) {
      let reason =
        match.competencies.isEmpty
        ? "shares " + TerminalText.safe(match.sharedWords.prefix(4).joined(separator: ", "))
        : match.competencies.map(\.rawValue).joined(separator: ", ")
      lines.append(
        TextLayout.fit(
          "  \(TerminalText.safe(match.story.slug))  \(TerminalText.safe(match.story.title))",
          width: style.width))
      lines.append("    " + style.dim(TextLayout.truncate(reason, to: style.width - 4)))
    }
    return lines.joined(separator: "\n")
  }
}
