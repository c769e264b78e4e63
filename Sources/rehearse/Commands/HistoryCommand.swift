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
      (a skipped question counts 0), time used and status: complete, session time up, quit, \
      interrupted, input ended, or cut off (the process was killed; 'rehearse mock --resume' \
      continues it).

      JSON: an array of {id, started, ended, ending, components, planned, answers, \
      mean_score, seconds_used, complete}; times are ISO 8601 in UTC.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = TranscriptRequest(
      format: formatOptions.format == .json ? .json : .text, style: global.outputStyle)
    try CommandRunner.run(pager: pager) {
      try Rehearse.history(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
