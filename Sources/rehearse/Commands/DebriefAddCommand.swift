import ArgumentParser
import Foundation
import LineInput
import RehearseCore
import RehearseStore

/// `rehearse debrief [add]`.
struct DebriefAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Record a debrief: typed at the prompt, piped, or from a Markdown file.",
    discussion: """
      Asks, one line each: company, date (empty for today), round, role and interviewer \
      (optional); then question after question until an empty question, each with how it \
      went (well, partly or badly; empty to skip), what you answered and what to improve; \
      then your conclusions and what you learnt about the company. A free-text answer ends \
      at a line holding only '.'; empty lines inside it separate paragraphs, and an empty \
      first line leaves it empty. Flags answer the questions they name, which are then not \
      asked. Piped standard input gives the same lines, in that order.

      Ctrl-C or the end of the input after the company is named saves what was entered, \
      marked incomplete (exit 130 after Ctrl-C, 0 at the end of input); before it, nothing \
      is saved.

      --from reads a Markdown debrief (docs/formats.md): front matter with company, date, \
      round (role, interviewer optional), then '## Questions' with a '### ' heading per \
      question and paragraphs labelled 'Went:', 'Answered:' and 'Improve:', then \
      '## Conclusions' and '## About the company'. A file that does not parse is reported as \
      file:line: message (exit 65) and nothing is saved.
      """
  )

  @Option(
    help: ArgumentHelp("Read the debrief from this Markdown file.", valueName: "file"),
    completion: .file())
  var from: String?

  @Option(help: "The company interviewed with.")
  var company: String?

  @Option(help: "The day of the interview (default: today).")
  var date: LocalDay?

  @Option(help: "The round: HR screen, technical 1, …")
  var round: String?

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if let company, company.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--company must not be empty")
    }
    if let round, round.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--round must not be empty")
    }
  }

  func run() throws {
    let request = DebriefRequest(
      company: company, day: date, round: round, style: global.outputStyle)
    let today = LocalDay(Date(), timeZone: .current)
    if let from {
      try CommandRunner.run {
        try Rehearse.debriefAdd(
          request, from: from, today: today, archive: try SessionStore(home: UserHome.folder))
      }
      return
    }
    InputSignals.install()
    let atTerminal = isatty(STDIN_FILENO) == 1
    var input = EdgeFormInput(
      atTerminal: atTerminal, style: request.style,
      completions: DebriefRating.allCases.map(\.rawValue))
    try CommandRunner.run {
      let store = try SessionStore(home: UserHome.folder)
      return try Rehearse.debriefAdd(request, input: &input, today: today, archive: store) {
        text in
        if atTerminal { print(text) } else { CommandRunner.printError(text) }
      }
    }
  }
}
