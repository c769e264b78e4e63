import Foundation

/// How an answer came to an end.
public enum AnswerOutcome: String, Sendable, Codable, CaseIterable {
  /// The candidate gave the answer.
  case answered
  /// The question's or the session's time ran out; what was typed was kept.
  case timedOut = "timed_out"
  /// The candidate skipped the question (`:skip` or Ctrl-D on an empty line).
  case skipped
  /// The candidate stopped the session (Ctrl-C, a signal, `:quit`) while answering.
  case interrupted
}
