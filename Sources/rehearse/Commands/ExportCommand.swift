import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

extension TranscriptFormat: ExpressibleByArgument {}

/// `rehearse export [SESSION|dN|last] --format markdown|json|html [--output F]`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a session's transcript, or a debrief, as Markdown, JSON or HTML.",
    discussion: """
      Each answer carries the feedback 'rehearse review' shows, model answer and follow-up \
      included. markdown: headings per answer, the answer quoted (code in a fenced block), \
      talking points as lists. \
      json: the shape of 'rehearse review --format json'. html: one self-contained page (no \
      scripts, no external files, readable on a phone) with an SVG chart of the mean score per \
      component and code in monospace; \
      everything you typed is escaped.

      A debrief id (d3) exports that debrief of a real interview: every question with how it \
      went, what you answered and what to improve, the conclusions and the notes on the \
      company; json is the shape of 'rehearse debrief show --format json'.

      Without --output the export goes to standard output. With it, the file is written \
      whole or not at all, and private to you (mode 0600, even over a file others could \
      read): it holds your answers.
      """
  )

  @Argument(
    help: "A session id from 'rehearse history', a debrief id (d3), or last.",
    completion: .rehearse(.transcript))
  var session: String = "last"

  @Option(help: "markdown, json or html.")
  var format: TranscriptFormat = .markdown

  @Option(
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
    completion: .file())
  var output: String?

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if format == .text {
      throw ValidationError(
        "export formats are markdown, json and html ('rehearse review' prints text)")
    }
  }

  func run() throws {
    let request = TranscriptRequest(
      session: session, format: format, bank: global.bankSource(), storyHome: UserHome.folder)
    try CommandRunner.run {
      let store = try SessionStore(home: UserHome.folder)
      let exported = try Rehearse.export(request, archive: store, debriefs: store)
      guard let output else { return exported }
      try Rehearse.write(exported.standardOutput, to: output)
      return CommandOutput("")
    }
  }
}
