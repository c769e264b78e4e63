import Foundation
import RehearseCore
import Testing

/// An archive in memory that logs what happens, and can be told to fail.
final class MemoryArchive: SessionArchive {
  var sessions: [SessionTranscript] = []
  var log: [String] = []
  var failAfterAnswers: Int?

  func createSession(plan: SessionPlan, startedAt: Date, bank: String) throws -> Int64 {
    let id = Int64(sessions.count + 1)
    sessions.append(
      SessionTranscript(
        id: id, plan: plan, startedAt: startedAt, endedAt: nil, ending: nil, answers: []))
    return id
  }

  func record(_ answer: AnswerRecord, session: Int64, replacing: Bool) throws {
    if let limit = failAfterAnswers, sessions[Int(session) - 1].answers.count >= limit {
      throw FileWriteError.ioFailure(file: "memory", reason: "disk full")
    }
    log.append("\(replacing ? "replaced" : "saved") \(answer.questionID)")
    sessions[Int(session) - 1].answers.removeAll { $0.position == answer.position }
    sessions[Int(session) - 1].answers.append(answer)
  }

  /// The sessions claimed, in order.
  var claimed: [Int64] = []

  func claim(session: Int64) throws {
    claimed.append(session)
  }

  func finish(session: Int64, ending: SessionEnding, at time: Date) throws {
    sessions[Int(session) - 1].ending = ending
    sessions[Int(session) - 1].endedAt = time
  }

  func reopen(session: Int64) throws {
    sessions[Int(session) - 1].ending = nil
    sessions[Int(session) - 1].resumed += 1
  }

  func transcripts() throws -> [SessionTranscript] { sessions.reversed() }

  func summaries(_ filter: HistoryFilter) throws -> [SessionSummary] {
    Array(sessions.reversed().map(SessionSummary.init).prefix(filter.limit ?? .max))
  }

  /// Progress is counted by the store (`SessionStore.practiceLog`); the sessions here never ask.
  func practiceLog(_ filter: ProgressFilter, timeZone: TimeZone) throws -> PracticeLog {
    PracticeLog()
  }

  func weakPoints(limit: Int?) throws -> [WeakPoint] {
    // The newest answer to each question decides which of its points are still missed.
    let answers = sessions.flatMap(\.answers).sorted { $0.answeredAt < $1.answeredAt }
    var latest: [String: Double] = [:]
    var missed: [String: (count: Int, questions: Set<String>, last: Date)] = [:]
    for answer in answers {
      for (point, credit) in WeakPoint.credits(of: answer.scored) {
        latest[answer.questionID + "\u{0}" + point] = credit
        if credit < 1 {
          var entry = missed[point] ?? (0, [], answer.answeredAt)
          entry.count += 1
          entry.last = max(entry.last, answer.answeredAt)
          missed[point] = entry
        }
      }
    }
    var points: [WeakPoint] = []
    for (point, entry) in missed {
      let open = Set(answers.map(\.questionID)).filter {
        (latest[$0 + "\u{0}" + point] ?? 1) < 1
      }
      if !open.isEmpty {
        points.append(
          WeakPoint(
            point: point, misses: entry.count, questions: open.sorted(), lastMissed: entry.last))
      }
    }
    points.sort { ($0.misses, $0.lastMissed) > ($1.misses, $1.lastMissed) }
    return Array(points.prefix(limit ?? .max))
  }

  func answers(withQuestionIDPrefix prefix: String) throws -> [AnswerRecord] {
    sessions.flatMap(\.answers).filter { $0.questionID.hasPrefix(prefix) }
  }

  /// Days are taken in UTC.
  func schedules() throws -> [QuestionSchedule] {
    let rated = sessions.flatMap(\.answers).filter { $0.rating != nil }
      .sorted { $0.answeredAt < $1.answeredAt }
    let utc = TimeZone(secondsFromGMT: 0)!
    return Dictionary(grouping: rated, by: \.questionID).compactMap { id, answers in
      StudyScheduler().replay(
        questionID: id, answers.map { (LocalDay($0.answeredAt, timeZone: utc), $0.rating!) })
    }.sorted { ($0.due, $0.questionID) < ($1.due, $1.questionID) }
  }

  func rebuildSchedules() throws -> Int { try schedules().count }

  func practiceStreak(endingOn today: LocalDay) throws -> PracticeStreak {
    let utc = TimeZone(secondsFromGMT: 0)!
    let days = Set(sessions.flatMap(\.answers).map { LocalDay($0.answeredAt, timeZone: utc) })
    var streak = PracticeStreak(endingOn: today)
    for day in days.sorted(by: >) where !streak.add(day) { break }
    return streak
  }

