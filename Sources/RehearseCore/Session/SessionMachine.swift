import Foundation

/// The mock-interview session as a state machine: fed lines, timeouts and interrupts with the time
/// they happened, it decides what is asked, recorded and shown.
///
/// The machine never reads a clock and does no I/O: the terminal edge passes the time in with every
/// event, and acts on the outputs (prints them, grades and saves the answers). An answer may span
/// several lines and paragraphs; it ends at a line holding a single `.` (at a terminal, a SQL
/// answer also ends at the `;` that completes it).
///
/// When an answer ends, the machine asks for it to be graded (`.grade`) and waits: the runner
/// grades it (which may run code for seconds) and hands the result back with `graded(_:at:)`.
/// The time spent grading counts against no clock. With `pausesAfterFeedback` (a terminal's
/// default) the machine then waits between questions, every clock stopped, until the candidate
/// has read the feedback and presses Enter; there `:continue` reopens an answer ended by mistake
/// while its time remains. Otherwise the next question starts when grading ends.
public struct SessionMachine: Sendable {
  /// Where the lines come from, which decides how an answer ends.
  public enum InputMode: Sendable {
    /// A person at a terminal: `.` ends the answer, and empty lines separate its paragraphs;
    /// Ctrl-D ends the answer too, and on an empty answer skips the question.
    case terminal
    /// A pipe or file: only `.` ends an answer, so answers may hold empty lines; the end of the
    /// input ends the session.
    case piped
  }

  /// Something that happened at the input.
  public enum Event: Sendable, Equatable {
    /// A line the candidate entered, without its newline.
    case line(String)
    /// Ctrl-D at a terminal, or the end of piped input; `partial` is the unfinished line.
    case endOfInput(partial: String)
    /// The deadline passed; `partial` is the unfinished line.
    case timeout(partial: String)
    /// Ctrl-C or a termination signal; `partial` is the unfinished line.
    case interrupt(partial: String)
  }

  /// The `:` commands a candidate can type instead of an answer line.
  public enum Command: String, Sendable, CaseIterable {
    case hint, skip, `repeat`, time, stories, `continue`, again, easy, quit, help

    /// What the command does, for `:help`.
    public var summary: String {
      switch self {
      case .hint: "reveal the next hint (hints used are recorded)"
      case .skip: "skip this question (it scores 0)"
      case .repeat: "show the question again"
      case .time: "show the time left for the question and the session"
      case .stories: "list your stories that fit this question, best first"
      case .continue: "between questions: go back to the answer just given, while its time remains"
      case .again: "between questions: bring the question just answered back tomorrow"
      case .easy: "between questions: you knew the question just answered well; ask it much later"
      case .quit: "stop here; what you typed is saved, and --resume continues later"
      case .help: "list these commands"
      }
    }

    /// The commands that mean something while a question is asked.
    public static let whileAnswering: [Command] = [
      .hint, .skip, .repeat, .time, .stories, .quit, .help,
    ]
    /// The commands that mean something between questions, while the feedback is read.
    public static let betweenQuestions: [Command] = [
      .continue, .again, .easy, .time, .quit, .help,
    ]
  }

  /// The wait between questions, while the candidate reads the feedback; every clock is stopped.
  public struct Pause: Sendable, Equatable {
    /// The position of the answer just given, from 0.
    public var answered: Int
    /// The position of the next question: the session waits only between questions.
    public var next: Int
    public var total: Int
    /// The time left to go back to the answer just given with `:continue`; `nil` when it has
    /// none (it timed out, or the session's time is up).
    public var continueSeconds: Double?
    /// How the answer just given rates its question for the schedule; `nil` when it is no
    /// review, and `:again`/`:easy` do not apply.
    public var rating: ReviewRating?

    public init(
      answered: Int, next: Int, total: Int, continueSeconds: Double?, rating: ReviewRating? = nil
    ) {
      self.answered = answered
      self.next = next
      self.total = total
      self.continueSeconds = continueSeconds
      self.rating = rating
    }
  }

  /// A question being asked.
  public struct AskedQuestion: Sendable, Equatable {
    public var question: Question
    /// The question's place in the plan, from 0.
    public var position: Int
    public var total: Int
    public var limitSeconds: Int
    /// Whether this is `:repeat` showing the question again.
    public var isRepeat: Bool
  }

