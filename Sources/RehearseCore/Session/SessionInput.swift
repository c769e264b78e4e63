import Foundation

/// Where a session's input comes from: a terminal with a line editor, or a pipe.
public protocol SessionInput {
  /// Waits for the next line, end of input, timeout or interrupt, and tells when it happened.
  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date)
  /// The time now, as the input's clock tells it: when an answer finished grading.
  func currentTime() -> Date
}