  func componentMeans(since: Date) throws -> [ComponentMean] {
    let recent = sessions.flatMap(\.answers).filter { $0.answeredAt >= since }
    return Dictionary(grouping: recent, by: \.component).map { component, answers in
      ComponentMean(
        component: component, answers: answers.count,
        mean: Double(answers.reduce(0) { $0 + $1.scored.score }) / Double(answers.count))
    }
  }

  func transcript(_ id: String) throws -> SessionTranscript {
    guard let session = (id == "last" ? sessions.last : Int(id).map { sessions[$0 - 1] }) else {
      throw FileWriteError.ioFailure(file: id, reason: "none")
    }
    return session
  }

  func lastUnfinished() throws -> SessionTranscript {
    guard let session = sessions.last(where: { !$0.isComplete }) else {
      throw FileWriteError.ioFailure(file: "memory", reason: "nothing to resume")
    }
    return session
  }
}

/// Input from a script of events, each a number of seconds after the previous one.
struct ScriptedInput: SessionInput {
  var events: [(SessionMachine.Event, Double)]
  var now: Date
  var requests: [InputRequest] = []

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    requests.append(request)
    guard !events.isEmpty else { return (.endOfInput(partial: ""), now) }
    let (event, seconds) = events.removeFirst()
    now = now.addingTimeInterval(seconds)
    return (event, now)
  }

  func currentTime() -> Date { now }
}

/// A scripted input whose clock also moves with the real time spent between its events, so what
/// the program does between them (grading) shows on it.
final class RealPauseInput: SessionInput {
  var script: ScriptedInput
  private var returnedAt = ContinuousClock.now

  init(_ script: ScriptedInput) {
    self.script = script
  }

  func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    script.now = currentTime()
    let next = script.next(request)
    returnedAt = ContinuousClock.now
    return next
  }

  func currentTime() -> Date {
    script.now.addingTimeInterval((ContinuousClock.now - returnedAt) / .seconds(1))
  }
}

@Suite("Session runner")
struct SessionRunnerTests {
  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  static func request(_ selection: SessionSelection, resume: Bool = false) -> MockRequest {
    MockRequest(
      bank: BankSource(
        explicitPath: Repository.root.path, environment: [:], executablePath: "/none",
        currentDirectory: "/"),
      selection: selection, resume: resume, mode: .piped, style: .plain)
  }

