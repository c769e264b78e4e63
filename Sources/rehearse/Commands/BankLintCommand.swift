import ArgumentParser
import RehearseCore

/// `rehearse bank lint [DIR]`.
struct BankLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check a bank's files and report every problem as file:line: message.",
    discussion: """
      Checks YAML syntax, unknown or misspelt keys, required keys, components, id form and \
      uniqueness across files, that every question has a rubric and every rubric a question, \
      phrasings, weights and penalties in range, bands and kinds, and lexicon conflicts. \
      Exits 65 when anything is wrong, 66 when DIR is not a bank.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "The bank folder (default: --bank, REHEARSE_BANK, or the shipped bank).", valueName: "dir"),
    completion: .directory)
  var directory: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(override: directory), style: global.outputStyle)
    try CommandRunner.run { try Rehearse.bankLint(request) }
  }
}
