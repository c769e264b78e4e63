import Foundation

/// The mock-interview session as a state machine: fed lines, timeouts and interrupts with the time
/// they happened, it decides what is asked, recorded and shown.
///
/// The machine never reads a clock and does no I/O: the terminal edge passes the time in with every
/// event, and acts on the outputs (prints them, saves the answers). An answer may span several
/// lines; it ends at a line holding a single `.`, or, at a terminal, at an empty line.
public struct SessionMachine: Sendable {
  /// Where the lines come from, which decides how an answer ends.
  public enum InputMode: Sendable {
    /// A person at a terminal: an empty line or `.` ends the answer; Ctrl-D on an empty answer
    /// skips the question.
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
    case hint, skip, `repeat`, time, stories, quit, help

    /// What the command does, for `:help`.
    public var summary: String {
      switch self {
      case .hint: "reveal the next hint (hints used are recorded)"
      case .skip: "skip this question (it scores 0)"
      case .repeat: "show the question again"
      case .time: "show the time left for the question and the session"
      case .stories: "list your stories that fit this question, best first"
      case .quit: "stop here; what you typed is saved, and --resume continues later"
      case .help: "list these commands"
      }
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
    /// An answer ended; save it, then show its feedback.
    case recorded(AnswerRecord)
    case finished(SessionEnding)
  }

  public enum State: Sendable, Equatable {
    case notStarted
    case asking(position: Int)
    case finished(SessionEnding)
  }

  public let plan: SessionPlan
  public let mode: InputMode
  public private(set) var state: State = .notStarted
  /// Every answer of the session, including those given before a resume.
  public private(set) var answers: [AnswerRecord]
  /// The lines of the answer being typed.
  public private(set) var draft: [String] = []

  private let questions: [String: Question]
  private let graders: [String: AnswerGrader]
  private let secondsUsedBefore: Double
  private var clockStartedAt = Date(timeIntervalSince1970: 0)
  private var questionStartedAt = Date(timeIntervalSince1970: 0)
  private var hintsShown = 0
  private var draftBytes = 0
  /// Whether the candidate was told that this answer held bytes that are not text.
  private var toldAboutBinary = false

  /// A machine for `plan` on `bank`; `previous` are the answers saved before a resume.
  ///
  /// Throws when a question of the plan is not in the bank (the bank changed since the plan was
  /// drawn). Answers to SQL and Python questions are run by `checker`; without one, they are
  /// scored by their rubric alone.
  public init(
    plan: SessionPlan, bank: Bank, mode: InputMode, previous: [AnswerRecord] = [],
    checker: ExerciseChecker? = nil
  ) throws(QuestionLookupError) {
    var questions: [Question] = []
    var graders: [String: AnswerGrader] = [:]
    let lexicon = CompiledLexicon(bank.lexicon)
    for item in plan.items where graders[item.questionID] == nil {
      let question = try bank.requireQuestion(id: item.questionID)
      questions.append(question)
      // Only the plan's rubrics are compiled: the first question shows sooner.
      let rubric = bank.rubrics[item.questionID].map { CompiledRubric($0, lexicon: lexicon) }
      if let checker, ExerciseChecker.isExecutable(question) {
        graders[item.questionID] = .exercise(question, rubric: rubric, checker: checker)
      } else if let rubric {
        graders[item.questionID] = .rubric(
          rubric, star: question.kind == .behavioural,
          pipeline: question.competencies.contains(.pipelineBuilt))
      }
    }
    self.init(plan: plan, questions: questions, graders: graders, mode: mode, previous: previous)
  }

