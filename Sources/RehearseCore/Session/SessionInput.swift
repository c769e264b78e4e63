import Foundation

/// Where a session's input comes from: a terminal with a line editor, or a pipe.
public protocol SessionInput {
  /// Waits for the next line, end of input, timeout or interrupt, and tells when it happened.
  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date)
  /// The time now, as the input's clock tells it: when an answer finished grading.
  func currentTime() -> Date
  /// The seconds the process spent stopped (Ctrl-Z) during the last `next`, which count against
  /// no clock; forgets them.
  mutating func takeStoppedSeconds() -> Double
  /// Called once the session is prepared (its bank loaded, its questions drawn), just before it
  /// is saved: from now on an interrupt is the session's to act on, saving what was typed.
  /// Before it, there is nothing to save, and an interrupt may end the process at once.
  mutating func sessionBegins()
  /// Whether a signal (Ctrl-C, SIGTERM) arrived while an answer was being graded; grading stops
  /// at it, and a session whose last answer it was ends interrupted, since no read follows to
  /// see the signal. An input that records it keeps it for the exit status.
  mutating func signalledDuringGrading() -> Bool
}

extension SessionInput {
  /// An input that sees no signals has nothing to change when the session begins.
  public mutating func sessionBegins() {}

  /// An input that cannot be stopped while it waits reports no time stopped.
  public mutating func takeStoppedSeconds() -> Double { 0 }

  /// An input that sees no signals sees none during grading.
  public mutating func signalledDuringGrading() -> Bool { false }
}
