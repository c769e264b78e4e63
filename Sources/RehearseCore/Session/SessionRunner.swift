import Foundation

/// What the input waits with: the deadline, and what the prompt shows while waiting.
public struct InputRequest: Sendable {
  /// When to stop waiting and report a timeout.
  public var deadline: Date
  /// The time left at the moment of the request; the prompt counts down from it.
  public var timeLeft: SessionMachine.TimeLeft
  /// Whether an answer is under way (the prompt shows `…` instead of `›`).
  public var continuing: Bool

  public init(deadline: Date, timeLeft: SessionMachine.TimeLeft, continuing: Bool) {
    self.deadline = deadline
    self.timeLeft = timeLeft
    self.continuing = continuing
  }

  /// The time left at `time`, counted down from the request.
  public func timeLeft(at time: Date, requestedAt: Date) -> SessionMachine.TimeLeft {
    let elapsed = max(0, time.timeIntervalSince(requestedAt))
    var left = timeLeft
    left.question = max(0, left.question - elapsed)
    left.session = max(0, left.session - elapsed)
    return left
  }
}

/// Where a session's input comes from: a terminal with a line editor, or a pipe.
public protocol SessionInput {
  /// Waits for the next line, end of input, timeout or interrupt, and tells when it happened.
  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date)
  /// The time now, as the input's clock tells it: when an answer finished grading.
  func currentTime() -> Date
}

/// Where sessions and their answers are kept: the store under `REHEARSE_HOME`.
///
/// Declared here so that the session logic and its tests need no database; `RehearseStore`
/// provides the SQLite implementation.
public protocol SessionArchive {
  /// Saves a new session and returns its id.
  func createSession(plan: SessionPlan, startedAt: Date, bank: String) throws -> Int64
  /// Saves one answer, in its own transaction, before anything else happens.
  func record(_ answer: AnswerRecord, session: Int64) throws
  /// Marks a session ended.
  func finish(session: Int64, ending: SessionEnding, at time: Date) throws
  /// Marks an unfinished session as running again.
  func reopen(session: Int64) throws
  /// Every session, newest first.
  func transcripts() throws -> [SessionTranscript]
  /// One session: an id, or `last` for the newest.
  func transcript(_ id: String) throws -> SessionTranscript
  /// The newest session that did not run its course and has questions left.
  func lastUnfinished() throws -> SessionTranscript
}

/// Which stream a piece of session text belongs on.
public enum SessionChannel: Sendable, Equatable {
  /// Questions, hints and notices: the conversation. On standard error when input is piped.
  case conversation
  /// Feedback and the summary: the results. Always on standard output.
  case results
}

/// Runs a session: feeds the machine from the input, grades and saves each answer, shows the text.
public struct SessionRunner {
  public var style: TextStyle
  /// What grades the answers, between input events: the time it takes is no question's.
  public var grader: Grader
  /// Called with each piece of text to show and the stream it belongs on.
  public var show: (String, SessionChannel) -> Void
  /// The user's stories, for `:stories`; read when first asked for, so a session starts
  /// without waiting for them.
  public var stories: () -> [Story]

  public init(
    style: TextStyle, grader: Grader, stories: @escaping () -> [Story] = { [] },
    show: @escaping (String, SessionChannel) -> Void
  ) {
    self.style = style
    self.grader = grader
    self.stories = stories
    self.show = show
  }

  /// Runs `machine` from `startTime` until it finishes; returns the transcript of the session.
  ///
  /// Each answer is graded when it ends, then saved in `archive` before its feedback is shown, so
  /// what is on the screen is already on disk. The machine is told the time grading ended, from
  /// which the next question's clock runs. A failure to save ends the session and is rethrown;
  /// the answers saved before it stay saved.
  public func run(
    _ machine: inout SessionMachine, sessionID: Int64, startedAt: Date, startTime: Date,
    input: inout some SessionInput, archive: some SessionArchive
  ) throws -> SessionTranscript {
    var outputs = machine.start(at: startTime)[...]
    var shelf: [Story]?
    var now = startTime
    while true {
      while let output = outputs.popFirst() {
        switch output {
        case .grade(let questionID, let text):
          let scored = grader.grade(text, questionID: questionID)
          now = max(now, input.currentTime())
          outputs = machine.graded(scored, at: now)[...] + outputs
        case .ask(let asked):
          show(SessionText.question(asked, mode: machine.mode, style: style), .conversation)
        case .recorded(let answer):
          try archive.record(answer, session: sessionID)
          let feedback = FeedbackText.render(
            Feedback(answer, question: machine.question(id: answer.questionID)), style: style)
          show("\n" + feedback, .results)
        case .stories(let question):
          if shelf == nil { shelf = stories() }
          let stories = shelf ?? []
          show(
            StoryReports.fittingText(
              StoryMatcher.rank(stories, for: question), total: stories.count, style: style),
            .conversation)
        case .finished(let ending):
          try archive.finish(session: sessionID, ending: ending, at: now)
          let transcript = SessionTranscript(
            id: sessionID, plan: machine.plan, startedAt: startedAt, endedAt: now,
            ending: ending, answers: machine.answers)
          show(SessionText.summary(transcript, style: style), .results)
          return transcript
        default:
          if let text = SessionText.message(output, style: style) { show(text, .conversation) }
        }
      }
      guard let deadline = machine.deadline, let left = machine.timeLeft(at: now) else {
        // Only a finished machine has no deadline, and its `.finished` output returned above;
        // should that ever change, end the session rather than wait for nothing.
        if case .finished(let ending) = machine.state {
          outputs = [.finished(ending)]
        } else {
          outputs = [.finished(.interrupted)]
        }
        continue
      }
      let request = InputRequest(
        deadline: deadline, timeLeft: left, continuing: !machine.draft.isEmpty)
      let (event, time) = input.next(request)
      now = max(now, time)
      outputs = machine.handle(event, at: now)[...]
    }
  }
}
