import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse ask ID`: one question, timed and saved like a mock session.
struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Practise one question, timed and saved like a mock session.",
    discussion: """
      The question is asked with its time limit (or --minutes); the answer is scored, saved \
      and shown with its feedback, as in 'rehearse mock'. Input, commands and exit codes are \
      those of 'rehearse mock'.
      """
  )

  @Argument(help: "The question id (see 'rehearse bank list').")
  var id: String

  @OptionGroup var limits: TimeLimitOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let selection = SessionSelection(
      questionIDs: [id], minutesPerQuestion: limits.minutes,
      sessionMinutes: limits.sessionMinutes, seed: 0)
    try SessionCommandRunner.run(style: global.outputStyle) { mode, store, input, show in
      let request = MockRequest(
        bank: global.bankSource(), selection: selection, resume: false, mode: mode,
        style: global.outputStyle, storyHome: UserHome.folder, checker: global.exerciseChecker)
      return try Rehearse.mock(
        request, archive: store, input: &input, startTime: Date(), show: show)
    }
  }
}
