import Foundation

/// The text a mock session shows: the question, the prompt with its countdown, hints, feedback
/// after each answer and the summary at the end. The bank's words and the candidate's are shown
/// `TerminalText.safe`.
public enum SessionText {
  /// Seconds as `m:ss`, or `h:mm:ss` from an hour; rounded up, so `0:00` means the time is up.
  public static func clock(_ seconds: Double) -> String {
    let total = max(0, Int(seconds.rounded(.up)))
    let hours = total / 3600
    let minutes = (total % 3600) / 60
    let rest = total % 60
    let padded = rest < 10 ? "0\(rest)" : "\(rest)"
    if hours > 0 {
      return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(padded)"
    }
    return "\(minutes):\(padded)"
  }

  /// The countdown in its colour: yellow in the last minute, red in the last 15 seconds.
  public static func countdown(_ seconds: Double, style: TextStyle) -> String {
    let text = clock(seconds)
    if seconds <= 15 { return style.red(style.bold(text)) }
    if seconds <= 60 { return style.yellow(text) }
    return style.cyan(text)
  }

  /// The input prompt: the question's countdown and the session clock, then `›` for the first
  /// line of an answer and `…` for the lines after it.
  ///
  /// For readline, `style` should wrap its escape codes in `\u{01}`…`\u{02}` (`TextStyle.forPrompt`)
  /// so the line editor knows their width is zero.
  public static func prompt(
    _ timeLeft: SessionMachine.TimeLeft, continuing: Bool, style: TextStyle
  ) -> String {
    let marker = continuing ? "…" : "›"
    return "[\(countdown(timeLeft.question, style: style)) · session "
      + "\(clock(timeLeft.session))] \(marker) "
  }

  /// The prompt between questions, while the feedback is read: the clocks are stopped.
  public static func pausePrompt(_ pause: SessionMachine.Pause, style: TextStyle) -> String {
    "[" + style.dim("clock stopped") + "] Enter: next › "
  }

  /// What the session says when it waits between questions: how to go on, go back, or stop.
  public static func pause(_ pause: SessionMachine.Pause, style: TextStyle) -> String {
    var choices = ["Enter: question \(pause.next + 1) of \(pause.total)"]
    if let seconds = pause.continueSeconds {
      choices.append(":continue adds to this answer (\(clock(seconds)) left)")
    }
    if let rating = pause.rating {
      choices.append(
        "rated \(rating.name): "
          + (rating == .again ? ":easy" : rating == .easy ? ":again" : ":again or :easy")
          + " changes that")
    }
    choices.append(":quit stops (--resume continues later)")
    let text = "The clock is stopped while you read. " + choices.joined(separator: " · ")
    return "\n" + style.dim(TextLayout.wrap(text, width: style.width, indent: ""))
  }

  /// What the session says when the candidate rates the answer just given.
  public static func rated(_ answer: AnswerRecord, style: TextStyle) -> String {
    let when =
      answer.rating == .again
      ? "it comes back tomorrow" : "it comes back later than its band alone would bring it"
    return style.dim("Rated \(answer.rating?.name ?? "unrated"): \(when).")
  }

