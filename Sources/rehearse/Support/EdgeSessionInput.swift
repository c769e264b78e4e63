import Foundation
import LineInput
import RehearseCore

/// The session's input at the edge: a terminal, or a pipe.
enum EdgeSessionInput: SessionInput {
  case terminal(TerminalSessionInput)
  case piped(PipedSessionInput)

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    switch self {
    case .terminal(var input):
      let next = input.next(request)
      self = .terminal(input)
      return next
    case .piped(var input):
      let next = input.next(request)
      self = .piped(input)
      return next
    }
  }

  func currentTime() -> Date { Date() }

  mutating func takeStoppedSeconds() -> Double {
    switch self {
    case .terminal(let input): input.takeStoppedSeconds()
    case .piped: 0
    }
  }

  /// From now on signals are recorded for the session to act on; until now they ended the
  /// process at once (`SessionCommandRunner`).
  mutating func sessionBegins() {
    InputSignals.record()
  }

  /// The signal that interrupted the session, if one did.
  var signal: Int32? {
    switch self {
    case .terminal(let input): input.signal
    case .piped(let input): input.signal
    }
  }
}