  /// A machine for `plan` whose questions and graders are given: a story rehearsal, whose one
  /// question is the story.
  public init(
    plan: SessionPlan, questions: [Question], graders: [String: AnswerGrader], mode: InputMode,
    previous: [AnswerRecord] = []
  ) {
    self.plan = plan
    self.mode = mode
    answers = previous
    secondsUsedBefore = previous.reduce(0) { $0 + $1.secondsUsed }
    self.questions = Dictionary(questions.map { ($0.id, $0) }) { first, _ in first }
    self.graders = graders
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
      for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        outputs += handle(.line(String(line)), at: time)
      }
      return outputs
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
      return outputs + timeOut(position: position, at: deadline)
    }
    switch event {
    case .line(let line):
      return handleLine(line, position: position, at: time)
    case .timeout(let partial):
      return append(partial) + timeOut(position: position, at: time)
    case .interrupt(let partial):
      var outputs = append(partial)
      if !draftText.isEmpty { outputs += record(position: position, .interrupted, at: time) }
      return outputs + finish(.interrupted)
    case .endOfInput(let partial):
      var outputs = append(partial)
      switch mode {
      case .terminal:
        return outputs
          + record(position: position, draftText.isEmpty ? .skipped : .answered, at: time)
          + advance(after: position, at: time)
      case .piped:
        guard !draftText.isEmpty else { return outputs + finish(.endOfInput) }
        outputs += record(position: position, .answered, at: time)
        return outputs
          + (position + 1 < plan.items.count ? finish(.endOfInput) : finish(.completed))
      }
    }
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
      return record(position: position, draftText.isEmpty ? .skipped : .answered, at: time)
        + advance(after: position, at: time)
    }
    let kind = questions[plan.items[position].questionID]?.kind
    // Code keeps its empty lines: at a terminal, only prose ends at one.
    if trimmed.isEmpty && mode == .terminal && kind?.isCode != true {
      guard !draftText.isEmpty else { return [] }
      return record(position: position, .answered, at: time) + advance(after: position, at: time)
    }
    if trimmed.isEmpty && draft.isEmpty { return [] }
    let outputs = append(line, asLine: true)
    // At a terminal, a SQL answer ends with the `;` that completes its statement.
    if kind == .sql && mode == .terminal && trimmed.hasSuffix(";")
      && SQLSandbox.isComplete(draft.joined(separator: "\n"))
    {
      return outputs + record(position: position, .answered, at: time)
        + advance(after: position, at: time)
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
      return record(position: position, .skipped, at: time) + advance(after: position, at: time)
    case .repeat:
      guard var asked = current else { return [] }
      asked.isRepeat = true
      return [.ask(asked)]
    case .time:
      return timeLeft(at: time).map { [.timeLeft($0)] } ?? []
    case .quit:
      var outputs: [Output] = []
      if !draftText.isEmpty { outputs += record(position: position, .interrupted, at: time) }
      return outputs + finish(.quit)
    case .help:
      return [.help(Command.allCases)]
    case .stories:
      return question.map { [.stories($0)] } ?? []
    }
  }

  /// Adds text to the draft: a whole line, or the unfinished part of one (ignored when empty).
  private mutating func append(_ text: String, asLine: Bool = false) -> [Output] {
    let keepTabs = askingForCode
    let clean = Self.removingControlCharacters(text, keepingTabs: keepTabs)
    var outputs: [Output] = []
    if !toldAboutBinary
      && (clean != (keepTabs ? text : text.replacingOccurrences(of: "\t", with: " "))
        || clean.contains("\u{FFFD}"))
    {
      toldAboutBinary = true
      outputs.append(
        .notice(
          "the answer held bytes that are not text (control characters or invalid UTF-8): "
            + "control characters were dropped and invalid bytes shown as \u{FFFD}"))
    }
    return outputs + appendClean(clean, asLine: asLine)
  }

  private mutating func appendClean(_ clean: String, asLine: Bool) -> [Output] {
    guard asLine || !clean.isEmpty else { return [] }
    let room = AnswerInput.maximumBytes - draftBytes
    guard room > 0 else { return [] }
    let bytes = clean.utf8.count + (draft.isEmpty ? 0 : 1)
    if bytes <= room {
      draft.append(clean)
      draftBytes += bytes
      return []
    }
    // Keep what fits, cut at a character boundary.
    var kept = ""
    var used = draft.isEmpty ? 0 : 1
    for character in clean {
      let size = character.utf8.count
      if used + size > room { break }
      kept.append(character)
      used += size
    }
    draft.append(kept)
    draftBytes = AnswerInput.maximumBytes
    return [
      .notice(
        "the answer is longer than \(AnswerInput.maximumBytes) bytes: the rest was not kept")
    ]
  }

  private var draftText: String {
    draft.joined(separator: "\n").trimmedWhitespace
  }

  /// The text without control characters (escape sequences, NULs, bells), which a terminal would
  /// act on when the transcript is shown; tabs become spaces, unless `keepingTabs` (code, where
  /// they indent).
  static func removingControlCharacters(_ text: String, keepingTabs: Bool = false) -> String {
    guard
      text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        scalars.append(keepingTabs ? "\t" : " ")
      } else if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  // MARK: - Transitions

  private mutating func ask(position: Int, at time: Date) -> [Output] {
    state = .asking(position: position)
    questionStartedAt = time
    hintsShown = 0
    draft = []
    draftBytes = 0
    toldAboutBinary = false
    return current.map { [.ask($0)] } ?? []
  }

  private mutating func timeOut(position: Int, at time: Date) -> [Output] {
    let outputs = record(position: position, .timedOut, at: time)
    if sessionSecondsLeft(at: time) <= 0 { return outputs + finish(.sessionTimeUp) }
    return outputs + advance(after: position, at: time)
  }

  private mutating func record(position: Int, _ outcome: AnswerOutcome, at time: Date) -> [Output] {
    let item = plan.items[position]
    let text = draftText
    let scoredText = outcome == .skipped ? "" : text
    var scored: ScoredAnswer
    if let grader = graders[item.questionID] {
      scored = grader.score(scoredText)
      // A skipped answer has nothing to read for STAR.
      if outcome == .skipped { scored.star = nil }
    } else {
      scored = ScoredAnswer(
        question: item.questionID, score: 0, band: .weak, hits: [], misses: [], misconceptions: [],
        cappedByRequired: false)
    }
    let answer = AnswerRecord(
      position: position, questionID: item.questionID, component: item.component,
      prompt: questions[item.questionID]?.prompt ?? "", text: text, outcome: outcome,
      startedAt: questionStartedAt, answeredAt: max(time, questionStartedAt),
      hintsUsed: hintsShown, scored: scored)
    answers.append(answer)
    draft = []
    draftBytes = 0
    return [.recorded(answer)]
  }

  private mutating func advance(after position: Int, at time: Date) -> [Output] {
    let next = position + 1
    if next >= plan.items.count { return finish(.completed) }
    if sessionSecondsLeft(at: time) <= 0 { return finish(.sessionTimeUp) }
    return ask(position: next, at: time)
  }

  private mutating func finish(_ ending: SessionEnding) -> [Output] {
    state = .finished(ending)
    draft = []
    return [.finished(ending)]
  }

  private func sessionSecondsLeft(at time: Date) -> Double {
    Double(plan.sessionLimitSeconds) - secondsUsedBefore - time.timeIntervalSince(clockStartedAt)
  }
}

