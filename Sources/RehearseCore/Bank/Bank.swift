import Foundation

/// A loaded, validated question bank: the questions, their rubrics and the shared lexicon.
public struct Bank: Sendable {
  /// Questions in component order, then in file order.
  public var questions: [Question]
  public var rubrics: [String: Rubric]
  public var lexicon: Lexicon
  /// The technology catalogue (`rubrics/technologies.yaml`), empty when the bank has none.
  public var technologies: [Technology]
  /// The folder the bank was loaded from.
  public var root: URL

  public init(
    questions: [Question], rubrics: [String: Rubric], lexicon: Lexicon,
    technologies: [Technology] = [], root: URL
  ) {
    self.questions = questions
    self.rubrics = rubrics
    self.lexicon = lexicon
    self.technologies = technologies
    self.root = root
  }

  /// The question with `id`, if the bank has it.
  public func question(id: String) -> Question? {
    questions.first { $0.id == id }
  }

  /// Loads and validates the bank under `root`, reporting every problem at once.
  ///
  /// - Throws: `BankLoadFailure` listing each problem as `file:line: message`.
  public static func load(from root: URL) throws(BankLoadFailure) -> Bank {
    let loader = BankLoader(root: root)
    return try loader.load()
  }
}

extension Bank {
  /// The question with `id`, or an error naming the nearest ids.
  public func requireQuestion(id: String) throws(QuestionLookupError) -> Question {
    if let question = question(id: id) { return question }
    throw .unknownID(id, suggestions: EditDistance.nearest(to: id, among: questions.map(\.id)))
  }
}