  /// The time left, in seconds, at one moment.
  public struct TimeLeft: Sendable, Equatable {
    public var question: Double
    public var questionLimit: Double
    public var session: Double
    public var sessionLimit: Double

    public init(question: Double, questionLimit: Double, session: Double, sessionLimit: Double) {
      self.question = question
      self.questionLimit = questionLimit
      self.session = session
      self.sessionLimit = sessionLimit
    }
  }

  /// What the edge should show or save.
  public enum Output: Sendable, Equatable {
    case ask(AskedQuestion)
    case hint(String, number: Int, of: Int)
    case noMoreHints
    case timeLeft(TimeLeft)
    case help([Command])
    /// The candidate asked for the stories that fit this question.
    case stories(Question)
    case unknownCommand(String)
    /// Something the candidate should know about their input (an answer cut at the limit).
    case notice(String)
    /// An answer ended: grade `text` as the answer to `questionID` and pass the result to
    /// `graded(_:at:)`; nothing else happens until then. A skipped answer's `text` is empty.
    case grade(questionID: String, text: String)
    /// A graded answer; save it (in place of an earlier one at its position: an answer
    /// continued with `:continue`), then show its feedback.
    case recorded(AnswerRecord)
    /// The candidate rated the answer just given (`:again`, `:easy`): save it again, in place.
    case rated(AnswerRecord)
    /// The session waits between questions until the candidate goes on.
    case paused(Pause)
    /// The candidate went back to an answer with `:continue`: the question again, with the
    /// answer's text so far and the time it has left.
    case continuing(AskedQuestion, draft: String, secondsLeft: Double)
    case finished(SessionEnding)
  }

  public enum State: Sendable, Equatable {
    case notStarted
    case asking(position: Int)
    /// The answer to the question at `position` is being graded.
    case grading(position: Int)
    /// The answer to the question at `position` is recorded and its feedback shown; the
    /// session waits for the candidate, every clock stopped.
    case paused(position: Int)
    case finished(SessionEnding)
  }

  /// What follows once the answer being graded is recorded.
  enum AfterGrading: Sendable, Equatable {
    /// The next question, unless the plan or the session's time is at its end.
    case advance
    /// The question's time ran out: the next question, unless the session's time is up too.
    case timedOut
    /// The session ends.
    case finish(SessionEnding)
  }

  /// An answer that ended and waits for its grade.
  struct Submission: Sendable, Equatable {
    var position: Int
    var text: String
    var outcome: AnswerOutcome
    var answeredAt: Date
    /// The moment the answer was handed over for grading, from which the pause is counted.
    var submittedAt: Date
    var then: AfterGrading
  }

  public let plan: SessionPlan
  public let mode: InputMode
  /// Whether the session waits for the candidate after each answer's feedback.
  public let pausesAfterFeedback: Bool
  public private(set) var state: State = .notStarted
  /// Every answer of the session, including those given before a resume.
  public private(set) var answers: [AnswerRecord]
  /// The lines of the answer being typed.
  public var draft: [String] { answerDraft.lines }

  private let questions: [String: Question]
  private let secondsUsedBefore: Double
  private var submission: Submission?
  /// Lines that arrived together with the end of an answer (a paste), for the next question.
  private var heldLines: [String] = []
  private var clockStartedAt = Date(timeIntervalSince1970: 0)
  private var questionStartedAt = Date(timeIntervalSince1970: 0)
  private var hintsShown = 0
  private var answerDraft = AnswerDraft()
  /// When the wait between questions began; the clocks stand still from then.
  private var pausedAt = Date(timeIntervalSince1970: 0)

  /// A machine for `plan` on `bank`; `previous` are the answers saved before a resume.
  ///
  /// Throws when a question of the plan is not in the bank (the bank changed since the plan was
  /// drawn).
  public init(
    plan: SessionPlan, bank: Bank, mode: InputMode, previous: [AnswerRecord] = [],
    pausesAfterFeedback: Bool = false
  ) throws(QuestionLookupError) {
    var questions: [Question] = []
    for item in plan.items where !questions.contains(where: { $0.id == item.questionID }) {
      questions.append(try bank.requireQuestion(id: item.questionID))
    }
    self.init(
      plan: plan, questions: questions, mode: mode, previous: previous,
      pausesAfterFeedback: pausesAfterFeedback)
  }

