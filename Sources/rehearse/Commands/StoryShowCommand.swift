import ArgumentParser
import RehearseCore

/// `rehearse story show SLUG`.
struct StoryShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one story.",
    discussion: """
      JSON: {slug, title, competencies, tags, date, situation, task, action, result, pipeline: \
      {requirement, source, logic, destination, scheduler}, notes, words, spoken_seconds, file}.
      """
  )

  @Argument(help: "The story's slug (see 'rehearse story list').", completion: .rehearse(.story))
  var slug: String

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var options: StoryOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = options.request(slug: slug, format: formatOptions.format)
    try CommandRunner.run(pager: pager) { try Rehearse.storyShow(request) }
  }
}
