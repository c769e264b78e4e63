/// A debrief command failed for a reason that is not in a file.
public enum DebriefError: RehearseError, Equatable {
  /// No debrief has this id (or `last` with none saved yet).
  case unknownDebrief(String)
  /// The debrief has no question at this position (from 1).
  case unknownQuestion(debrief: String, position: Int)
  /// The user stopped `debrief` (Ctrl-C) before naming the company: there was nothing to keep.
  case cancelled
  /// The input ended before the debrief named its company: there was nothing to keep.
  case inputEnded
  /// The debrief's text is larger than `Debrief.maximumBytes`.
  case tooLong(bytes: Int)
  /// The asked question already became this own question, which the bank still holds.
  case alreadyOwn(debrief: String, position: Int, questionID: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .unknownDebrief, .unknownQuestion, .alreadyOwn: .usage
    case .cancelled: .interrupted
    case .inputEnded: .noInput
    case .tooLong: .dataError
    }
  }

  public var description: String {
    switch self {
    case .unknownDebrief(let id):
      id == "last"
        ? "no debrief saved yet (record one with 'rehearse debrief')"
        : "no debrief with id '\(id)' (see 'rehearse debrief list')"
    case .unknownQuestion(let debrief, let position):
      "debrief \(debrief) has no question \(position) (see 'rehearse debrief show \(debrief)')"
    case .cancelled: "stopped before the company was named: nothing was saved"
    case .inputEnded: "the input ended before the company was named: nothing was saved"
    case .alreadyOwn(let debrief, let position, let questionID):
      "question \(position) of debrief \(debrief) is already your own question \(questionID) "
        + "(practise it: rehearse mock --question \(questionID))"
    case .tooLong(let bytes):
      "the debrief is \((bytes + 1023) / 1024) KiB, over the limit of "
        + "\(Debrief.maximumBytes / 1024) KiB: nothing was saved"
    }
  }
}