  /// The question again, with the answer it is continuing and the time left for it.
  public static func continuing(
    _ asked: SessionMachine.AskedQuestion, draft: String, secondsLeft: Double, style: TextStyle
  ) -> String {
    var lines = [
      "",
      style.bold(
        "Continuing question \(asked.position + 1) of \(asked.total) · "
          + "\(clock(secondsLeft)) left"),
      TextLayout.wrap(
        TerminalText.safe(asked.question.prompt), width: style.width, indent: "", joinLines: true),
    ]
    if draft.isEmpty {
      lines.append(style.dim("(nothing typed yet; a line holding a single . submits)"))
    } else {
      lines.append(style.dim("Your answer so far (type on to add to it; a single . submits):"))
      for line in TerminalText.safe(draft).split(separator: "\n", omittingEmptySubsequences: false)
      {
        lines.append(line.isEmpty ? "" : TextLayout.wrap(String(line), width: style.width))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The question as it is asked (or repeated).
  public static func question(
    _ asked: SessionMachine.AskedQuestion, mode: SessionMachine.InputMode, style: TextStyle
  ) -> String {
    let question = asked.question
    var lines: [String] = []
    let header =
      "Question \(asked.position + 1) of \(asked.total) · \(question.component.title) · "
      + "difficulty \(question.difficulty) · \(clock(Double(asked.limitSeconds)))"
    func add(_ line: String) { lines.append(TextLayout.fit(line, width: style.width)) }
    add(asked.isRepeat ? style.dim("(again) " + header) : style.bold(header))
    lines.append(
      TextLayout.wrap(
        TerminalText.safe(question.prompt), width: style.width, indent: "", joinLines: true))
    if let python = question.python {
      add(style.dim("Write the function: ") + TerminalText.safe(python.signature))
    }
    if question.sql != nil {
      add(style.dim("The query runs in SQLite (its dialect) on the question's tables."))
    }
    if !asked.isRepeat {
      let finish =
        switch (mode, question.kind) {
        case (.terminal, .sql):
          "SQL: the ; that ends the query submits it; Ctrl-D skips"
        case (.terminal, .python):
          "Python: a line holding a single . submits; empty lines and Tab are kept; "
            + "the function runs against tests; Ctrl-D skips"
        case (.terminal, _):
          "a line holding a single . submits; an empty line starts a paragraph; Ctrl-D skips"
        case (.piped, _): "a line holding a single . ends the answer"
        }
      add(style.dim("(\(finish); :help lists the commands)"))
    }
    return "\n" + lines.joined(separator: "\n")
  }

  /// What the machine's non-answer outputs say, folded to the style's width.
  public static func message(_ output: SessionMachine.Output, style: TextStyle) -> String? {
    text(of: output, style: style).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map {
        TextLayout.fit(String($0), width: style.width)
      }.joined(separator: "\n")
    }
  }

  /// What the machine's non-answer outputs say, before folding.
  static func text(of output: SessionMachine.Output, style: TextStyle) -> String? {
    switch output {
    case .hint(let text, let number, let total):
      return style.yellow("Hint \(number) of \(total): ") + TerminalText.safe(text)
    case .noMoreHints:
      return style.dim("No more hints for this question.")
    case .timeLeft(let left):
      return "Time left: \(clock(left.question)) of \(clock(left.questionLimit)) for the question, "
        + "\(clock(left.session)) of \(clock(left.sessionLimit)) for the session."
    case .help(let commands):
      let width = (commands.map(\.rawValue.count).max() ?? 0) + 1
      return commands.map {
        "  " + TextLayout.pad(":" + $0.rawValue, to: width) + "  " + $0.summary
      }.joined(separator: "\n")
    case .unknownCommand(let word):
      return style.yellow("Unknown command :\(TerminalText.safe(word))")
        + " (:help lists the commands; "
        + "the line was not added to your answer)"
    case .notice(let text):
      return style.yellow("Note: ") + TerminalText.safe(text)
    case .ask, .grade, .recorded, .rated, .finished, .stories, .paused, .continuing:
      return nil
    }
  }

  /// Per-component scores of the answers: component, answers, mean score.
  public struct ComponentScore: Sendable, Equatable, Codable {
    public var component: Component
    public var answers: Int
    public var meanScore: Double
  }

  /// The mean score per component, in the order of the user's notes.
  public static func componentScores(_ answers: [AnswerRecord]) -> [ComponentScore] {
    Dictionary(grouping: answers, by: \.component).map { component, answers in
      ComponentScore(
        component: component, answers: answers.count,
        meanScore: Double(answers.reduce(0) { $0 + $1.scored.score }) / Double(answers.count))
    }.sorted { $0.component < $1.component }
  }

  /// The summary at the end of a session: a table per component (every component of the plan,
  /// asked or not), the total, the time used, the talking points to study, and how to review.
  public static func summary(
    _ transcript: SessionTranscript, style: TextStyle
  ) -> String {
    var lines: [String] = [""]
    let ending = transcript.ending.map(endingText) ?? "cut off"
    lines.append(style.bold("Session \(transcript.id) summary") + " (\(ending))")
    lines.append(componentTable(transcript))
    let outcomes = Dictionary(grouping: transcript.answers, by: \.outcome).mapValues(\.count)
    let counted = AnswerOutcome.allCases.compactMap { outcome in
      outcomes[outcome].map { "\($0) \(outcome.rawValue.replacingOccurrences(of: "_", with: " "))" }
    }
    lines.append(
      TextLayout.fit(
        "Time used: \(clock(transcript.secondsUsed)) of "
          + clock(Double(transcript.plan.sessionLimitSeconds))
          + (counted.isEmpty ? "" : " · " + counted.joined(separator: ", ")), width: style.width))
    let study = studyList(transcript.answers, style: style)
    if !study.isEmpty {
      lines.append("")
      lines.append(style.bold("To study"))
      lines += study.prefix(studyLimit).map { TextLayout.fit($0, width: style.width) }
      if study.count > studyLimit {
        lines.append(style.dim("  … and \(study.count - studyLimit) more in the review"))
      }
    }
    lines.append("")
    lines.append("Review it with: rehearse review \(transcript.id)")
    if !transcript.isComplete && transcript.answers.count < transcript.plan.items.count {
      lines.append("Continue it with: rehearse mock --resume")
    }
    return lines.joined(separator: "\n")
  }

  /// The per-component table: questions asked, answers given and mean score, then the total.
  public static func componentTable(_ transcript: SessionTranscript) -> String {
    let scores = Dictionary(
      uniqueKeysWithValues: componentScores(transcript.answers).map { ($0.component, $0) })
    var rows = [["COMPONENT", "PLANNED", "ANSWERS", "MEAN"]]
    for component in transcript.plan.components {
      let asked = transcript.plan.items.filter { $0.component == component }.count
      if let score = scores[component] {
        rows.append([
          component.title, "\(asked)", "\(score.answers)", "\(Int(score.meanScore.rounded()))",
        ])
      } else {
        rows.append([component.title, "\(asked)", "0", "-"])
      }
    }
    let mean = transcript.meanScore.map { "\(Int($0.rounded()))" } ?? "-"
    rows.append(["Total", "\(transcript.plan.items.count)", "\(transcript.answers.count)", mean])
    return TextLayout.table(rows)
  }

  /// The most lines the summary's study list shows.
  static let studyLimit = 12

  /// The talking points to study: for each answer, the points missed outright and the required
  /// points not fully made; a skipped or empty answer is one line pointing at its model answer.
  static func studyList(_ answers: [AnswerRecord], style: TextStyle) -> [String] {
    var lines: [String] = []
    for answer in answers {
      let id = TerminalText.safe(answer.questionID)
      if answer.outcome == .skipped || answer.text.isEmpty {
        lines.append(
          "  \(style.red("✗")) \(id): no answer; read its model answer with "
            + "'rehearse bank show \(id)'")
        continue
      }
      // Code that ran is studied by its checks, not by the words around it.
      if let execution = answer.scored.execution, execution.isScored {
        if execution.outcome != .passed {
          let failed = execution.checks.count - execution.passedCount
          lines.append(
            "  \(style.red("✗")) \(id): the code fails \(failed) of "
              + "\(execution.checks.count) checks; compare it with the model answer")
        }
        continue
      }
      for miss in answer.scored.misses where miss.credit == 0 || miss.required {
        let required = miss.required ? style.yellow(" (required)") : ""
        lines.append(
          "  \(style.red("✗")) \(TerminalText.safe(miss.point))\(required)  \(style.dim(id))")
      }
    }
    return lines
  }

  /// How a session ended, in words.
  public static func endingText(_ ending: SessionEnding) -> String {
    switch ending {
    case .completed: "complete"
    case .sessionTimeUp: "session time up"
    case .quit: "quit"
    case .interrupted: "interrupted"
    case .endOfInput: "input ended"
    }
  }
}

extension TextStyle {
  /// The same colours with each escape code wrapped in `\u{01}`…`\u{02}`, as readline wants in a
  /// prompt so that it does not count the codes as visible characters.
  public var forPrompt: TextStyle {
    var style = self
    style.promptEscapes = true
    return style
  }
}
