import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse weak`: the talking points still missed.
struct WeakCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weak",
    abstract: "List the talking points your answers keep missing, most often missed first.",
    discussion: """
      A talking point is weak while the newest answer to a question that asks it missed it or \\
      made it only in part; making it in a later answer clears it. Each point is shown with how \\
      often it was missed, when it was last missed and the questions that ask it. The points of \\
      code that passed every check are for discussion and are not counted.

      JSON: an array of {point, misses, questions, last_missed}; times are ISO 8601 in UTC.
      """
  )

  @Option(help: "At most this many points, the most often missed.")
  var limit: Int?

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let request = WeakRequest(
      limit: limit, format: formatOptions.format, style: global.outputStyle)
    try CommandRunner.run(pager: pager) {
      try Rehearse.weak(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
