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

  func currentTime() -> Date { Date() }

  mutating func next(_ request: InputRequest) -> (event: SessionMachine.Event, time: Date) {
    let requestedAt = Date()
    let style = self.style
    let outcome = reader.read(
      prompt: { elapsed in
        let now = requestedAt.addingTimeInterval(elapsed / .seconds(1))
        if let pause = request.pause { return SessionText.pausePrompt(pause, style: style) }
        guard let left = request.timeLeft(at: now, requestedAt: requestedAt) else { return "› " }
        return SessionText.prompt(left, continuing: request.continuing, style: style)
      },
      timeout: .seconds(request.secondsToWait(from: requestedAt)))
    if case .interrupted(_, let signal) = outcome { self.signal = signal }
    return (SessionMachine.Event(outcome), Date())
  }

  func takeStoppedSeconds() -> Double {
    reader.takeStoppedDuration() / .seconds(1)
  }

  mutating func signalledDuringGrading() -> Bool {
    guard let pending = InputSignals.pending else { return false }
    signal = pending
    return true
  }
}
