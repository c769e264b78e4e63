import ArgumentParser
import RehearseCore

/// `rehearse bank show ID`.
struct BankShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a question with its hints, follow-ups, model answer and rubric.",
    discussion: """
      JSON: {id, component, kind, difficulty, minutes, prompt, tags, hints, follow_ups, \
      model_answer, model_answer_template, placeholders: [{text, start, end}], competencies, sql: {fixture, reference_query, ordered, column_names}, \
      python: {signature, reference_solution, tests: [{call, expected}]}, file, line, rubric: \
      {points, misconceptions, examples}}; sql and python only for those kinds.
      """
  )

  @Argument(help: "The question id.", completion: .rehearse(.question))
  var id: String

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = BankRequest(
      bank: global.bankSource(), format: formatOptions.format, style: global.outputStyle,
      questionID: id)
    try CommandRunner.run(pager: pager) { try Rehearse.bankShow(request) }
  }
}
