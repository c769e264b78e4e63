import Foundation

/// What the input waits with: the deadline, and what the prompt shows while waiting.
public struct InputRequest: Sendable {
  /// When to stop waiting and report a timeout; `nil` between questions, when nothing runs out.
  public var deadline: Date?
  /// The time left at the moment of the request, from which the prompt counts down; `nil`
  /// between questions.
  public var timeLeft: SessionMachine.TimeLeft?
  /// Whether an answer is under way (the prompt shows `…` instead of `›`).
  public var continuing: Bool
  /// The wait between questions this request is for, if it is one.
  public var pause: SessionMachine.Pause?

  /// A request for a line of an answer, with its deadline.
  public init(deadline: Date, timeLeft: SessionMachine.TimeLeft, continuing: Bool) {
    self.deadline = deadline
    self.timeLeft = timeLeft
    self.continuing = continuing
  }

  /// A request for a line between questions: no deadline, every clock stopped.
  public init(pause: SessionMachine.Pause) {
    self.continuing = false
    self.pause = pause
  }

  /// The seconds to wait from `time` before reporting a timeout; without a deadline, a day, far
  /// beyond any wait between questions and within what every clock can count.
  public func secondsToWait(from time: Date) -> Double {
    deadline.map { max(0, $0.timeIntervalSince(time)) } ?? 86_400
  }

  /// The time left at `time`, counted down from the request; `nil` between questions.
  public func timeLeft(at time: Date, requestedAt: Date) -> SessionMachine.TimeLeft? {
    guard var left = timeLeft else { return nil }
    let elapsed = max(0, time.timeIntervalSince(requestedAt))
    left.question = max(0, left.question - elapsed)
    left.session = max(0, left.session - elapsed)
    return left
  }
}
