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

  /// The signal that interrupted the session, if one did.
  var signal: Int32? {
    switch self {
    case .terminal(let input): input.signal
    case .piped(let input): input.signal
    }
  }
}

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

  func currentTime() -> Date { Date() }

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

  func currentTime() -> Date { Date() }

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

/// The lines of `story add`: readline at a terminal (Tab completes competencies), else plain
/// lines from standard input.
struct EdgeFormInput: FormInput {
  private let reader: TerminalLineReader?
  private let piped = PipedLineReader()
  private let style: TextStyle

  init(atTerminal: Bool, style: TextStyle) {
    self.style = style.forPrompt
    reader =
      atTerminal
      ? TerminalLineReader(
        applicationName: "rehearse", completions: Competency.allCases.map(\.rawValue),
        historyFile: nil)
      : nil
  }

  mutating func read(prompt: String) -> FormAnswer {
    let event: LineEvent
    if let reader {
      let styled = style.cyan(prompt)
      event = reader.read(prompt: { _ in styled }, timeout: .seconds(7 * 24 * 3600))
    } else {
      CommandRunner.printError(prompt)
      event = piped.read(timeout: .seconds(7 * 24 * 3600))
    }
    switch event {
    case .line(let line): return .line(line)
    case .endOfInput(let partial): return partial.isEmpty ? .end : .line(partial)
    case .timedOut: return .end
    case .interrupted: return .interrupt
    }
  }
}
