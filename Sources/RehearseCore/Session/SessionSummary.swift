import Foundation

/// A session in a line, as `history` lists it: counted by the store, without reading its answers.
public struct SessionSummary: Sendable, Equatable {
  public var id: Int64
  public var startedAt: Date
  /// When the session ended; `nil` while it runs or when it was cut off.
  public var endedAt: Date?
  /// Why it ended; `nil` while it runs or when it was cut off.
  public var ending: SessionEnding?
  /// How many times it was resumed.
  public var resumed: Int
  /// How many questions its plan asks.
  public var planned: Int
  /// The story retold, when the session is a story rehearsal.
  public var story: String?
  /// How many answers are saved, skipped ones included.
  public var answers: Int
  /// The sum of the answers' scores.
  public var scoreTotal: Int
  /// The seconds spent answering, summed over the answers.
  public var secondsUsed: Double
  /// The components of the answers given, each once, in the order of the user's notes.
  public var components: [Component]
  /// The position of the last answer saved; `nil` before the first.
  public var lastPosition: Int?

  public init(
    id: Int64, startedAt: Date, endedAt: Date?, ending: SessionEnding?, resumed: Int,
    planned: Int, story: String?, answers: Int, scoreTotal: Int, secondsUsed: Double,
    components: [Component], lastPosition: Int?
  ) {
    self.id = id
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.ending = ending
    self.resumed = resumed
    self.planned = planned
    self.story = story
    self.answers = answers
    self.scoreTotal = scoreTotal
    self.secondsUsed = secondsUsed
    self.components = components
    self.lastPosition = lastPosition
  }

  /// The summary of a whole transcript, counted from its answers.
  public init(_ transcript: SessionTranscript) {
    self.init(
      id: transcript.id, startedAt: transcript.startedAt, endedAt: transcript.endedAt,
      ending: transcript.ending, resumed: transcript.resumed,
      planned: transcript.plan.items.count, story: transcript.plan.rehearsedStory,
      answers: transcript.answers.count,
      scoreTotal: transcript.answers.reduce(0) { $0 + $1.scored.score },
      secondsUsed: transcript.secondsUsed, components: transcript.components,
      lastPosition: transcript.answers.map(\.position).max())
  }

  /// Whether the session ran its course.
  public var isComplete: Bool { ending?.isComplete ?? false }

  /// The mean score of the answers given (a skipped question counts as 0); `nil` without any.
  public var meanScore: Double? {
    answers == 0 ? nil : Double(scoreTotal) / Double(answers)
  }

  /// Whether the mean stands for the session: at least half its questions were answered. One
  /// good answer in a session quit after it says little about the session.
  public var meanIsRepresentative: Bool {
    answers > 0 && answers * 2 >= planned
  }

  /// Whether a mock session (not a story rehearsal) stopped with questions still to ask.
  public var canResume: Bool {
    story == nil && !isComplete && (lastPosition ?? -1) + 1 < planned
  }
}
