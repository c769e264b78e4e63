import Foundation

/// The two private draft files of a question being added (`Rehearse.bankAddDraft`), in a
/// bank-shaped folder of their own so that they lint like a bank.
public struct OwnQuestionFiles: Sendable, Equatable {
  /// The id the draft was written for.
  public var id: String
  /// The draft's folder, holding `question-bank/ID.yaml` and `rubrics/ID.yaml`.
  public var folder: URL

  public init(id: String, folder: URL) {
    self.id = id
    self.folder = folder
  }

  /// The question's draft.
  public var question: URL {
    folder.appendingPathComponent(BankLoader.questionFolder).appendingPathComponent(id + ".yaml")
  }

  /// The rubric's draft.
  public var rubric: URL {
    folder.appendingPathComponent(BankLoader.rubricFolder).appendingPathComponent(id + ".yaml")
  }

  /// Both paths, the question first: what the editor opens.
  public var paths: [String] { [question.path, rubric.path] }
}
