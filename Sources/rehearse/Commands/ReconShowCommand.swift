import ArgumentParser
import RehearseCore

/// `rehearse recon show NAME`.
struct ReconShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a saved focus: its component weights, terms and gaps.",
    discussion: """
      JSON: {name, source, components: {ID: weight}, terms: [{name, kind, count, questions}], \
      gaps: [name]}. Exit codes: 64 no such focus; 65 its file does not parse (file:line).
      """
  )

  @Argument(help: "The focus's name (see 'rehearse recon list').", completion: .rehearse(.focus))
  var name: String

  @OptionGroup var options: ReconOptions

  func run() throws {
    let request = options.request
    try CommandRunner.run { try Rehearse.reconShow(request, name: name) }
  }
}
