import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse history`: the saved sessions, and the debriefs of real interviews among them.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List the saved sessions and debriefs, newest first.",
    discussion: """
      Each session with its start, components, answers given of those planned, mean score \
      (a skipped question counts 0; in brackets when fewer than half the questions were \
      answered, as it is then no score of the session), time used and status: complete, \
      session time up, quit, interrupted, input ended, or cut off (the process was killed; \
      'rehearse mock --resume' continues it).

      A debrief of a real interview ('rehearse debrief') is listed by its day, before the \
      sessions of that day: its id (d3), 'debrief · company · round', the questions asked and \
      how they went. --component lists sessions only; --since and --limit count debriefs too.

      JSON: an array of {kind: "session", id, started, ended, ending, components, planned, \
      answers, mean_score, mean_representative, seconds_used, complete, story} and {kind: \
      "debrief", id (a string, d3), date, company, round, role, questions, ratings: {well, \
      partly, badly}, complete}; times are ISO 8601 in UTC.
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
      let store = try SessionStore(home: UserHome.folder)
      return try Rehearse.history(
        request, filter: HistoryFilter(component: component, since: since?.start, limit: limit),
        archive: store, debriefs: store)
    }
  }
}
