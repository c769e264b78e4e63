import ArgumentParser
import RehearseCore

/// `rehearse story coverage`.
struct StoryCoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Show the competencies your stories cover, the gaps, and what asks for them.",
    discussion: """
      A matrix of the ten competencies against your stories; each competency no story shows \
      is a gap, listed with the bank's behavioural questions that ask for it: those no story \
      answers, and those a story answers through another competency they ask for.

      JSON: {competencies: {NAME: [slug]}, gaps: [NAME], unanswered: {NAME: [question id]}, \
      covered_in_part: {NAME: [question id]}, stories: [slug]}; unanswered holds the questions \
      no story answers, covered_in_part those a story answers without showing the gap.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var options: StoryOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = options.request(format: formatOptions.format)
    let bank = options.global.bankSource()
    try CommandRunner.run(pager: pager) { try Rehearse.storyCoverage(request, bank: bank) }
  }
}
