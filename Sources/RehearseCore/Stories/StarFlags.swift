/// Which of the four STAR parts a story or answer has.
public struct StarFlags: Sendable, Equatable, Codable {
  public var situation: Bool
  public var task: Bool
  public var action: Bool
  public var result: Bool

  public init(situation: Bool, task: Bool, action: Bool, result: Bool) {
    self.situation = situation
    self.task = task
    self.action = action
    self.result = result
  }

  public subscript(part: StarPart) -> Bool {
    switch part {
    case .situation: situation
    case .task: task
    case .action: action
    case .result: result
    }
  }

  /// Whether all four parts are there.
  public var isComplete: Bool { situation && task && action && result }
}
