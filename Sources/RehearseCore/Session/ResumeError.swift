/// A saved session that cannot be continued.
public enum ResumeError: RehearseError, Equatable {
  /// The session asks a question the bank no longer has (it was renamed or removed).
  case questionGone(session: Int64, questionID: String, bank: String)

  public var exitStatus: ExitStatus { .dataError }

  public var description: String {
    switch self {
    case .questionGone(let session, let questionID, let bank):
      "session \(session) cannot be resumed: it asks '\(questionID)', which the bank at \(bank) "
        + "no longer has; its answers stay in 'rehearse review \(session)', and 'rehearse mock' "
        + "starts a new session"
    }
  }
}
