/// One `key = value` line of a TOML file, with the line it is on.
public struct TOMLEntry: Equatable, Sendable {
  public var key: String
  public var value: TOMLValue
  /// The line of the file, counted from 1.
  public var line: Int

  public init(key: String, value: TOMLValue, line: Int) {
    self.key = key
    self.value = value
    self.line = line
  }
}
