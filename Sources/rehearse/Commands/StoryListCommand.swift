import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse story list`.
struct StoryListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List your stories: competencies, words, last rehearsed, last score.",
    discussion: """
      Files that do not parse are reported on standard error as file:line: message, the \
      others are still listed, and the exit code is 65.

      JSON: an array of {slug, title, competencies, tags, date, words, spoken_seconds, \
      last_rehearsed, last_score, file}.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var options: StoryOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = options.request(format: formatOptions.format)
    try CommandRunner.run(pager: pager) {
      try Rehearse.storyList(request, archive: try SessionStore(home: request.home))
    }
  }
}