/// How the answers to one question are scored.
public enum AnswerGrader: Sendable {
  /// Against the question's rubric; `star` adds the STAR reading of a behavioural answer, and
  /// `pipeline` its pipeline parts.
  case rubric(CompiledRubric, star: Bool, pipeline: Bool)
  /// As a retelling of a stored story.
  case story(Story)
  /// By running the answer's code for an executable question; the rubric's talking points are
  /// kept as feedback.
  case exercise(Question, rubric: CompiledRubric?, checker: ExerciseChecker)

  /// The scored answer for `text`.
  public func score(_ text: String) -> ScoredAnswer {
    switch self {
    case .rubric(let rubric, let star, let pipeline):
      var scored = Scorer.score(text, against: rubric)
      if star { scored.star = StarAnalyzer.analyze(told: text, pipeline: pipeline) }
      return scored
    case .story(let story):
      return StoryRehearsal.score(text, against: story)
    case .exercise(let question, let rubric, let checker):
      var scored =
        rubric.map { Scorer.score(text, against: $0) }
        ?? ScoredAnswer(
          question: question.id, score: 0, band: .weak, hits: [], misses: [], misconceptions: [],
          cappedByRequired: false)
      // Nothing typed is nothing to run (a skip).
      guard !text.trimmedWhitespace.isEmpty, let report = checker.check(text, for: question) else {
        return scored
      }
      scored.apply(report)
      return scored
    }
  }
}
