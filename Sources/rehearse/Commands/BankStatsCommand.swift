import ArgumentParser
import RehearseCore

/// `rehearse bank stats`.
struct BankStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Count questions by component, kind and difficulty.",
    discussion: """
      JSON: {questions, components: {ID: count}, kinds: {KIND: count}, \
      difficulties: {LEVEL: count}, rubrics: {talking_points, misconceptions, graded_examples, \
      lexicon_groups}, by_component: {ID: {difficulties: {LEVEL: count}, kinds: {KIND: count}}}}.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(), format: formatOptions.format, style: global.outputStyle)
    try CommandRunner.run { try Rehearse.bankStats(request) }
  }
}