  /// A machine for `plan` whose questions are given: a story rehearsal, whose one question is the
  /// story.
  public init(
    plan: SessionPlan, questions: [Question], mode: InputMode, previous: [AnswerRecord] = [],
    pausesAfterFeedback: Bool = false
  ) {
    self.plan = plan
    self.mode = mode
    self.pausesAfterFeedback = pausesAfterFeedback
    answers = previous
    secondsUsedBefore = previous.reduce(0) { $0 + $1.secondsUsed }
    self.questions = Dictionary(questions.map { ($0.id, $0) }) { first, _ in first }
  }

  /// The position the session starts (or resumes) at.
  public var firstPosition: Int {
    (answers.map(\.position).max() ?? -1) + 1
  }

  /// Starts the session at `time`: asks the first unanswered question.
  public mutating func start(at time: Date) -> [Output] {
    guard case .notStarted = state else { return [] }
    clockStartedAt = time
    if firstPosition >= plan.items.count { return finish(.completed) }
    if sessionSecondsLeft(at: time) <= 0 { return finish(.sessionTimeUp) }
    return ask(position: firstPosition, at: time)
  }

  /// A question of the plan.
  public func question(id: String) -> Question? {
    questions[id]
  }

  /// The question being asked, if any.
  public var current: AskedQuestion? {
    guard case .asking(let position) = state,
      let question = questions[plan.items[position].questionID]
    else { return nil }
    return AskedQuestion(
      question: question, position: position, total: plan.items.count,
      limitSeconds: plan.items[position].limitSeconds, isRepeat: false)
  }

  /// The moment the current answer must end: the question's limit or the session's, whichever
  /// comes first; `nil` when nothing is being asked.
  public var deadline: Date? {
    guard case .asking(let position) = state else { return nil }
    let questionDeadline = questionStartedAt.addingTimeInterval(
      Double(plan.items[position].limitSeconds))
    let sessionDeadline = clockStartedAt.addingTimeInterval(
      Double(plan.sessionLimitSeconds) - secondsUsedBefore)
    return min(questionDeadline, sessionDeadline)
  }

  /// The time left for the question and the session at `time`.
  public func timeLeft(at time: Date) -> TimeLeft? {
    guard case .asking(let position) = state else { return nil }
    let limit = Double(plan.items[position].limitSeconds)
    return TimeLeft(
      question: max(0, limit - time.timeIntervalSince(questionStartedAt)), questionLimit: limit,
      session: max(0, sessionSecondsLeft(at: time)),
      sessionLimit: Double(plan.sessionLimitSeconds))
  }

  /// Handles one input event that happened at `time`.
  public mutating func handle(_ event: Event, at time: Date) -> [Output] {
    // A line holding line breaks (a paste the line editor took whole) is each of its lines.
    if case .line(let text) = event, text.contains(where: \.isNewline) {
      var outputs: [Output] = []
      var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
      while let line = lines.popFirst() {
        outputs += handle(.line(String(line)), at: time)
        // The answer ended mid-paste: the rest is typed once the next question is asked.
        if case .grading = state {
          heldLines += lines.map(String.init)
          break
        }
      }
      return outputs
    }
    if case .paused(let position) = state {
      return handlePaused(event, position: position, at: time)
    }
    guard case .asking(let position) = state else { return [] }
    if let deadline, time >= deadline {
      // The edge was late (a slow pipe, a suspended process): the deadline wins, and whatever
      // the event carried still counts as typed.
      var outputs: [Output] = []
      switch event {
      case .line(let line) where Self.command(in: line) == nil: outputs += append(line)
      case .endOfInput(let partial), .timeout(let partial), .interrupt(let partial):
        outputs += append(partial)
      case .line: break
      }
      return outputs
        + submit(position: position, .timedOut, at: deadline, then: .timedOut, handedOverAt: time)
    }
    switch event {
    case .line(let line):
      return handleLine(line, position: position, at: time)
    case .timeout(let partial):
      return append(partial) + submit(position: position, .timedOut, at: time, then: .timedOut)
    case .interrupt(let partial):
      let outputs = append(partial)
      guard !answerDraft.text.isEmpty else { return outputs + finish(.interrupted) }
      return outputs
        + submit(position: position, .interrupted, at: time, then: .finish(.interrupted))
    case .endOfInput(let partial):
      let outputs = append(partial)
      switch mode {
      case .terminal:
        return outputs
          + submit(position: position, answerDraft.text.isEmpty ? .skipped : .answered, at: time)
      case .piped:
        guard !answerDraft.text.isEmpty else { return outputs + finish(.endOfInput) }
        let ending: SessionEnding = position + 1 < plan.items.count ? .endOfInput : .completed
        return outputs + submit(position: position, .answered, at: time, then: .finish(ending))
      }
    }
  }

