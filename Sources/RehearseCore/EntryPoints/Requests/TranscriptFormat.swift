import Foundation

/// The forms a saved session can be printed or exported in.
public enum TranscriptFormat: String, CaseIterable, Sendable {
  case text, json, markdown, html
}
