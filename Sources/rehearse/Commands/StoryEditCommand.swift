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

  @Argument(help: "The story's slug (see 'rehearse story list').", completion: .rehearse(.story))
  var slug: String

  @OptionGroup var options: StoryOptions

  func run() throws {
    let request = options.request(slug: slug)
    try CommandRunner.run {
      let draft = try Rehearse.storyEditDraft(request)
      return try Editor.edit(
        [draft.path], subject: "the story", again: "'rehearse story edit \(slug)'"
      ) {
        try Rehearse.storyEditFinish(request, draft: draft)
      }
    }
  }
}