  /// Stops every clock for `seconds` the process spent stopped (Ctrl-Z) while a question was
  /// asked: the time a candidate is away counts against nothing, as time between questions.
  public mutating func stopped(for seconds: Double) {
    guard case .asking = state, seconds > 0 else { return }
    questionStartedAt = questionStartedAt.addingTimeInterval(seconds)
    clockStartedAt = clockStartedAt.addingTimeInterval(seconds)
  }

  /// Records the answer waiting for its grade, graded `scored`, and moves on; `time` is when
  /// grading ended, so the time it took counts against neither the next question nor the session.
  public mutating func graded(_ scored: ScoredAnswer, at time: Date) -> [Output] {
    guard case .grading(let position) = state, let submission, submission.position == position
    else { return [] }
    self.submission = nil
    let item = plan.items[position]
    var answer = AnswerRecord(
      position: position, questionID: item.questionID, component: item.component,
      prompt: questions[item.questionID]?.prompt ?? "", text: submission.text,
      outcome: submission.outcome, startedAt: questionStartedAt,
      answeredAt: max(submission.answeredAt, questionStartedAt), hintsUsed: hintsShown,
      scored: scored)
    answer.rating = Self.rating(of: answer, limitSeconds: item.limitSeconds)
    answers.append(answer)
    // The pause for grading moves the session's clock on with it.
    let pause = max(0, time.timeIntervalSince(submission.submittedAt))
    clockStartedAt = clockStartedAt.addingTimeInterval(pause)
    var outputs: [Output] = [.recorded(answer)]
    switch submission.then {
    case .finish(let ending):
      outputs += finish(ending)
    case .timedOut where sessionSecondsLeft(at: time) <= 0:
      outputs += finish(.sessionTimeUp)
    case .advance, .timedOut:
      // The wait is between questions: after the last answer the summary follows at once.
      let waits =
        pausesAfterFeedback && position + 1 < plan.items.count && sessionSecondsLeft(at: time) > 0
      outputs += waits ? beginPause(after: position, at: time) : advance(after: position, at: time)
    }
    // What was pasted after the end of the answer belongs to the next question.
    if case .asking = state, !heldLines.isEmpty {
      let lines = heldLines
      heldLines = []
      outputs += handle(.line(lines.joined(separator: "\n")), at: time)
    } else if case .finished = state {
      heldLines = []
    }
    return outputs
  }

  // MARK: - Between questions

  /// Handles an event while the session waits between questions: Enter goes on, `:continue`
  /// goes back to the answer just given, `:quit` and Ctrl-C end the session.
  private mutating func handlePaused(_ event: Event, position: Int, at time: Date) -> [Output] {
    switch event {
    case .line(let line):
      if let word = Self.command(in: line) {
        guard let command = Command(rawValue: String(word)),
          Command.betweenQuestions.contains(command)
        else {
          return [
            .notice(":\(word) is not a command between questions; :help lists those that are")
          ]
        }
        switch command {
        case .continue: return continueAnswer(at: position, time: time)
        case .again: return rate(position, .again)
        case .easy: return rate(position, .easy)
        case .quit: return finish(.quit)
        default: return [.help(Command.betweenQuestions)]
        }
      }
      guard line.trimmedWhitespace.isEmpty else {
        return [
          .notice(
            "no question is open, so that line was not kept: press Enter for the next question")
        ]
      }
      return goOn(after: position, at: time)
    case .endOfInput:
      guard mode == .terminal else {
        return finish(position + 1 < plan.items.count ? .endOfInput : .completed)
      }
      return goOn(after: position, at: time)
    case .interrupt:
      return finish(.interrupted)
    case .timeout:
      return []
    }
  }

