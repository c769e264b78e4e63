import Foundation
import RehearseCore

/// Runs the user's editor on private drafts until what they hold is accepted: the one place
/// `story edit` and `bank add` open `$VISUAL`/`$EDITOR`.
enum Editor {
  /// `$VISUAL`, else `$EDITOR`, else `vi`; a command that may hold arguments ("code --wait").
  static var command: String {
    let environment = ProcessInfo.processInfo.environment
    return [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    } ?? "vi"
  }

  /// Opens `paths` in the editor (one run with all of them), then calls `finish`; when
  /// `finish` throws a file's problems (`StoryFileFailure`, `BankLoadFailure`), prints them as
  /// `file:line: message` and, at a terminal, offers to edit again. The drafts are the user's
  /// text and are never removed here.
  ///
  /// - Parameters:
  ///   - subject: what the drafts become, for messages ("the story", "the question").
  ///   - again: how to take up the drafts later, for the message when they stay invalid.
  ///   - edit: whether to open the editor; without, `finish` runs once on the drafts as they are.
  static func edit<Result>(
    _ paths: [String], subject: String, again: String, edit: Bool = true,
    finish: () throws -> Result
  ) throws -> Result {
    let editor = command
    while true {
      if edit {
        let status = try run(editor, on: paths)
        if status != 0 {
          throw EditorError.failed(editor: editor, status: status, subject: subject, drafts: paths)
        }
      }
      let problems: [String]
      do {
        return try finish()
      } catch let failure as StoryFileFailure {
        problems = failure.problems.map(\.description)
      } catch let failure as BankLoadFailure {
        problems = failure.problems.map(\.description)
      }
      for problem in problems { CommandRunner.printError(TerminalText.safe(problem)) }
      guard edit, isatty(STDIN_FILENO) == 1, askAgain() else {
        throw EditorError.invalid(
          subject: subject, drafts: paths, problems: problems.count, again: again)
      }
    }
  }

  private static func askAgain() -> Bool {
    FileHandle.standardError.write(Data("Edit again? [Y/n] ".utf8))
    guard let answer = readLine() else { return false }
    return !["n", "no"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// Runs the editor command on `paths`, through the shell so that its arguments are kept.
  private static func run(_ editor: String, on paths: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", editor + " \"$@\"", "sh"] + paths
    do {
      try process.run()
    } catch {
      throw EditorError.cannotStart(editor: editor, reason: error.localizedDescription)
    }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
