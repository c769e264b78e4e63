import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse review [SESSION|last]`: one session's transcript.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Show the full transcript of a session.",
    discussion: """
      Every answer as typed, with its outcome (answered, timed_out, skipped, interrupted), \
      time used, hints used, and the feedback given after it: score and band, the talking \
      points made (with the words that earned them), partly made (with the share earned) and \
      missed (or, after code that passed every check, to discuss), misconceptions with their \
      penalty, the cap a missing required point puts on the score, the STAR reading, the code \
      checks, the model answer and the follow-up (from the bank, while it still has the \
      question). A behavioural model answer is shown as a template, its numbers as \
      placeholders, beside your story that fits it best, read from REHEARSE_HOME/stories/ now.

      JSON: {id, started, ended, ending, complete, resumed, seed, planned, \
      session_limit_seconds, seconds_used, mean_score, components, answers: [{position, \
      question, component, prompt, answer, score, band, outcome, started, seconds_used, \
      hints_used, rating (again, hard, good or easy; absent when the answer schedules nothing), \
      hits, misses, misconceptions, star, execution, feedback: {question, outcome, \
      score, band, capped_below_strong, points_score, made, partly_made, missed, to_discuss: \
      [{label, weight, required, credit, evidence}], misconceptions: [{label, correction, \
      evidence, penalty, kind}], star, execution, code_language, model_answer, \
      model_answer_template, placeholders: [{text, start, end}], fitting_story: {slug, title, \
      competencies, result}, follow_up, story, hints_used}}]}.
      """
  )

  @Argument(help: "A session id from 'rehearse history', or last.", completion: .rehearse(.session))
  var session: String = "last"

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let request = TranscriptRequest(
      session: session, format: formatOptions.format == .json ? .json : .text,
      style: global.outputStyle, bank: global.bankSource(), storyHome: UserHome.folder)
    try CommandRunner.run(pager: pager) {
      try Rehearse.review(request, archive: try SessionStore(home: UserHome.folder))
    }
  }
}