  /// Rates the answer at `position` as the candidate says, over the rating its band gave.
  private mutating func rate(_ position: Int, _ rating: ReviewRating) -> [Output] {
    guard let index = answers.lastIndex(where: { $0.position == position }),
      answers[index].rating != nil
    else { return [.notice("that answer is not scheduled, so it cannot be rated")] }
    answers[index].rating = rating
    return [.rated(answers[index])]
  }

  /// The rating an answer gives its question (`ReviewRating.of`).
  static func rating(of answer: AnswerRecord, limitSeconds: Int) -> ReviewRating? {
    ReviewRating.of(
      questionID: answer.questionID, outcome: answer.outcome, band: answer.scored.band,
      hintsUsed: answer.hintsUsed, secondsUsed: answer.secondsUsed,
      secondsAllowed: Double(limitSeconds))
  }

  /// Waits between questions after the answer at `position`, every clock stopped from `time`.
  private mutating func beginPause(after position: Int, at time: Date) -> [Output] {
    state = .paused(position: position)
    pausedAt = time
    return pause.map { [.paused($0)] } ?? []
  }

  /// The wait between questions, while the session waits after an answer's feedback.
  public var pause: Pause? {
    guard case .paused(let position) = state else { return nil }
    return Pause(
      answered: position, next: position + 1, total: plan.items.count,
      continueSeconds: secondsToContinue(position),
      rating: answers.last(where: { $0.position == position })?.rating)
  }

  /// Ends the wait at `time`: the clocks run again and the next question is asked.
  private mutating func goOn(after position: Int, at time: Date) -> [Output] {
    clockStartedAt = clockStartedAt.addingTimeInterval(max(0, time.timeIntervalSince(pausedAt)))
    var outputs = advance(after: position, at: time)
    if case .asking = state, !heldLines.isEmpty {
      let lines = heldLines
      heldLines = []
      outputs += handle(.line(lines.joined(separator: "\n")), at: time)
    }
    return outputs
  }

  /// The time the answer at `position` (the last recorded) has left to be continued; `nil` when
  /// it timed out or less than a second is left for it or for the session.
  private func secondsToContinue(_ position: Int) -> Double? {
    guard let record = answers.last, record.position == position, record.outcome != .timedOut
    else { return nil }
    let left = min(
      Double(plan.items[position].limitSeconds) - record.secondsUsed,
      sessionSecondsLeft(at: pausedAt))
    return left >= 1 ? left : nil
  }

  /// Goes back to the answer at `position` at `time`: its text becomes the draft again, its
  /// question's clock resumes where it stopped, and the answer is recorded anew when it ends.
  private mutating func continueAnswer(at position: Int, time: Date) -> [Output] {
    guard let left = secondsToContinue(position), let record = answers.last else {
      return [.notice("that answer has no time left, so it cannot be continued")]
    }
    clockStartedAt = clockStartedAt.addingTimeInterval(max(0, time.timeIntervalSince(pausedAt)))
    answers.removeLast()
    state = .asking(position: position)
    questionStartedAt = time.addingTimeInterval(-record.secondsUsed)
    hintsShown = record.hintsUsed
    answerDraft.reset()
    if !record.text.isEmpty {
      for line in record.text.split(separator: "\n", omittingEmptySubsequences: false) {
        _ = answerDraft.append(String(line), asLine: true, keepingTabs: askingForCode)
      }
    }
    guard let asked = current else { return [] }
    return [.continuing(asked, draft: record.text, secondsLeft: left)]
  }

  // MARK: - Lines and commands

  /// The command a line holds: `:` and a word, alone on the line.
  public static func command(in line: String) -> Substring? {
    let trimmed = line.trimmedWhitespace
    guard trimmed.count > 1, trimmed.first == ":",
      trimmed.dropFirst().allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    return Substring(trimmed.dropFirst().lowercased())
  }

