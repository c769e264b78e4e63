/// Every problem found in one load of a bank.
public struct BankLoadFailure: RehearseError, Sendable {
  public var problems: [BankProblem]

  public init(problems: [BankProblem]) {
    self.problems = problems
  }

  public var exitStatus: ExitStatus {
    problems.contains { $0.exitStatus == .noInput } ? .noInput : .dataError
  }

  /// One `file:line: message` line per problem.
  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
