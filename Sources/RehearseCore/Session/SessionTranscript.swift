import Foundation

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
