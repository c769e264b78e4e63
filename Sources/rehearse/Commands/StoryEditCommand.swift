import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse story edit SLUG`.
struct StoryEditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Edit a story in $VISUAL or $EDITOR; it is checked when you save.",
    discussion: """
      Opens a private copy of the story in $VISUAL, else $EDITOR, else vi. When the editor \
      exits, the copy is checked: if it parses it replaces the story; if not, its problems are \
      shown as file:line: message and, at a terminal, you can edit again. The story is never \
      replaced by a file that does not parse, and your edits are kept in the copy \
      (stories/.SLUG.edit.md) until they do (exit 65).
      """
  )

  @Argument(help: "The story's slug (see 'rehearse story list').")
  var slug: String

  @OptionGroup var options: StoryOptions

  func run() throws {
    let request = options.request(slug: slug)
    let environment = ProcessInfo.processInfo.environment
    let editor =
      [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      } ?? "vi"
    try CommandRunner.run {
      let draft = try Rehearse.storyEditDraft(request)
      while true {
        let status = try runEditor(editor, on: draft.path)
        if status != 0 {
          throw EditorError.failed(editor: editor, status: status, draft: draft.path)
        }
        do {
          return try Rehearse.storyEditFinish(request, draft: draft)
        } catch let failure as StoryFileFailure {
          for problem in failure.problems {
            CommandRunner.printError(TerminalText.safe(problem.description))
          }
          guard isatty(STDIN_FILENO) == 1, askAgain() else {
            throw EditorError.invalid(draft: draft.path, problems: failure.problems.count)
          }
        }
      }
    }
  }

  private func askAgain() -> Bool {
    FileHandle.standardError.write(Data("Edit again? [Y/n] ".utf8))
    guard let answer = readLine() else { return false }
    return !["n", "no"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// Runs the editor command (which may hold arguments, as in "code --wait") on `path`.
  private func runEditor(_ editor: String, on path: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", editor + " \"$1\"", "sh", path]
    do {
      try process.run()
    } catch {
      throw EditorError.cannotStart(editor: editor, reason: error.localizedDescription)
    }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
