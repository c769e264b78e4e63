import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse debrief list`.
struct DebriefListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the debriefs, newest interview first.",
    discussion: """
      JSON: an array of {kind: "debrief", id (d3), date, company, round, role, questions, \
      ratings: {well, partly, badly}, complete}.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = DebriefRequest(
      format: formatOptions.format == .json ? .json : .text, style: global.outputStyle)
    try CommandRunner.run {
      try Rehearse.debriefList(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
