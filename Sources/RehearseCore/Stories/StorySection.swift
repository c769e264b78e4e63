import Foundation

/// One section of a story file: its text and the line its heading is on.
public struct StorySection: Sendable, Equatable {
  public var text: String
  public var line: Int

  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }

  /// Whether the section holds any text.
  public var isEmpty: Bool { text.trimmedWhitespace.isEmpty }
}
