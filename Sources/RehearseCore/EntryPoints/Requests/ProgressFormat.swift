import Foundation

/// The forms `rehearse progress` prints: text for a terminal, one HTML page, or JSON.
public enum ProgressFormat: String, CaseIterable, Sendable {
  case text, html, json
}
