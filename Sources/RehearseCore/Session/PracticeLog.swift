import Foundation

/// What the store counts of the answers a `progress` filter selects: their scores and bands per
/// local day and component, the questions they answered, and the talking points made since they
/// were missed.
///
/// Everything here is counted by the store (in SQL), so that `progress` reads a few rows per
/// practice day rather than every answer.
public struct PracticeLog: Sendable, Equatable {
  /// The answers of one component on one local day.
  public struct Tally: Sendable, Equatable {
    public var day: LocalDay
    public var component: Component
    /// How many answers, skipped ones (which score 0) included.
    public var answers: Int
    /// The sum of their scores.
    public var scoreTotal: Int
    public var strong: Int
    public var adequate: Int
    public var weak: Int

    public init(
      day: LocalDay, component: Component, answers: Int, scoreTotal: Int, strong: Int,
      adequate: Int, weak: Int
    ) {
      self.day = day
      self.component = component
      self.answers = answers
      self.scoreTotal = scoreTotal
      self.strong = strong
      self.adequate = adequate
      self.weak = weak
    }
  }

  /// A question answered at least once, with how often. Its component is the bank's: the
  /// store counts questions from their index alone.
  public struct Question: Sendable, Equatable {
    public var id: String
    public var answers: Int

    public init(id: String, answers: Int) {
      self.id = id
      self.answers = answers
    }
  }

  /// A talking point cleared: missed (or made only in part) by earlier answers to a question,
  /// and made by its newest one.
  public struct ClearedPoint: Sendable, Equatable {
    public var point: String
    public var questionID: String
    public var component: Component
    /// When the newest answer, the one that made it, was given.
    public var clearedAt: Date
    /// How many earlier answers missed it or made it in part.
    public var misses: Int

    public init(
      point: String, questionID: String, component: Component, clearedAt: Date, misses: Int
    ) {
      self.point = point
      self.questionID = questionID
      self.component = component
      self.clearedAt = clearedAt
      self.misses = misses
    }
  }

  /// Per local day and component, oldest day first.
  public var tallies: [Tally]
  /// Every question answered, each once.
  public var questions: [Question]
  /// The talking points cleared by an answer the filter selects.
  public var cleared: [ClearedPoint]

  public init(tallies: [Tally] = [], questions: [Question] = [], cleared: [ClearedPoint] = []) {
    self.tallies = tallies
    self.questions = questions
    self.cleared = cleared
  }
}
