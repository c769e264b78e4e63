import Foundation

extension Rehearse {
  /// `rehearse mock`: draws (or resumes) a session, saves it, and runs it on `input` until it
  /// ends; every answer is saved the moment it is given. `startTime` is the moment it begins.
  /// `input` is told when the session begins (`SessionInput.sessionBegins`), once the bank is
  /// loaded and the questions drawn, just before the session is saved.
  public static func mock(
    _ request: MockRequest, archive: some SessionArchive, input: inout some SessionInput,
    startTime: Date, show: @escaping (String, SessionChannel) -> Void
  ) throws -> SessionTranscript {
    let root = try request.bank.locate()
    let bank = try request.bank.load(root: root)
    var machine: SessionMachine
    var focus: Focus?
    let sessionID: Int64
    let startedAt: Date
    if request.resume {
      let previous = try archive.lastUnfinished()
      // A session still running in another terminal is not taken over.
      try archive.claim(session: previous.id)
      do {
        machine = try SessionMachine(
          plan: previous.plan, bank: bank, mode: request.mode, previous: previous.answers,
          pausesAfterFeedback: request.pausesAfterFeedback)
      } catch {
        guard case .unknownID(let id, _) = error else { throw error }
        throw ResumeError.questionGone(session: previous.id, questionID: id, bank: root.path)
      }
      // A focus removed since is no reason not to resume; its gaps are then not shown.
      if let name = previous.plan.focus, let home = request.home {
        focus = try? FocusLibrary(home: home).load(name: name)
      }
      input.sessionBegins()
      try archive.reopen(session: previous.id)
      sessionID = previous.id
      startedAt = previous.startedAt
      show(
        request.style.bold("Resuming session \(sessionID)")
          + ": \(previous.answers.count) of \(previous.plan.items.count) questions answered, "
          + "\(SessionText.clock(Double(previous.plan.sessionLimitSeconds) - previous.secondsUsed)) "
          + "left.", .conversation)
    } else {
      var selection = request.selection
      // A drawn session draws from what is due, weak and new; the questions asked by id are
      // asked as they are.
      if selection.questionIDs.isEmpty {
        selection.study = try archive.studyState(
          on: LocalDay(startTime, timeZone: request.timeZone))
      }
      if let checker = request.checker, case .missing(let reason) = checker.python.interpreter {
        selection.pythonUnavailable = reason
      }
      if let name = request.focus {
        guard let home = request.home else {
          throw FocusError.unknownFocus(name, existing: [], suggestions: [])
        }
        let loaded = try FocusLibrary(home: home).load(name: name)
        selection.focus = FocusDraw(loaded, bank: bank)
        focus = loaded
      }
      let (plan, shortfall) = try SessionPlan.draw(from: bank, selection)
      machine = try SessionMachine(
        plan: plan, bank: bank, mode: request.mode,
        pausesAfterFeedback: request.pausesAfterFeedback)
      input.sessionBegins()
      sessionID = try archive.createSession(plan: plan, startedAt: startTime, bank: root.path)
      try archive.claim(session: sessionID)
      startedAt = startTime
      if let reason = selection.pythonUnavailable,
        selection.questionIDs.isEmpty,
        selection.components.isEmpty || selection.components.contains(.sqlPython)
      {
        show(
          request.style.yellow("Note: ")
            + "Python questions are left out of this session: \(TerminalText.safe(reason)).",
          .conversation)
      }
      if shortfall > 0 {
        show(
          request.style.yellow("Note: ")
            + "only \(plan.items.count) questions match; asking all of them.", .conversation)
      }
      let components = plan.components
      show(
        request.style.bold("Session \(sessionID)")
          + ": \(plan.items.count) question\(plan.items.count == 1 ? "" : "s")"
          + " from \(components.count == Component.allCases.count ? "all seven components" : components.map(\.rawValue).joined(separator: ", "))"
          + ", \(SessionText.clock(Double(plan.sessionLimitSeconds))) in all"
          // A drawn session names its seed, so the same draw can be asked for again.
          + (request.selection.questionIDs.isEmpty ? " (seed \(plan.seed))" : "")
          + (plan.focus.map { ", focused on \($0)" } ?? "") + ".",
        .conversation)
    }
    // A story file that does not parse is left out here; `story check --all` names it.
    let storyHome = request.storyHome
    let runner = SessionRunner(
      style: request.style,
      grader: Grader(
        bank: bank, questionIDs: machine.plan.items.map(\.questionID), checker: request.checker,
        semantics: request.bank.semanticScorer(enabled: request.semantic)),
      stories: { StoryLibrary.stories(home: storyHome) },
      show: show)
    let transcript = try runner.run(
      &machine, sessionID: sessionID, startedAt: startedAt, startTime: startTime, input: &input,
      archive: archive)
    if let focus, !focus.gaps.isEmpty {
      show(
        "\n" + request.style.bold("Focus \(focus.name)") + ": "
          + ReconReports.gapsText(focus.gaps.map(\.name), style: request.style), .results)
    }
    return transcript
  }

  /// `rehearse history`: the sessions `filter` selects, newest first, and among them by date
  /// the debriefs of real interviews in `debriefs` (`HistoryEntry.merged`).
  public static func history(
    _ request: TranscriptRequest, filter: HistoryFilter = .all, archive: some SessionArchive,
    debriefs: (any DebriefArchive)? = nil
  ) throws -> CommandOutput {
    let summaries = try archive.summaries(filter)
    let entries = HistoryEntry.merged(
      summaries, try debriefs?.debriefs() ?? [], filter: filter, timeZone: request.timeZone)
    switch request.format {
    case .json:
      return CommandOutput(JSONOutput.encode(entries))
    default:
      return CommandOutput(
        TranscriptReports.historyText(
          entries: entries, filtered: filter != .all, style: request.style,
          timeZone: request.timeZone))
    }
  }

  /// `rehearse review` and `rehearse export`: one session in the requested form.
  public static func review(_ request: TranscriptRequest, archive: some SessionArchive) throws
    -> CommandOutput
  {
    let transcript = try archive.transcript(request.session)
    // A bank that does not load costs the review its model answers, not the review itself.
    let bank = request.bank.flatMap { try? $0.load() }
    var questions: [String: Question] = [:]
    for answer in transcript.answers {
      questions[answer.questionID] = bank?.question(id: answer.questionID)
    }
    // The story library as it is now, not as it was at the session: read only when a
    // behavioural model answer is shown, and a story file that does not parse is left out.
    let stories =
      questions.values.contains(where: ModelAnswerTemplate.applies(to:))
      ? StoryLibrary.stories(home: request.storyHome) : []
    let zone = request.timeZone
    switch request.format {
    case .text:
      return CommandOutput(
        TranscriptReports.reviewText(
          transcript, questions: questions, stories: stories, style: request.style,
          timeZone: zone))
    case .json:
      return CommandOutput(
        JSONOutput.encode(
          TranscriptReports.review(transcript, questions: questions, stories: stories)))
    case .markdown:
      return CommandOutput(
        TranscriptReports.markdown(
          transcript, questions: questions, stories: stories, timeZone: zone))
    case .html:
      return CommandOutput(
        TranscriptHTML.render(transcript, questions: questions, stories: stories, timeZone: zone))
    }
  }
}

extension Rehearse {
  /// Writes an export to the file at `path` whole or not at all, private to the user (mode
  /// 0600, even over a file that was not): it holds their answers.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    try AtomicFile.write(Array(text.utf8), to: path)
  }
}
