import Foundation

/// Where sessions and their answers are kept: the store under `REHEARSE_HOME`.
///
/// Declared here so that the session logic and its tests need no database; `RehearseStore`
/// provides the SQLite implementation.
public protocol SessionArchive {
  /// Saves a new session and returns its id.
  func createSession(plan: SessionPlan, startedAt: Date, bank: String) throws -> Int64
  /// Saves one answer, in its own transaction, before anything else happens. An answer at a
  /// position already saved is refused, unless `replacing` says it is meant to take its place
  /// (an answer continued with `:continue`).
  func record(_ answer: AnswerRecord, session: Int64, replacing: Bool) throws
  /// Marks a session ended.
  func finish(session: Int64, ending: SessionEnding, at time: Date) throws
  /// Holds a session for this process while it runs, so that no other process runs it too;
  /// throws when another process holds it. `finish` lets go of it.
  func claim(session: Int64) throws
  /// Marks an unfinished session as running again.
  func reopen(session: Int64) throws
  /// Every session, newest first, with all its answers.
  func transcripts() throws -> [SessionTranscript]
  /// The sessions `filter` selects, newest first, as summaries: what `history` lists, counted
  /// without reading every answer.
  func summaries(_ filter: HistoryFilter) throws -> [SessionSummary]
  /// Every answer to a question whose id starts with `prefix`, oldest first.
  func answers(withQuestionIDPrefix prefix: String) throws -> [AnswerRecord]
  /// The talking points still missed (the last answer to a question asking one missed it or
  /// made it in part), most often missed first; at most `limit` of them.
  func weakPoints(limit: Int?) throws -> [WeakPoint]
  /// The schedule of every question answered, soonest due first.
  func schedules() throws -> [QuestionSchedule]
  /// Rebuilds every schedule from the saved answers' ratings; returns how many questions are
  /// scheduled.
  func rebuildSchedules() throws -> Int
  /// The run of consecutive days practised that ends on `today` (or the day before).
  func practiceStreak(endingOn today: LocalDay) throws -> PracticeStreak
  /// Each component's answers since `since` and their mean score.
  func componentMeans(since: Date) throws -> [ComponentMean]
  /// The answers `filter` selects, counted per local day of `timeZone` and component, with the
  /// questions they answered and the talking points they cleared: what `progress` shows,
  /// counted without reading every answer.
  func practiceLog(_ filter: ProgressFilter, timeZone: TimeZone) throws -> PracticeLog
  /// One session: an id, or `last` for the newest.
  func transcript(_ id: String) throws -> SessionTranscript
  /// The newest session that did not run its course and has questions left.
  func lastUnfinished() throws -> SessionTranscript
}

extension SessionArchive {
  /// What the archive knows of the candidate's study on `today`: every schedule, and how many
  /// talking points each question still misses.
  public func studyState(on today: LocalDay) throws -> StudyState {
    var weakQuestions: [String: Int] = [:]
    let points = try weakPoints(limit: nil)
    for point in points {
      for question in point.questions { weakQuestions[question, default: 0] += 1 }
    }
    return StudyState(
      today: today,
      schedules: Dictionary(try schedules().map { ($0.questionID, $0) }) { first, _ in first },
      weakQuestions: weakQuestions, weakPointCount: points.count)
  }

  /// Saves a new answer; one already saved at its position is refused.
  public func record(_ answer: AnswerRecord, session: Int64) throws {
    try record(answer, session: session, replacing: false)
  }
}
