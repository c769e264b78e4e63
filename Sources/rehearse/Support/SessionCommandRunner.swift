import Foundation
import LineInput
import RehearseCore
import RehearseStore

/// Runs a timed session (a mock, or a story rehearsal) at the terminal or from a pipe, and exits
/// with the session's status.
enum SessionCommandRunner {
  /// `style` colours the prompt; `start` begins the session with the input mode, the store, the input and where to show
  /// text, and returns its transcript.
  static func run(
    style: TextStyle,
    _ start: (
      _ mode: SessionMachine.InputMode, _ store: SessionStore, _ input: inout EdgeSessionInput,
      _ show: @escaping (String, SessionChannel) -> Void
    ) throws -> SessionTranscript
  ) throws {
    // Until the session begins (`EdgeSessionInput.sessionBegins`), while the store opens and
    // the bank loads, Ctrl-C and SIGTERM end the process at once (130, 143): nothing is saved
    // yet, and loading cannot stop to look for a recorded signal.
    InputSignals.install(endingProcessUntilRecording: true)
    let atTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    try CommandRunner.run {
      let home = UserHome.folder
      let store = try SessionStore(home: home)
      // Results are written as they come, each write checked; the first failure (a full disk)
      // is reported once the session ends, since every answer is already saved by then.
      let failure = OutputFailure()
      let show: (String, SessionChannel) -> Void = { text, channel in
        guard atTerminal || channel == .results else {
          CommandRunner.printError(text)
          return
        }
        guard failure.error == nil else { return }
        do {
          try CommandRunner.writeOutput(text + "\n")
        } catch {
          failure.error = error as? FileWriteError
        }
      }
      var input: EdgeSessionInput =
        atTerminal
        ? .terminal(
          TerminalSessionInput(
            historyFile: home.appendingPathComponent(RehearseHome.historyName).path, style: style))
        : .piped(PipedSessionInput())
      let transcript = try start(atTerminal ? .terminal : .piped, store, &input, show)
      if case .terminal(let terminal) = input, let problem = terminal.reader.saveHistory() {
        CommandRunner.printError(
          "rehearse: warning: the line history was not saved: \(TerminalText.safe(problem))")
      }
      if let error = failure.error, transcript.ending != .interrupted { throw error }
      guard transcript.ending == .interrupted else { return CommandOutput("") }
      // 128 + the signal, as shells report it: 130 for Ctrl-C, 143 for SIGTERM.
      return CommandOutput("", status: input.signal.map(ExitStatus.stopped(by:)) ?? .interrupted)
    }
  }
}

/// The first failure to write a session's results, kept until the session ends.
private final class OutputFailure {
  var error: FileWriteError?
}
