import Foundation

/// Runs a session: feeds the machine from the input, grades and saves each answer, shows the text.
public struct SessionRunner {
  public var style: TextStyle
  /// What grades the answers, between input events: the time it takes is no question's.
  public var grader: Grader
  /// Called with each piece of text to show and the stream it belongs on.
  public var show: (String, SessionChannel) -> Void
  /// The user's stories, for `:stories` and the story shown beside a behavioural model answer;
  /// read when first needed, so a session starts without waiting for them.
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
    // The positions saved so far: an answer at one of them was continued and takes its place.
    var saved = Set(machine.answers.map(\.position))
    var shelf: [Story]?
    var now = startTime
    while true {
      while let output = outputs.popFirst() {
        switch output {
        case .grade(let questionID, let text):
          let scored = grader.grade(text, questionID: questionID)
          now = max(now, input.currentTime())
          var next = machine.graded(scored, at: now)
          if input.signalledDuringGrading() {
            next = next.map { $0 == .finished(.completed) ? .finished(.interrupted) : $0 }
          }
          outputs = next[...] + outputs
        case .ask(let asked):
          // What the answer will be compared with by meaning is computed while it is typed.
          grader.prepare(questionID: asked.question.id)
          show(SessionText.question(asked, mode: machine.mode, style: style), .conversation)
        case .recorded(let answer):
          // An answer continued with `:continue` is saved again, in place of the first.
          try archive.record(
            answer, session: sessionID, replacing: saved.contains(answer.position))
          saved.insert(answer.position)
          let question = machine.question(id: answer.questionID)
          // The stories are read only for a model answer they are shown beside.
          if shelf == nil, let question, ModelAnswerTemplate.applies(to: question) {
            shelf = stories()
          }
          let feedback = FeedbackText.render(
            Feedback(answer, question: question, stories: shelf ?? []), style: style)
          show("\n" + feedback, .results)
        case .rated(let answer):
          try archive.record(answer, session: sessionID, replacing: true)
          show(SessionText.rated(answer, style: style), .conversation)
        case .paused(let pause):
          show(SessionText.pause(pause, style: style), .conversation)
        case .continuing(let asked, let draft, let secondsLeft):
          show(
            SessionText.continuing(asked, draft: draft, secondsLeft: secondsLeft, style: style),
            .conversation)
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
      let request: InputRequest
      if let pause = machine.pause {
        request = InputRequest(pause: pause)
      } else if let deadline = machine.deadline, let left = machine.timeLeft(at: now) {
        request = InputRequest(
          deadline: deadline, timeLeft: left, continuing: !machine.draft.isEmpty)
      } else {
        // Only a finished machine waits for nothing, and its `.finished` output returned above;
        // should that ever change, end the session rather than wait for nothing.
        if case .finished(let ending) = machine.state {
          outputs = [.finished(ending)]
        } else {
          outputs = [.finished(.interrupted)]
        }
        continue
      }
      let (event, time) = input.next(request)
      // Time spent stopped (Ctrl-Z) counts against no clock: the machine moves its clocks on
      // before it sees the event, so a deadline passed while stopped has not passed.
      machine.stopped(for: input.takeStoppedSeconds())
      now = max(now, time)
      outputs = machine.handle(event, at: now)[...]
    }
  }
}
