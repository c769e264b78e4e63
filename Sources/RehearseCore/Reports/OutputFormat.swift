import Foundation

/// How a command prints its data.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Aligned text for a person.
  case text
  /// JSON with the keys of DESIGN.md, for scripts.
  case json
}
