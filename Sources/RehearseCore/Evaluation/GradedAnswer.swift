import Foundation

/// One human-graded answer of an evaluation file.
public struct GradedAnswer: Sendable, Equatable {
  /// `assignment.question`, such as `1.1`.
  public var questionID: String
  public var question: String
  public var referenceAnswer: String
  public var answer: String
  /// The gold grade, 0–5.
  public var grade: Double
  /// The line the answer is on.
  public var line: Int

  /// The assignment: the part of the question id before the first `.`.
  public var assignment: String {
    String(questionID.prefix { $0 != "." })
  }
}
