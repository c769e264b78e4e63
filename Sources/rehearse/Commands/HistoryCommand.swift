import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse history`: the saved sessions.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List the saved sessions, newest first.",
    discussion: """
      Each session with its start, components, answers given of those planned, mean score \
      (a skipped question counts 0; in brackets when fewer than half the questions were \
      answered, as it is then no score of the session), time used and status: complete, \
      session time up, quit, interrupted, input ended, or cut off (the process was killed; \
      'rehearse mock --resume' continues it).

      JSON: an array of {id, started, ended, ending, components, planned, answers, \
      mean_score, mean_representative, seconds_used, complete, story}; times are ISO 8601 in \
      UTC.
      """
  )

  @Option(help: "Only sessions with an answer of this component.")
  var component: Component?

  @Option(
    help: ArgumentHelp(
      "Only sessions started on or after this day (local time).", valueName: "YYYY-MM-DD"))
  var since: CalendarDay?

  @Option(help: "At most this many sessions, the newest.")
  var limit: Int?

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = TranscriptRequest(
      format: formatOptions.format == .json ? .json : .text, style: global.outputStyle)
    try CommandRunner.run(pager: pager) {
      try Rehearse.history(
        request, filter: HistoryFilter(component: component, since: since?.start, limit: limit),
        archive: try SessionStore(home: UserHome.folder))
    }
  }
}
