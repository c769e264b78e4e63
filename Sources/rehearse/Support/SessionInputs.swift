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
        let now = requestedAt.addingTimeInterval(elapsed / .seconds(1))
        return SessionText.prompt(
          request.timeLeft(at: now, requestedAt: requestedAt), continuing: request.continuing,
          style: style)
      },
      timeout: .seconds(max(0, request.deadline.timeIntervalSince(requestedAt))))
    if case .interrupted(_, let signal) = outcome { self.signal = signal }
    return (SessionMachine.Event(outcome), Date())
  }
}

/// The session's input from a pipe or file: answers end at a line holding a single `.`.
struct PipedSessionInput: SessionInput {
  let reader = PipedLineReader()
  private(set) var signal: Int32?

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    let timeout = max(0, request.deadline.timeIntervalSince(Date()))
    let outcome = reader.read(timeout: .seconds(timeout))
    if case .interrupted(_, let signal) = outcome { self.signal = signal }
    return (SessionMachine.Event(outcome), Date())
  }
}

extension SessionMachine.Event {
  /// The session event for what the line input reported.
  init(_ outcome: LineEvent) {
    switch outcome {
    case .line(let line): self = .line(line)
    case .endOfInput(let partial): self = .endOfInput(partial: partial)
    case .timedOut(let partial): self = .timeout(partial: partial)
    case .interrupted(let partial, _): self = .interrupt(partial: partial)
    }
  }
}
