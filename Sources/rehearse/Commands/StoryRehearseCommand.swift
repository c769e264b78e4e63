import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse story rehearse SLUG`.
struct StoryRehearseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rehearse",
    abstract: "Retell a story against the clock; it is compared with the stored one and saved.",
    discussion: """
      The prompt counts down from --minutes (default 3, the top of the 2–3 minute budget). \
      Type the story as you would tell it, in paragraphs if you like (an empty line starts \
      one); a line holding a single '.' ends it. :hint shows the opening words of the next part; :time, :quit and :help \
      work as in a mock. Without a terminal the retelling ends at a line holding a single '.'.

      The retelling is scored against the stored story: the STAR parts heard, the key facts \
      recalled (its numbers, and the technologies and systems it names), the pipeline parts \
      for a pipeline story, a quantified result, and "I" over "we". It is saved like a mock \
      answer: 'rehearse review last' shows it, and 'story list' its score.

      Exit codes: 0 done; 64 an unknown slug or bad --minutes; 65 the story does not parse; \
      130 Ctrl-C (what you typed is saved).
      """
  )

  @Argument(help: "The story's slug (see 'rehearse story list').", completion: .rehearse(.story))
  var slug: String

  @Option(
    help: ArgumentHelp("The time to tell it, such as 3 or 2.5 (default 3).", valueName: "minutes"))
  var minutes: Double?

  @OptionGroup var options: StoryOptions

  func validate() throws {
    if let minutes, !(0.05...60).contains(minutes) {
      throw ValidationError("--minutes must be between 0.05 and 60")
    }
  }

  func run() throws {
    let story = options.request(slug: slug)
    let minutes = self.minutes
    try SessionCommandRunner.run(style: story.style) { mode, store, input, show in
      try Rehearse.storyRehearse(
        RehearsalRequest(story: story, minutes: minutes, mode: mode), archive: store,
        input: &input, startTime: Date(), show: show)
    }
  }
}
