import Foundation
import Yams

/// Gathers the problems of one load so that a single run reports all of them.
final class ProblemCollector {
  private(set) var problems: [BankProblem] = []

  func add(_ problem: BankProblem) {
    problems.append(problem)
  }
}
