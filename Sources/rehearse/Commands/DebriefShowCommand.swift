import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse debrief show ID|last`.
struct DebriefShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one debrief.",
    discussion: """
      JSON: {kind: "debrief", id, company, date, round, role, interviewer, complete, \
      questions: [{position, question, rating, answer, improve, own_question}], conclusions, \
      company_notes}; rating, role, interviewer and own_question are absent when not set. \
      markdown and html are what 'rehearse export dN' writes.
      """
  )

  @Argument(
    help: "A debrief id (d3 or 3) from 'rehearse debrief list', or last.",
    completion: .rehearse(.debrief))
  var id: String = "last"

  @Option(help: "text, json, markdown or html.")
  var format: TranscriptFormat = .text

  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = DebriefRequest(id: id, format: format, style: global.outputStyle)
    try CommandRunner.run(pager: pager) {
      try Rehearse.debriefShow(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