  private mutating func handleLine(_ line: String, position: Int, at time: Date) -> [Output] {
    if let word = Self.command(in: line) {
      guard let command = Command(rawValue: String(word)) else {
        return [.unknownCommand(String(word))]
      }
      return run(command, position: position, at: time)
    }
    let trimmed = line.trimmedWhitespace
    if trimmed == "." {
      return submit(position: position, answerDraft.text.isEmpty ? .skipped : .answered, at: time)
    }
    let kind = questions[plan.items[position].questionID]?.kind
    // Empty lines separate paragraphs; one before any text is nothing to keep.
    if trimmed.isEmpty && draft.isEmpty { return [] }
    let outputs = append(line, asLine: true)
    // At a terminal, a SQL answer ends with the `;` that completes its statement.
    if kind == .sql && mode == .terminal && trimmed.hasSuffix(";")
      && SQLSandbox.isComplete(draft.joined(separator: "\n"))
    {
      return outputs + submit(position: position, .answered, at: time)
    }
    return outputs
  }

  /// Whether the question being asked wants code, whose tabs are kept.
  private var askingForCode: Bool {
    guard case .asking(let position) = state else { return false }
    return questions[plan.items[position].questionID]?.kind.isCode == true
  }

  private mutating func run(_ command: Command, position: Int, at time: Date) -> [Output] {
    let question = questions[plan.items[position].questionID]
    switch command {
    case .hint:
      let hints = question?.hints ?? []
      guard hintsShown < hints.count else { return [.noMoreHints] }
      hintsShown += 1
      return [.hint(hints[hintsShown - 1], number: hintsShown, of: hints.count)]
    case .skip:
      return submit(position: position, .skipped, at: time)
    case .repeat:
      guard var asked = current else { return [] }
      asked.isRepeat = true
      return [.ask(asked)]
    case .time:
      return timeLeft(at: time).map { [.timeLeft($0)] } ?? []
    case .quit:
      guard !answerDraft.text.isEmpty else { return finish(.quit) }
      return submit(position: position, .interrupted, at: time, then: .finish(.quit))
    case .help:
      return [.help(Command.whileAnswering)]
    case .continue:
      return [
        .notice(":continue goes back to an answer between questions; this one is still open")
      ]
    case .again, .easy:
      return [
        .notice(
          ":\(command.rawValue) rates an answer once it is given, while its feedback is shown")
      ]
    case .stories:
      return question.map { [.stories($0)] } ?? []
    }
  }

  /// Adds text to the draft: a whole line, or the unfinished part of one (ignored when empty).
  private mutating func append(_ text: String, asLine: Bool = false) -> [Output] {
    answerDraft.append(text, asLine: asLine, keepingTabs: askingForCode).map { .notice($0) }
  }

  // MARK: - Transitions

  private mutating func ask(position: Int, at time: Date) -> [Output] {
    state = .asking(position: position)
    questionStartedAt = time
    hintsShown = 0
    answerDraft.reset()
    return current.map { [.ask($0)] } ?? []
  }

  /// Ends the answer at `position` at `time` and asks for its grade; `then` is what follows once
  /// it is recorded. `handedOverAt` is when the event came, when that was after the answer ended
  /// (an edge that was late for the deadline).
  private mutating func submit(
    position: Int, _ outcome: AnswerOutcome, at time: Date, then: AfterGrading = .advance,
    handedOverAt: Date? = nil
  ) -> [Output] {
    let text = answerDraft.text
    submission = Submission(
      position: position, text: text, outcome: outcome, answeredAt: time,
      submittedAt: handedOverAt ?? time, then: then)
    state = .grading(position: position)
    answerDraft.clearLines()
    return [
      .grade(questionID: plan.items[position].questionID, text: outcome == .skipped ? "" : text)
    ]
  }

  private mutating func advance(after position: Int, at time: Date) -> [Output] {
    let next = position + 1
    if next >= plan.items.count { return finish(.completed) }
    if sessionSecondsLeft(at: time) <= 0 { return finish(.sessionTimeUp) }
    return ask(position: next, at: time)
  }

  private mutating func finish(_ ending: SessionEnding) -> [Output] {
    state = .finished(ending)
    answerDraft.clearLines()
    return [.finished(ending)]
  }

  private func sessionSecondsLeft(at time: Date) -> Double {
    Double(plan.sessionLimitSeconds) - secondsUsedBefore - time.timeIntervalSince(clockStartedAt)
  }
}
