import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse story rm SLUG`.
struct StoryRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    abstract: "Delete a story (asks first unless --yes).",
    discussion: """
      Asks for confirmation on the terminal; without a terminal, or when the answer is not \
      yes, nothing is removed unless --yes is given. Rehearsals of the story stay in the \
      history.
      """
  )

  @Argument(help: "The story's slug (see 'rehearse story list').", completion: .rehearse(.story))
  var slug: String

  @Flag(help: "Delete without asking.")
  var yes = false

  @OptionGroup var options: StoryOptions

  func run() throws {
    let request = options.request(slug: slug)
    let yes = self.yes
    try CommandRunner.run {
      try Rehearse.storyRemove(request) { story in
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(
          Data("Delete \(story.slug) (\(TerminalText.safe(story.title)))? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
      }
    }
  }
}
