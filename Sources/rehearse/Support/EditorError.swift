import ArgumentParser
import Foundation
import RehearseCore

/// Why `story edit` stopped.
enum EditorError: RehearseError {
  /// The editor could not be started.
  case cannotStart(editor: String, reason: String)
  /// The editor exited with a failure; the story is unchanged.
  case failed(editor: String, status: Int32, draft: String)
  /// The edited copy does not parse; the story is unchanged and the copy kept.
  case invalid(draft: String, problems: Int)

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
    case .failed(let editor, let status, let draft):
      "the editor '\(editor)' exited with status \(status): the story is unchanged; your copy "
        + "is kept at \(draft)"
    case .invalid(let draft, let problems):
      "the edited story has \(problems) problem\(problems == 1 ? "" : "s"): it is unchanged; "
        + "your edits are kept at \(draft), and 'rehearse story edit' opens them again"
    }
  }
}
