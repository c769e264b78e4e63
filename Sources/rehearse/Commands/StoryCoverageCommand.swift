import ArgumentParser
import RehearseCore

/// `rehearse story coverage`.
struct StoryCoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Show which competencies your stories cover, the gaps, and the questions they leave.",
    discussion: """
      A matrix of the ten competencies against your stories; each competency no story shows \
      is a gap, listed with the bank's behavioural questions that ask for it.

      JSON: {competencies: {NAME: [slug]}, gaps: [NAME], unanswered: {NAME: [question id]}, \
      stories: [slug]}.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var options: StoryOptions

  func run() throws {
    let request = options.request(format: formatOptions.format)
    let bank = options.global.bankSource()
    try CommandRunner.run { try Rehearse.storyCoverage(request, bank: bank) }
  }
}
