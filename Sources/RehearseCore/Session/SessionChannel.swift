import Foundation

/// Which stream a piece of session text belongs on.
public enum SessionChannel: Sendable, Equatable {
  /// Questions, hints and notices: the conversation. On standard error when input is piped.
  case conversation
  /// Feedback and the summary: the results. Always on standard output.
  case results
}
