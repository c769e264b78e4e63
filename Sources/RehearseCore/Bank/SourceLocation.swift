/// A place in a data file: its path and a line counted from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the form editors and terminals turn into a link.
  public var description: String { "\(file):\(line)" }
}
