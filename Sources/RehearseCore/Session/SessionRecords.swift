import Foundation

/// How an answer came to an end.
public enum AnswerOutcome: String, Sendable, Codable, CaseIterable {
  /// The candidate gave the answer.
  case answered
  /// The question's or the session's time ran out; what was typed was kept.
  case timedOut = "timed_out"
  /// The candidate skipped the question (`:skip` or Ctrl-D on an empty line).
  case skipped
  /// The candidate stopped the session (Ctrl-C, a signal, `:quit`) while answering.
  case interrupted
}

/// One answer of a session, as saved the moment it is given.
public struct AnswerRecord: Sendable, Equatable, Codable {
  /// The answer's place in the plan, from 0.
  public var position: Int
  public var questionID: String
  public var component: Component
  /// The question as it was asked.
  public var prompt: String
  /// The answer exactly as typed.
  public var text: String
  public var outcome: AnswerOutcome
  public var startedAt: Date
  public var answeredAt: Date
  /// How many of the question's hints were revealed.
  public var hintsUsed: Int
  /// The scored answer; a skipped answer scores 0 and misses every point.
  public var scored: ScoredAnswer

  public init(
    position: Int, questionID: String, component: Component, prompt: String, text: String,
    outcome: AnswerOutcome, startedAt: Date, answeredAt: Date, hintsUsed: Int,
    scored: ScoredAnswer
  ) {
    self.position = position
    self.questionID = questionID
    self.component = component
    self.prompt = prompt
    self.text = text
    self.outcome = outcome
    self.startedAt = startedAt
    self.answeredAt = answeredAt
    self.hintsUsed = hintsUsed
    self.scored = scored
  }

  /// The seconds the answer took.
  public var secondsUsed: Double {
    max(0, answeredAt.timeIntervalSince(startedAt))
  }
}

/// Why a session ended.
public enum SessionEnding: String, Sendable, Codable {
  /// Every question of the plan got an answer, a skip or a timeout.
  case completed
  /// The session's time ran out.
  case sessionTimeUp = "session_time_up"
  /// The candidate typed `:quit`.
  case quit
  /// Ctrl-C or a termination signal.
  case interrupted
  /// Standard input ended before every question was answered.
  case endOfInput = "end_of_input"

  /// Whether the session ran its course; a session that did not can be resumed.
  public var isComplete: Bool {
    self == .completed || self == .sessionTimeUp
  }
}

/// A saved session with its answers: what `review` and `export` show.
public struct SessionTranscript: Sendable, Equatable {
  public var id: Int64
  public var plan: SessionPlan
  public var startedAt: Date
  /// When the session ended; `nil` when it was cut off (the process was killed or crashed).
  public var endedAt: Date?
  /// Why it ended; `nil` when it was cut off.
  public var ending: SessionEnding?
  public var answers: [AnswerRecord]
  /// How many times the session was resumed.
  public var resumed: Int

  public init(
    id: Int64, plan: SessionPlan, startedAt: Date, endedAt: Date?, ending: SessionEnding?,
    answers: [AnswerRecord], resumed: Int = 0
  ) {
    self.resumed = resumed
    self.id = id
    self.plan = plan
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.ending = ending
    self.answers = answers
  }

  /// Whether the session ran its course.
  public var isComplete: Bool { ending?.isComplete ?? false }

  /// The seconds spent answering, summed over the answers.
  public var secondsUsed: Double { answers.reduce(0) { $0 + $1.secondsUsed } }

  /// The mean score over every question asked; a skipped question counts as 0.
  public var meanScore: Double? {
    answers.isEmpty
      ? nil : Double(answers.reduce(0) { $0 + $1.scored.score }) / Double(answers.count)
  }

  /// The components of the answers given, each once, in the order of the user's notes.
  public var components: [Component] {
    Array(Set(answers.map(\.component))).sorted()
  }
}
