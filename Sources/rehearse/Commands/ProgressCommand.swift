import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

extension ProgressFormat: ExpressibleByArgument {}

/// `rehearse progress`: how practice has gone, per component and overall.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Show how your practice has gone: scores over time, streaks, questions seen.",
    discussion: """
      Per component: the trend of the mean score per practice day (or week), the answers \
      strong, adequate and weak, the days practised, the questions answered of the bank's, and \
      the talking points cleared (missed by an earlier answer to a question and made by its \
      newest). Overall: the days practised, the current streak (consecutive days with an \
      answer up to today, or up to yesterday while today has none yet), the longest streak, \
      the answers and the mean score. Days are calendar days in the local time zone; a skipped \
      answer counts 0, as in 'rehearse history'. With --since or --component everything, \
      streaks included, counts only the answers selected.

      html: one self-contained page (no scripts, no external files) with SVG charts: the \
      score trend per component, a calendar of practice days, and the bands per component and \
      per week. Save it with 'rehearse progress --format html > progress.html'.

      JSON: {since, component, today, days_practised, current_streak, longest_streak, \
      answers, mean_score, days: [{date, answers, mean_score}], components: [{component, \
      title, answers, mean_score, days_practised, bands: {strong, adequate, weak}, seen, total, \
      cleared, cleared_points: [{point, question, cleared, cleared_on, misses}], series: \
      [{date, score, answers, bands}]}], not_practised: [{component, title, total}]}; dates \
      are YYYY-MM-DD local days, cleared is ISO 8601 in UTC; since and component are there \
      when given, seen and total when the bank loads, mean_score when there are answers. Without \
      answers, days and components are empty arrays.
      """
  )

  @Option(
    help: ArgumentHelp(
      "Only answers given on or after this day (local time).", valueName: "YYYY-MM-DD"))
  var since: CalendarDay?

  @Option(help: "Only answers of this component.")
  var component: Component?

  @Option(
    help: ArgumentHelp(
      "Also show a saved focus's components and terms and how practised each is (text and "
        + "json; default: the config file's focus).", valueName: "name"),
    completion: .rehearse(.focus))
  var focus: String?

  @Flag(help: "Show no focus, whatever the config file's focus says.")
  var noFocus = false

  @Option(help: "Output format: text, html or json.")
  var format: ProgressFormat = .text

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if focus != nil && noFocus { throw ValidationError("--focus and --no-focus: give one of them") }
  }

  func run() throws {
    let focus = UserConfigFile.current.focus(flag: focus, off: noFocus)
    let request = ProgressRequest(
      filter: ProgressFilter(component: component, since: since?.start), format: format,
      style: global.outputStyle, today: Date(), bank: global.bankSource(), focus: focus,
      home: UserHome.folder)
    try CommandRunner.run {
      try Rehearse.progress(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
