import Foundation
import LineInput
import RehearseCore
import RehearseStore

/// Runs a mock session at the terminal or from a pipe, and exits with the session's status.
enum SessionCommandRunner {
  static func run(_ makeRequest: (_ mode: SessionMachine.InputMode) -> MockRequest) throws {
    InputSignals.install()
    let atTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let request = makeRequest(atTerminal ? .terminal : .piped)
    try CommandRunner.run {
      let home = UserHome.folder
      let store = try SessionStore(home: home)
      let show: (String, SessionChannel) -> Void = { text, channel in
        if atTerminal || channel == .results {
          print(text)
        } else {
          CommandRunner.printError(text)
        }
      }
      let transcript: SessionTranscript
      let signal: Int32?
      if atTerminal {
        var input = TerminalSessionInput(
          historyFile: home.appendingPathComponent(RehearseHome.historyName).path,
          style: request.style)
        transcript = try Rehearse.mock(
          request, archive: store, input: &input, startTime: Date(), show: show)
        if let problem = input.reader.saveHistory() {
          CommandRunner.printError("rehearse: warning: the line history was not saved: \(problem)")
        }
        signal = input.signal
      } else {
        var input = PipedSessionInput()
        transcript = try Rehearse.mock(
          request, archive: store, input: &input, startTime: Date(), show: show)
        signal = input.signal
      }
      guard transcript.ending == .interrupted else { return CommandOutput("") }
      // 128 + the signal, as shells report it: 130 for Ctrl-C, 143 for SIGTERM.
      return CommandOutput("", status: signal.map(ExitStatus.stopped(by:)) ?? .interrupted)
    }
  }
}
