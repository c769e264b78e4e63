import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse today`: the plan for today's practice.
struct TodayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "today",
    abstract: "Show what to practise today: due questions, weak points, new ones, your streak.",
    discussion: """
      Every answer schedules its question (FSRS, counted in local calendar days): a weak \\
      answer brings it back the next day, an adequate one soon, a strong one later. Shown: \\
      the questions due today or overdue, the talking points still missed, the components \\
      with the lowest mean score over the last 30 days, the questions never answered, the \\
      streak of consecutive days practised, and the session 'rehearse mock' would draw now \\
      (due first, then weak points, then new) with its time.

      JSON: {day, due: [{question_id, component, overdue_days, last_rating}], \
      next_due: {day, in_days, questions} or null, \\
      weakest_components: [{component, answers, mean}], weak_points, weak_questions, \\
      unseen: [{component, unseen, total}], streak, practised_today, \\
      suggested: [{question_id, component, why}], suggested_minutes, focus}.

      --focus NAME draws the suggested session as 'rehearse mock --focus NAME' would: the \
      focus's heaviest components and the questions asking its terms first, still due, weak \
      and new before the rest.
      """
  )

  @Option(
    help: ArgumentHelp(
      "Suggest the session for a saved focus (see 'rehearse recon'; default: the config "
        + "file's focus).", valueName: "name"),
    completion: .rehearse(.focus))
  var focus: String?

  @Flag(help: "Suggest the session without a focus, whatever the config file's focus says.")
  var noFocus = false

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func validate() throws {
    if focus != nil && noFocus { throw ValidationError("--focus and --no-focus: give one of them") }
  }

  func run() throws {
    let focus = UserConfigFile.current.focus(flag: focus, off: noFocus)
    let request = TodayRequest(
      bank: global.bankSource(), format: formatOptions.format, style: global.outputStyle,
      focus: focus, home: UserHome.folder)
    try CommandRunner.run(pager: pager) {
      try Rehearse.today(request, archive: try SessionStore(home: UserHome.folder), now: Date())
    }
  }
}
