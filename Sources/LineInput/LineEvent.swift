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
