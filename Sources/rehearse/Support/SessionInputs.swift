import Foundation
import LineInput
import RehearseCore

/// The session's input at a terminal: readline with a live countdown in the prompt.
struct TerminalSessionInput: SessionInput {
  let reader: TerminalLineReader
  let style: TextStyle
  /// The signal that interrupted the session, if one did.
  private(set) var signal: Int32?

  init(historyFile: String, style: TextStyle) {
    reader = TerminalLineReader(
      applicationName: "rehearse",
      completions: SessionMachine.Command.allCases.map { ":" + $0.rawValue },
      historyFile: historyFile)
    self.style = style.forPrompt
  }

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    let requestedAt = Date()
    let style = self.style
    let outcome = reader.read(
      prompt: { elapsed in
        let now = requestedAt.addingTimeInterval(Self.seconds(elapsed))
        return SessionText.prompt(
          request.timeLeft(at: now, requestedAt: requestedAt), continuing: request.continuing,
          style: style)
      },
      timeout: .milliseconds(Int64(max(0, request.deadline.timeIntervalSince(requestedAt)) * 1000)))
    return (event(for: outcome), Date())
  }

  private mutating func event(for outcome: LineEvent) -> SessionMachine.Event {
    switch outcome {
    case .line(let line): return .line(line)
    case .endOfInput(let partial): return .endOfInput(partial: partial)
    case .timedOut(let partial): return .timeout(partial: partial)
    case .interrupted(let partial, let signal):
      self.signal = signal
      return .interrupt(partial: partial)
    }
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}

/// The session's input from a pipe or file: answers end at a line holding a single `.`.
struct PipedSessionInput: SessionInput {
  let reader = PipedLineReader()
  private(set) var signal: Int32?

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    let timeout = max(0, request.deadline.timeIntervalSince(Date()))
    let event: SessionMachine.Event
    switch reader.read(timeout: .milliseconds(Int64(timeout * 1000))) {
    case .line(let line): event = .line(line)
    case .endOfInput(let partial): event = .endOfInput(partial: partial)
    case .timedOut(let partial): event = .timeout(partial: partial)
    case .interrupted(let partial, let signal):
      self.signal = signal
      event = .interrupt(partial: partial)
    }
    return (event, Date())
  }
}
