import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse ask ID`: one question, timed and saved like a mock session.
struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Practise the questions named, timed and saved like a mock session.",
    discussion: """
      The questions are asked in the order given, each with its time limit (or --minutes); \
      each answer is scored, saved, scheduled and shown with its feedback, as in 'rehearse \
      mock'. Input, commands and exit codes are those of 'rehearse mock'.
      """
  )

  @Argument(help: "The question ids (see 'rehearse bank list').", completion: .rehearse(.question))
  var ids: [String]

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name at least one question id") }
  }

  @OptionGroup var limits: TimeLimitOptions
  @OptionGroup var semanticOptions: SemanticOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let selection = SessionSelection(
      questionIDs: ids, minutesPerQuestion: limits.minutesPerQuestion,
      sessionMinutes: limits.sessionLimit, seed: 0)
    try SessionCommandRunner.run(style: global.outputStyle) { mode, store, input, show in
      let request = MockRequest(
        bank: global.bankSource(), selection: selection, resume: false, mode: mode,
        style: global.outputStyle, storyHome: UserHome.folder, checker: global.exerciseChecker,
        semantic: semanticOptions.enabled)
      return try Rehearse.mock(
        request, archive: store, input: &input, startTime: Date(), show: show)
    }
  }
}
