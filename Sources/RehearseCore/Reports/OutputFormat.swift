import Foundation

/// How a command prints its data.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Aligned text for a person.
  case text
  /// JSON with the keys of DESIGN.md, for scripts.
  case json
}

/// Encodes report values as the pretty, key-sorted, snake_case JSON the command line prints.
public enum JSONOutput {
  public static func encode<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain value types with string keys cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}

/// What a command prints and the code it exits with.
public struct CommandOutput: Sendable, Equatable {
  public var standardOutput: String
  public var status: ExitStatus
  /// Lines for standard error, such as the problems of files that were left out.
  public var standardError: [String]

  public init(_ standardOutput: String, status: ExitStatus = .success, standardError: [String] = [])
  {
    self.standardOutput = standardOutput
    self.status = status
    self.standardError = standardError
  }
}
