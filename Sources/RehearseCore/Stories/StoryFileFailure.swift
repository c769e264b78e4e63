/// Every problem of one story file.
public struct StoryFileFailure: RehearseError, Equatable {
  public var problems: [StoryFileError]

  public init(_ problems: [StoryFileError]) {
    self.problems = problems
  }

  public var exitStatus: ExitStatus {
    problems.contains { $0.exitStatus == .noInput } ? .noInput : .dataError
  }

  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
