import ArgumentParser
import Foundation
import LineInput
import RehearseCore

/// `rehearse story add`.
struct StoryAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a story: typed at the prompt, or from a Markdown file.",
    discussion: """
      Without --from, asks for the title, competencies (Tab completes them), tags, then each \
      part: Situation, Task, Action, Result and, for a pipeline story, Requirement, Source, \
      Logic, Destination, Scheduler. A part ends at an empty line; Ctrl-D leaves it out; \
      Ctrl-C stops and saves nothing.

      The slug comes from the title unless --slug names it. An existing story is never \
      replaced (exit 73): use 'rehearse story edit'. A file that does not parse is reported as \
      file:line: message (exit 65) and nothing is saved.
      """
  )

  @Option(
    help: ArgumentHelp("Read the story from this Markdown file.", valueName: "file"),
    completion: .file())
  var from: String?

  @Option(help: "The story's slug (default: from its title).")
  var slug: String?

  @OptionGroup var options: StoryOptions

  func validate() throws {
    if let slug, !Story.isValidSlug(slug) {
      throw ValidationError("--slug must be lowercase letters, digits and single hyphens")
    }
  }

  func run() throws {
    let request = options.request(slug: slug)
    if let from {
      try CommandRunner.run { try Rehearse.storyAdd(request, from: from) }
      return
    }
    InputSignals.install()
    let atTerminal = isatty(STDIN_FILENO) == 1
    var input = EdgeFormInput(atTerminal: atTerminal, style: request.style)
    try CommandRunner.run {
      try Rehearse.storyAdd(request, input: &input, today: Date()) { text in
        if atTerminal { print(text) } else { CommandRunner.printError(text) }
      }
    }
  }
}
