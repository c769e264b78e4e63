import ArgumentParser
import RehearseCore

/// `rehearse bank list`.
struct BankListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the questions.",
    discussion: """
      Your own questions (REHEARSE_HOME/bank) are marked (own). JSON: an array of {id, \
      component, kind, difficulty, prompt, source}, source "own" or "bank".
      """
  )

  @Option(help: "Only questions of this component (repeatable).")
  var component: [Component] = []

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(), format: formatOptions.format, style: global.outputStyle,
      components: component)
    try CommandRunner.run(pager: pager) { try Rehearse.bankList(request) }
  }
}
