import Foundation
import LineInput
import RehearseCore

/// The session's input from a pipe or file: answers end at a line holding a single `.`.
struct PipedSessionInput: SessionInput {
  let reader = PipedLineReader()
  private(set) var signal: Int32?

  func currentTime() -> Date { Date() }

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    let timeout = request.secondsToWait(from: Date())
    let outcome = reader.read(timeout: .seconds(timeout))
    if case .interrupted(_, let signal) = outcome { self.signal = signal }
    return (SessionMachine.Event(outcome), Date())
  }

  mutating func signalledDuringGrading() -> Bool {
    guard let pending = InputSignals.pending else { return false }
    signal = pending
    return true
  }
}
