import Foundation

/// A failure of the story library as a whole (not of one file's content).
public enum StoryLibraryError: RehearseError, Equatable {
  /// No story has this slug; `suggestions` are the nearest slugs.
  case unknownStory(String, suggestions: [String])
  /// A slug that is not lowercase letters, digits and single hyphens.
  case invalidSlug(String)
  /// A story with this slug exists already.
  case storyExists(slug: String, path: String)
  /// The stories folder cannot be made, or a story cannot be removed.
  case cannotWrite(path: String, reason: String)
  /// A story file cannot be written (no room on the disk, no permission).
  case unwritable(FileWriteError)
  /// The stories folder cannot be read.
  case cannotRead(path: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .unknownStory, .invalidSlug: .usage
    case .storyExists, .cannotWrite: .cannotCreate
    case .unwritable(let error): error.exitStatus
    case .cannotRead: .noInput
    }
  }

  public var description: String {
    switch self {
    case .unknownStory(let slug, let suggestions):
      "no story '\(slug)'"
        + (suggestions.isEmpty
          ? "; see 'rehearse story list'"
          : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?")
    case .invalidSlug(let slug):
      "'\(slug)' is not a story name: use lowercase letters, digits and single hyphens"
    case .storyExists(let slug, let path):
      "a story '\(slug)' exists already (\(path)): choose another name with --slug, or change "
        + "it with 'rehearse story edit \(slug)'"
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .unwritable(let error): error.description
    case .cannotRead(let path, let reason): "\(path): cannot read: \(reason)"
    }
  }
}
