import Foundation

/// The four parts of a STAR story, in the order they are told.
public enum StarPart: String, CaseIterable, Sendable, Codable, Comparable {
  case situation, task, action, result

  /// The section heading the part has in a story file.
  public var heading: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// What the part should say, for prompts and findings.
  public var purpose: String {
    switch self {
    case .situation: "the context: where you were, what was wrong or needed"
    case .task: "what you had to achieve, and why it was yours"
    case .action: "what you did, step by step, in the first person"
    case .result: "what changed, in numbers if you can"
    }
  }

  public static func < (lhs: StarPart, rhs: StarPart) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
