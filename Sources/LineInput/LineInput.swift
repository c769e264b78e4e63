import CReadline
import Foundation

/// How a wait for a line ended.
public enum LineEvent: Sendable, Equatable {
  /// A line was entered (without its newline).
  case line(String)
  /// Ctrl-D on an empty line, or the end of piped input; `partial` is an unfinished last line.
  case endOfInput(partial: String)
  /// The time ran out; `partial` is what was typed on the line so far.
  case timedOut(partial: String)
  /// A signal (SIGINT from Ctrl-C, SIGTERM, SIGHUP) arrived; `partial` is what was typed.
  case interrupted(partial: String, signal: Int32)
}

/// The process-wide signal flag that line input watches.
public enum InputSignals {
  /// Records SIGINT, SIGTERM and SIGHUP instead of dying on them, and unblocks them (a parent,
  /// such as a test runner, may start us with SIGINT blocked).
  public static func install() {
    creadline_install_signal_handlers()
  }

  /// The signal received and not yet handled, if any.
  public static var pending: Int32? {
    let signal = creadline_pending_signal()
    return signal == 0 ? nil : signal
  }

  /// The signal received, if any; forgets it.
  public static func take() -> Int32? {
    let signal = creadline_take_signal()
    return signal == 0 ? nil : signal
  }
}

/// How often a waiting read wakes up to redraw the countdown and look for signals.
let tick = Duration.milliseconds(200)

/// Reads lines from a terminal with GNU readline: line editing, history, Tab completion, and a
/// prompt that is recomputed while waiting so it can show a live countdown.
///
/// Built on readline's callback interface: `poll()` waits on standard input for at most a tick,
/// so a deadline, a changed prompt or a signal is acted on within a fifth of a second. The
/// terminal is put back in its normal mode whenever a read returns, whatever the reason.
public final class TerminalLineReader {
  private let historyFile: String?
  private let historyLength: Int

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
    return result == 0 ? nil : "\(historyFile): \(String(cString: strerror(result)))"
  }

  /// Reads one line, giving up after `timeout`.
  ///
  /// `prompt` is called with the time elapsed since the read began, at every tick; when its
  /// text changes, the prompt is redrawn in place, keeping what is typed and the cursor.
  public func read(prompt: (Duration) -> String, timeout: Duration) -> LineEvent {
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + timeout
    var shown = prompt(.zero)
    creadline_begin(shown)
    while true {
      if let signal = InputSignals.take() {
        return finish(.interrupted(partial: cancel(), signal: signal))
      }
      // The clock keeps running while the process is stopped, as it would in an interview.
      creadline_suspend_if_requested()
      switch creadline_state() {
      case 1:
        let line = takeLine()
        creadline_history_add(line)
        return .line(line)
      case 2:
        return finish(.endOfInput(partial: ""))
      default: break
      }
      let now = clock.now
      if now >= deadline { return finish(.timedOut(partial: cancel())) }
      let current = prompt(now - start)
      if current != shown {
        shown = current
        creadline_update_prompt(shown)
      }
      switch waitForInput(until: min(deadline, now + tick), clock: clock) {
      case .ready: readAvailable()
      case .closed: return finish(.endOfInput(partial: cancel()))
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

enum PollResult: Equatable {
  case ready, idle, closed
}

/// Waits until standard input is readable or `until` passes (a signal also ends the wait).
func waitForInput(until: ContinuousClock.Instant, clock: ContinuousClock) -> PollResult {
  let left = until - clock.now
  let milliseconds = left <= .zero ? 0 : Int32(min(1000, (left / .milliseconds(1)).rounded(.up)))
  return pollInput(timeoutMilliseconds: milliseconds)
}

func pollInput(timeoutMilliseconds: Int32) -> PollResult {
  var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
  let result = poll(&descriptor, 1, timeoutMilliseconds)
  if result <= 0 { return .idle }  // timeout, or EINTR from a signal
  if descriptor.revents & Int16(POLLIN) != 0 { return .ready }
  if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
  return .idle
}
