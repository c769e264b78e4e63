import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse review [SESSION|last]`: one session's transcript.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Show the full transcript of a session.",
    discussion: """
      Every answer as typed, with its outcome (answered, timed_out, skipped, interrupted), \
      time used, hints used, score and band, the talking points made (with the words that \
      earned them) and missed, and misconceptions.

      JSON: {id, started, ended, ending, complete, resumed, seed, planned, \
      session_limit_seconds, seconds_used, mean_score, components, answers: [{position, \
      question, component, prompt, answer, score, band, outcome, started, seconds_used, \
      hints_used, hits, misses, misconceptions}]}.
      """
  )

  @Argument(help: "A session id from 'rehearse history', or last.")
  var session: String = "last"

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = TranscriptRequest(
      session: session, format: formatOptions.format == .json ? .json : .text,
      style: global.outputStyle)
    try CommandRunner.run {
      try Rehearse.review(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
