import ArgumentParser
import RehearseCore

/// `rehearse recon list`.
struct ReconListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the saved focuses.",
    discussion: """
      A focus file that does not parse is reported on standard error as file:line: message, \
      the others are still listed, and the exit code is 65.

      JSON: an array of {name, source, top, terms, gaps} (top: the two heaviest components).
      """
  )

  @OptionGroup var options: ReconOptions

  func run() throws {
    let request = options.request
    try CommandRunner.run { try Rehearse.reconList(request) }
  }
}
