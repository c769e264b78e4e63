import ArgumentParser
import Foundation
import RehearseCore

/// Why an edit in `$EDITOR` (`Editor`) stopped without saving.
enum EditorError: RehearseError {
  /// The editor could not be started.
  case cannotStart(editor: String, reason: String)
  /// The editor exited with a failure; nothing was saved and the drafts are kept.
  case failed(editor: String, status: Int32, subject: String, drafts: [String])
  /// The edited drafts do not check; nothing was saved and the drafts are kept.
  case invalid(subject: String, drafts: [String], problems: Int, again: String)

  var exitStatus: ExitStatus {
    switch self {
    case .cannotStart: .noInput
    case .failed: .checkFailed
    case .invalid: .dataError
    }
  }

  var description: String {
    switch self {
    case .cannotStart(let editor, let reason): "cannot start the editor '\(editor)': \(reason)"
    case .failed(let editor, let status, let subject, let drafts):
      "the editor '\(editor)' exited with status \(status): \(subject) is unchanged; your copy "
        + "is kept at \(drafts.joined(separator: " and "))"
    case .invalid(let subject, let drafts, let problems, let again):
      "the edited \(subject.replacingOccurrences(of: "the ", with: "")) has \(problems) "
        + "problem\(problems == 1 ? "" : "s"): \(subject) is unchanged; your edits are kept at "
        + "\(drafts.joined(separator: " and ")), and \(again) opens them again"
    }
  }
}
