/// What a command prints and the code it exits with.
public struct CommandOutput: Sendable, Equatable {
  public var standardOutput: String
  public var status: ExitStatus
  /// Lines for standard error, such as the problems of files that were left out.
  public var standardError: [String]

  public init(_ standardOutput: String, status: ExitStatus = .success, standardError: [String] = [])
  {
    self.standardOutput = standardOutput
    self.status = status
    self.standardError = standardError
  }
}
