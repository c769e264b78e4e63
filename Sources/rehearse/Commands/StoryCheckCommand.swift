import ArgumentParser
import RehearseCore

/// `rehearse story check SLUG|--all`.
struct StoryCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check stories for STAR structure, numbers, ownership, length and pipeline parts.",
    discussion: """
      For each story: which STAR parts are there; whether the Result is quantified (numbers, \
      percentages, durations, money); ownership of the Action ("I" against "we"); the spoken \
      length at 130 words a minute against a 2–3 minute budget; and, for a pipeline story, \
      which of requirement, source, logic, destination and scheduler are there. Every finding \
      is one line.

      Exit codes: 0 every story has all four STAR parts; 1 one lacks a part; 64 an unknown \
      slug; 65 a file does not parse (with --all, the others are still checked).

      JSON: {slug, title, file, star: {situation, task, action, result}, pipeline: \
      {requirement, source, logic, destination, scheduler} or null, quantified_result, \
      quantities, ownership: {i, we}, words, spoken_seconds, findings}; with --all, an array.
      """
  )

  @Argument(help: "The story's slug (see 'rehearse story list').", completion: .rehearse(.story))
  var slug: String?

  @Flag(help: "Check every story.")
  var all = false

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var options: StoryOptions
  @OptionGroup var pager: PagerOptions

  func validate() throws {
    if (slug == nil) == !all {
      throw ValidationError("name one story, or give --all")
    }
  }

  func run() throws {
    let request = options.request(slug: all ? nil : slug, format: formatOptions.format)
    try CommandRunner.run(pager: pager) { try Rehearse.storyCheck(request) }
  }
}
