/// A story command's request failed for a reason that is not in a file.
public enum StoryCommandError: RehearseError, Equatable {
  /// The user stopped `story add` (Ctrl-C) before it was saved.
  case cancelled
  /// The input ended before `story add` had a title and competencies.
  case inputEnded
  /// A rehearsal's time limit outside 0.05–60 minutes.
  case invalidMinutes(Double)
  /// The story typed at the prompt is larger than a story file may be.
  case storyTooLong(bytes: Int)

  public var exitStatus: ExitStatus {
    switch self {
    case .cancelled: .interrupted
    case .inputEnded: .noInput
    case .invalidMinutes: .usage
    case .storyTooLong: .dataError
    }
  }

  public var description: String {
    switch self {
    case .cancelled: "stopped: nothing was saved"
    case .inputEnded:
      "the input ended before the story had a title and competencies: nothing was saved"
    case .storyTooLong(let bytes):
      "the story is \((bytes + 1023) / 1024) KiB, over the limit of \(StoryFile.maximumBytes / 1024) KiB "
        + "for a story: nothing was saved"
    case .invalidMinutes(let minutes):
      "--minutes \(minutes) is outside 0.05…60"
    }
  }
}
