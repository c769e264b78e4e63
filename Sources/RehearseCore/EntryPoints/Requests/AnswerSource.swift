import Foundation

/// Where an answer to score comes from.
public enum AnswerSource: Sendable {
  case file(path: String)
  /// An open file or pipe, such as standard input; `name` stands for it in messages.
  case handle(FileHandle, name: String)
}
