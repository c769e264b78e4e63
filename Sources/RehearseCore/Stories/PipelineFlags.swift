/// Which of the five pipeline parts a story or answer has.
public struct PipelineFlags: Sendable, Equatable, Codable {
  public var requirement: Bool
  public var source: Bool
  public var logic: Bool
  public var destination: Bool
  public var scheduler: Bool

  public init(requirement: Bool, source: Bool, logic: Bool, destination: Bool, scheduler: Bool) {
    self.requirement = requirement
    self.source = source
    self.logic = logic
    self.destination = destination
    self.scheduler = scheduler
  }

  public subscript(part: PipelinePart) -> Bool {
    switch part {
    case .requirement: requirement
    case .source: source
    case .logic: logic
    case .destination: destination
    case .scheduler: scheduler
    }
  }

  public var count: Int { PipelinePart.allCases.filter { self[$0] }.count }
}
