import Foundation

/// What the input waits with: the deadline, and what the prompt shows while waiting.
public struct InputRequest: Sendable {
  /// When to stop waiting and report a timeout.
  public var deadline: Date
  /// The time left at the moment of the request; the prompt counts down from it.
  public var timeLeft: SessionMachine.TimeLeft
  /// Whether an answer is under way (the prompt shows `…` instead of `›`).
  public var continuing: Bool

  public init(deadline: Date, timeLeft: SessionMachine.TimeLeft, continuing: Bool) {
    self.deadline = deadline
    self.timeLeft = timeLeft
    self.continuing = continuing
  }

  /// The time left at `time`, counted down from the request.
  public func timeLeft(at time: Date, requestedAt: Date) -> SessionMachine.TimeLeft {
    let elapsed = max(0, time.timeIntervalSince(requestedAt))
    var left = timeLeft
    left.question = max(0, left.question - elapsed)
    left.session = max(0, left.session - elapsed)
    return left
  }
}