  @Test("each answer is saved before its feedback is shown; the summary names every component")
  func savesBeforeShowing() throws {
    let archive = MemoryArchive()
    var shown: [(String, SessionChannel)] = []
    var input = ScriptedInput(
      events: (0..<7).flatMap { index in
        [(SessionMachine.Event.line("answer \(index)"), 10.0), (.line("."), 1.0)]
      }, now: Self.start)
    let transcript = try Rehearse.mock(
      Self.request(SessionSelection(seed: 5)), archive: archive, input: &input,
      startTime: Self.start
    ) { text, channel in
      if text.contains("score ") && channel == .results {
        archive.log.append("shown feedback")
      }
      shown.append((text, channel))
    }
    #expect(transcript.answers.count == 7)
    #expect(transcript.ending == .completed)
    #expect(
      archive.log.prefix(2).map { $0.hasPrefix("saved") ? "saved" : $0 }
        == ["saved", "shown feedback"])
    let summary = try #require(shown.last)
    #expect(summary.1 == .results)
    for component in Component.allCases {
      #expect(summary.0.contains(component.title), "\(component)")
    }
    #expect(summary.0.contains("rehearse review 1"))
    #expect(shown.filter { $0.0.contains("Question ") }.allSatisfy { $0.1 == .conversation })
    #expect(archive.sessions[0].ending == .completed)
    #expect(
      input.requests.first?.timeLeft?.session == Double(transcript.plan.sessionLimitSeconds))
  }

  @Test("Ctrl-C while the last answer is graded ends the session interrupted, its answer saved")
  func signalDuringLastGrading() throws {
    /// Scripted input that reports a signal when the last of `answers` answers is graded.
    struct SignalledInput: SessionInput {
      var script: ScriptedInput
      let answers: Int
      var graded = 0
      mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
        script.next(request)
      }
      func currentTime() -> Date { script.now }
      mutating func signalledDuringGrading() -> Bool {
        graded += 1
        return graded == answers
      }
    }
    let archive = MemoryArchive()
    var input = SignalledInput(
      script: ScriptedInput(
        events: (0..<2).flatMap { index in
          [(SessionMachine.Event.line("answer \(index)"), 10.0), (.line("."), 1.0)]
        }, now: Self.start),
      answers: 2)
    let transcript = try Rehearse.mock(
      Self.request(SessionSelection(count: 2, seed: 5)), archive: archive, input: &input,
      startTime: Self.start
    ) { _, _ in }
    #expect(transcript.answers.count == 2)
    #expect(transcript.ending == .interrupted)
    #expect(archive.sessions[0].ending == .interrupted)
  }

  @Test("a failure to save ends the session with the error; the answers saved before stay")
  func saveFailure() throws {
    let archive = MemoryArchive()
    archive.failAfterAnswers = 2
    var input = ScriptedInput(
      events: (0..<7).map { _ in (SessionMachine.Event.line("."), 5.0) }, now: Self.start)
    #expect(throws: FileWriteError.self) {
      _ = try Rehearse.mock(
        Self.request(SessionSelection(seed: 5)), archive: archive, input: &input,
        startTime: Self.start
      ) { _, _ in }
    }
    #expect(archive.sessions[0].answers.count == 2)
    #expect(archive.sessions[0].ending == nil)
  }

  @Test("--resume continues the unfinished session where it stopped")
  func resume() throws {
    let archive = MemoryArchive()
    var first = ScriptedInput(
      events: [(.line("an answer"), 5), (.line("."), 1), (.interrupt(partial: "half"), 3)],
      now: Self.start)
    let stopped = try Rehearse.mock(
      Self.request(SessionSelection(count: 3, seed: 9)), archive: archive, input: &first,
      startTime: Self.start
    ) { _, _ in }
    #expect(stopped.ending == .interrupted)
    #expect(stopped.answers.map(\.outcome) == [.answered, .interrupted])

    var second = ScriptedInput(
      events: [(.line("the last one"), 5), (.line("."), 1)], now: Self.start)
    let resumed = try Rehearse.mock(
      Self.request(SessionSelection(seed: 1), resume: true), archive: archive, input: &second,
      startTime: Self.start.addingTimeInterval(3600)
    ) { _, _ in }
    #expect(resumed.id == stopped.id)
    #expect(resumed.plan == stopped.plan)
    #expect(resumed.answers.map(\.position) == [0, 1, 2])
    #expect(resumed.ending == .completed)
    #expect(archive.sessions.count == 1)
  }

  @Test("a session whose question left the bank is not resumed, and says which and why")
  func resumeAfterTheBankChanged() throws {
    let archive = MemoryArchive()
    let plan = SessionPlan(
      items: [
        .init(questionID: "dbc-renamed-since", component: .databaseConcepts, limitSeconds: 60)
      ],
      sessionLimitSeconds: 60, seed: 1)
    _ = try archive.createSession(plan: plan, startedAt: Self.start, bank: "bank")
    var input = ScriptedInput(events: [], now: Self.start)
    #expect(
      throws: ResumeError.questionGone(
        session: 1, questionID: "dbc-renamed-since", bank: Repository.root.path)
    ) {
      _ = try Rehearse.mock(
        Self.request(SessionSelection(seed: 1), resume: true), archive: archive, input: &input,
        startTime: Self.start
      ) { _, _ in }
    }
    #expect(archive.sessions[0].resumed == 0)
  }
}

@Suite("Grading in a session")
struct GradingInSessionTests {
  static let checker = ExerciseChecker(
    python: PythonChecker.locate(environment: ProcessInfo.processInfo.environment),
    limits: ExerciseLimits(pythonSeconds: 1.5, pythonCPUSeconds: 1))

  @Test(
    "a runaway Python answer does not shorten the next question's time",
    .enabled(if: checker.python.isAvailable))
  func runawayCodeCostsNoTime() throws {
    let archive = MemoryArchive()
    let input = RealPauseInput(
      ScriptedInput(
        events: [
          (.line("def latest_per_key(records):"), 4), (.line("    while True: pass"), 1),
          (.line("."), 1), (.line("SELECT 1;"), 2), (.line("."), 1),
        ], now: SessionRunnerTests.start))
    var edge = input
    let selection = SessionSelection(
      questionIDs: ["py-latest-record-per-key", "sql-total-spend-per-player-left-join"],
      minutesPerQuestion: 2, seed: 1)
    var request = SessionRunnerTests.request(selection)
    request.checker = Self.checker
    let transcript = try Rehearse.mock(
      request, archive: archive, input: &edge, startTime: SessionRunnerTests.start
    ) { _, _ in }
    let runaway = try #require(transcript.answers.first)
    #expect(runaway.scored.execution?.outcome == .timedOut)
    // The first request after the Python answer is the SQL question's first line.
    let requests = input.script.requests
    let second = try #require(requests.dropFirst(3).first)
    #expect(second.timeLeft?.question == 120, "the second question starts with all its time")
    let graded = try #require(second.deadline).timeIntervalSince(runaway.answeredAt) - 120
    #expect(graded >= 1, "the question's clock started after grading (\(graded) s)")
    #expect(second.timeLeft?.session == 240 - runaway.secondsUsed)
  }
}

