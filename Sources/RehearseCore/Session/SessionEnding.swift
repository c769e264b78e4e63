import Foundation

/// Why a session ended.
public enum SessionEnding: String, Sendable, Codable {
  /// Every question of the plan got an answer, a skip or a timeout.
  case completed
  /// The session's time ran out.
  case sessionTimeUp = "session_time_up"
  /// The candidate typed `:quit`.
  case quit
  /// Ctrl-C or a termination signal.
  case interrupted
  /// Standard input ended before every question was answered.
  case endOfInput = "end_of_input"

  /// Whether the session ran its course; a session that did not can be resumed.
  public var isComplete: Bool {
    self == .completed || self == .sessionTimeUp
  }
}
