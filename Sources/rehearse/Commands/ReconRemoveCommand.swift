import ArgumentParser
import RehearseCore

/// `rehearse recon rm NAME`.
struct ReconRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    abstract: "Delete a saved focus (sessions drawn with it stay in the history).",
    discussion: "Exit codes: 64 no such focus (the saved ones are named)."
  )

  @Argument(help: "The focus's name (see 'rehearse recon list').", completion: .rehearse(.focus))
  var name: String

  @OptionGroup var options: ReconOptions

  func run() throws {
    let request = options.request
    try CommandRunner.run { try Rehearse.reconRemove(request, name: name) }
  }
}