@Suite("Transcript reports")
struct TranscriptReportTests {
  static func transcript(answer text: String) -> SessionTranscript {
    let scored = ScoredAnswer(
      question: "q<1>", score: 55, band: .adequate,
      hits: [.init(point: "point <i>", weight: 1, required: false, evidence: [text])],
      misses: [.init(point: "missed & gone", weight: 1, required: true, credit: 0, evidence: [])],
      misconceptions: [], cappedByRequired: false)
    let answer = AnswerRecord(
      position: 0, questionID: "q<1>", component: .dataModels, prompt: "Why \"this\"?",
      text: text, outcome: .answered, startedAt: Date(timeIntervalSince1970: 0),
      answeredAt: Date(timeIntervalSince1970: 75), hintsUsed: 1, scored: scored)
    return SessionTranscript(
      id: 3,
      plan: SessionPlan(
        items: [.init(questionID: "q<1>", component: .dataModels, limitSeconds: 60)],
        sessionLimitSeconds: 60, seed: 1),
      startedAt: Date(timeIntervalSince1970: 0), endedAt: Date(timeIntervalSince1970: 80),
      ending: .completed, answers: [answer])
  }

  static let hostile = "</blockquote><script>alert('x')</script> & \"quotes\" <svg onload=x>"

  @Test("the HTML export escapes every user string and carries an inline SVG chart")
  func html() throws {
    let page = TranscriptHTML.render(Self.transcript(answer: Self.hostile), timeZone: .gmt)
    #expect(!page.contains("<script"))
    #expect(!page.contains("<svg onload"))
    #expect(page.contains("&lt;/blockquote&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(page.contains("q&lt;1&gt;"))
    #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(page.contains("Data models: 55"))
    #expect(!page.contains("src=") && !page.contains("href="), "no external resources")
    #expect(page.hasPrefix("<!DOCTYPE html>"))
  }

  @Test("the Markdown export quotes the answer and escapes its markup")
  func markdown() throws {
    let text = "# not a heading\n* not a list\n[link](http://x)"
    let document = TranscriptReports.markdown(Self.transcript(answer: text), timeZone: .gmt)
    #expect(document.contains("> \\# not a heading\n> \\* not a list\n> \\[link\\]\\(http://x\\)"))
    #expect(document.contains("| Data models | 1 | 55 |"))
    #expect(document.contains("## 1. q\\<1\\>"))
  }

  @Test("review JSON has the keys of DESIGN.md")
  func reviewJSON() throws {
    let json = JSONOutput.encode(TranscriptReports.review(Self.transcript(answer: "text")))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    for key in ["id", "started", "complete", "answers"] {
      #expect(object[key] != nil, "\(key)")
    }
    let answer = try #require((object["answers"] as? [[String: Any]])?.first)
    for key in ["question", "component", "answer", "score", "band", "outcome", "hits", "misses"] {
      #expect(answer[key] != nil, "\(key)")
    }
    #expect(answer["outcome"] as? String == "answered")
    #expect(object["started"] as? String == "1970-01-01T00:00:00Z")
  }
}

@Suite("Session text")
struct SessionTextTests {
  @Test(
    "the clock is m:ss, rounded up, and h:mm:ss from an hour",
    arguments: [
      (0.0, "0:00"), (0.2, "0:01"), (59.0, "0:59"), (60.0, "1:00"), (599.5, "10:00"),
      (3600.0, "1:00:00"), (3725.0, "1:02:05"), (-4.0, "0:00"),
    ])
  func clock(seconds: Double, expected: String) {
    #expect(SessionText.clock(seconds) == expected)
  }

  @Test("the countdown turns yellow in the last minute and red in the last 15 seconds")
  func countdownColours() {
    let style = TextStyle(colored: true)
    #expect(SessionText.countdown(61, style: style).contains("\u{1B}[36m"))
    #expect(SessionText.countdown(60, style: style).contains("\u{1B}[33m"))
    #expect(SessionText.countdown(15, style: style).contains("\u{1B}[31m"))
    #expect(SessionText.countdown(15, style: .plain) == "0:15")
  }

  @Test("colour codes in a readline prompt are wrapped in \\001 and \\002, so readline skips them")
  func promptEscapes() {
    let left = SessionMachine.TimeLeft(
      question: 12, questionLimit: 60, session: 300, sessionLimit: 600)
    let prompt = SessionText.prompt(
      left, continuing: false, style: TextStyle(colored: true).forPrompt)
    var inside = false
    for scalar in prompt.unicodeScalars {
      switch scalar {
      case "\u{01}": inside = true
      case "\u{02}": inside = false
      case "\u{1B}": #expect(inside, "an escape outside \\001…\\002 in \(prompt.debugDescription)")
      default: break
      }
    }
    #expect(prompt.contains("0:12"))
    let plain = SessionText.prompt(left, continuing: true, style: .plain)
    #expect(plain == "[0:12 · session 5:00] … ")
  }
}
