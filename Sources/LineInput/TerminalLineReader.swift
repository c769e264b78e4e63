import CReadline
import Foundation

/// Reads lines from a terminal with GNU readline: line editing, history, Tab completion, and a
/// prompt that is recomputed while waiting so it can show a live countdown.
///
/// Built on readline's callback interface: `poll()` waits on standard input for at most a tick,
/// so a deadline, a changed prompt or a signal is acted on within a fifth of a second. The
/// terminal is put back in its normal mode whenever a read returns, whatever the reason.
public final class TerminalLineReader {
  private let historyFile: String?
  private let historyLength: Int
  /// How long the process was stopped (Ctrl-Z) during reads since it was last taken.
  private var stopped = Duration.zero

  /// Configures readline: the application name for `~/.inputrc`, the words Tab completes at the
  /// start of a line, and the history file (read now, written by `saveHistory()`).
  public init(
    applicationName: String, completions: [String], historyFile: String?,
    historyLength: Int = 1000
  ) {
    self.historyFile = historyFile
    self.historyLength = historyLength
    var pointers = completions.map { strdup($0) }
    pointers.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { words in
        creadline_configure(applicationName, words.baseAddress, Int32(words.count))
      }
    }
    for pointer in pointers { free(pointer) }
    if let historyFile { _ = creadline_history_read(historyFile) }
  }

  /// Writes the history file; returns an error message when it cannot be written.
  @discardableResult
  public func saveHistory() -> String? {
    guard let historyFile else { return nil }
    let result = creadline_history_write(historyFile, Int32(historyLength))
    // It holds what was typed: private (0600) whatever the umask or the mode it had before.
    chmod(historyFile, 0o600)
    return result == 0 ? nil : "\(historyFile): \(String(cString: strerror(result)))"
  }

  /// The time the process spent stopped (Ctrl-Z) during reads since the last call; forgets it.
  public func takeStoppedDuration() -> Duration {
    defer { stopped = .zero }
    return stopped
  }

  /// Reads one line, giving up after `timeout`.
  ///
  /// `prompt` is called with the time elapsed since the read began, at every tick; when its
  /// text changes, the prompt is redrawn in place, keeping what is typed and the cursor. Time
  /// the process spends stopped (Ctrl-Z) is neither elapsed nor counted against `timeout`, and
  /// is reported by `takeStoppedDuration()`. When the terminal goes away (its window closed, the
  /// connection dropped), the read reports an interruption by SIGHUP with what was typed.
  public func read(prompt: (Duration) -> String, timeout: Duration) -> LineEvent {
    let clock = ContinuousClock()
    let start = clock.now
    var stoppedHere = Duration.zero
    var shown = prompt(.zero)
    creadline_begin(shown)
    while true {
      if let signal = InputSignals.take() {
        return finish(.interrupted(partial: cancel(), signal: signal))
      }
      let beforeStop = clock.now
      if creadline_suspend_if_requested() != 0 {
        let away = clock.now - beforeStop
        stoppedHere += away
        stopped += away
      }
      switch creadline_state() {
      case 1:
        let line = takeLine()
        creadline_history_add(line)
        return .line(line)
      case 2:
        // Readline saw the end of its input: Ctrl-D on an empty line, or a terminal that is
        // gone, whose half-typed line readline has already let go of (its last state is kept).
        let partial = takeLine()
        if creadline_input_hung_up() != 0 {
          return finish(.interrupted(partial: partial, signal: SIGHUP))
        }
        return finish(.endOfInput(partial: partial))
      default: break
      }
      let now = clock.now
      let deadline = start + timeout + stoppedHere
      if now >= deadline {
        // Keys typed before the deadline and not yet read (a busy machine) are part of the
        // answer: read them first, so the partial text holds them.
        if pollInput(timeoutMilliseconds: 0) == .ready {
          readAvailable()
          if creadline_state() != 0 { continue }
        }
        return finish(.timedOut(partial: cancel()))
      }
      let current = prompt(now - start - stoppedHere)
      if current != shown {
        shown = current
        creadline_update_prompt(shown)
      }
      switch waitForInput(until: min(deadline, now + tick), clock: clock) {
      case .ready: readAvailable()
      case .closed: return finish(.interrupted(partial: cancel(), signal: SIGHUP))
      case .idle: break
      }
    }
  }

  private func takeLine() -> String {
    guard let pointer = creadline_take_line() else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// Stops the read and returns what was typed on the line.
  private func cancel() -> String {
    var partial = ""
    if let pointer = creadline_copy_buffer() {
      partial = String(cString: pointer)
      free(pointer)
    }
    creadline_cancel()
    return partial
  }

  /// Readline leaves the cursor after the text when a read is cut short: end the line.
  private func finish(_ event: LineEvent) -> LineEvent {
    creadline_end_line()
    return event
  }

  /// Feeds readline every character waiting, so a paste is taken in one go.
  private func readAvailable() {
    repeat {
      creadline_read_available()
    } while creadline_state() == 0 && InputSignals.pending == nil
      && pollInput(timeoutMilliseconds: 0) == .ready
  }
}
