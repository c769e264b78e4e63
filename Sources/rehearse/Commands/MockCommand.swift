import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse mock`: a timed mock interview.
struct MockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mock",
    abstract: "Run a timed mock interview (the default command).",
    discussion: """
      By default one question of each of the seven components, in the order of an interview: \
      sql-python, database-concepts, ci-cd, data-models, system-design, cloud-platforms, \
      behavioural. Within each component the draw follows your study: questions due for \
      review first, then questions on talking points you still miss, then questions you have \
      never answered, then the rest; a question answered in the last three days is not asked \
      again unless it is due. --due, --weak and --new take only that kind (as many as a \
      default session, or --count); --question ID asks exactly the questions named, --tag \
      only questions with a tag. See 'rehearse today' for what is due.

      --focus NAME leans the session on a job description read with 'rehearse recon --save \
      NAME': the focus's two heaviest components take three fifths of the questions (rounded \
      up; 5 of a default 7), the others come from the other components by weight, and within \
      each component questions asking the job's terms come first (after due, weak and new). \
      The summary ends with the job's gaps: what no question asks yet.

      Every answer schedules its question (FSRS, in whole days): weak brings it back the next \
      day, adequate soon, strong later, and strong without hints in under half the time much \
      later. After an answer's feedback, :again brings it back tomorrow and :easy much later, \
      whatever its band. Each answer has the question's time limit (or --minutes) and the session \
      the sum of them (or --session-minutes). When time runs out, what you typed is kept, \
      scored and marked timed out.

      At a terminal the prompt shows the time left for the question and the session. An answer \
      may take several lines and paragraphs (an empty line starts a new one); a line holding a \
      single . submits it (a SQL answer also ends at the ; that completes its query). \
      Commands, with Tab completion: :hint reveals a hint (recorded), :skip skips, :repeat \
      shows the question again, :time shows the time left, :stories lists your STAR stories \
      that fit the question, :quit stops, :help lists them; between questions :continue, \
      :again and :easy. Ctrl-D on an empty answer skips; \
      Ctrl-C (or Ctrl-\\, or closing the terminal) saves what you typed, prints the summary and \
      exits. Ctrl-Z stops the session and every clock with it; fg carries on.

      After each answer its feedback is shown and the session waits, every clock stopped, \
      until you press Enter for the next question; there :continue goes back to the answer \
      just given while its time remains (it is saved again when it ends). --no-pause goes \
      straight on, as in a real interview.

      The config file (see 'rehearse doctor' for where it is) can set defaults for --minutes, \
      --session-minutes, --no-pause (pause = false) and --focus; a flag always wins, and \
      --no-focus drops the file's focus. A --resume'd session keeps its own plan.

      Without a terminal (piped input) each answer ends at a line holding a single '.'; \
      questions go to standard error and feedback to standard output.

      Every answer is saved the moment it is given, under REHEARSE_HOME; a session cut short \
      is kept, and --resume continues the newest unfinished one. See 'rehearse history' and \
      'rehearse review'.

      A session runs in one terminal at a time: --resume of a session still running elsewhere \
      says so and exits 75.

      Exit codes: 0 the session ended; 64 bad usage; 65 a bad bank or store; 66 no bank or \
      nothing to resume; 75 the session is running in another terminal; 129 SIGHUP (the \
      terminal closed); 130 Ctrl-C; 131 SIGQUIT (Ctrl-\\); 143 SIGTERM.
      """
  )

  @Option(help: "Ask questions of this component (repeatable; default: all seven).")
  var component: [Component] = []

  @Option(help: "How many questions (default: one per component).")
  var count: Int?

  @Option(
    help: ArgumentHelp(
      "Only questions of this difficulty: 1, 2, 3 or a range such as 1-2.", valueName: "level"))
  var difficulty: DifficultyRange?

  @Flag(
    help: ArgumentHelp(
      "Only questions due today (--due), on talking points still missed (--weak), or never "
        + "answered (--new)."))
  var source: DrawSource?

  @Option(
    name: .customLong("question"),
    help: ArgumentHelp(
      "Ask this question (repeatable, in order); no other question is drawn.", valueName: "id"),
    completion: .rehearse(.question))
  var questionIDs: [String] = []

  @Option(
    help: "Only questions with this tag (repeatable: any of them; see 'rehearse bank list').",
    completion: .rehearse(.tag))
  var tag: [String] = []

  @Option(
    help: ArgumentHelp(
      "Weight the draw by a saved focus (see 'rehearse recon'): its heaviest components and "
        + "the questions asking its terms come up more (default: the config file's focus).",
      valueName: "name"),
    completion: .rehearse(.focus))
  var focus: String?

  @Flag(help: "Draw without a focus, whatever the config file's focus says.")
  var noFocus = false

  @Option(help: "The seed of the draw: the same seed and flags ask the same questions.")
  var seed: UInt64?

  @Flag(help: "Continue the newest unfinished session.")
  var resume = false

  @Flag(
    inversion: .prefixedNo,
    help: """
      At a terminal, wait for Enter after each answer's feedback (--pause), or ask the next \
      question as soon as the feedback is shown, its clock running (--no-pause); default: the \
      config file's pause, else --pause.
      """)
  var pause: Bool?

  @OptionGroup var limits: TimeLimitOptions
  @OptionGroup var semanticOptions: SemanticOptions
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if !questionIDs.isEmpty
      && (!component.isEmpty || count != nil || difficulty != nil || source != nil
        || !tag.isEmpty || focus != nil || noFocus)
    {
      throw ValidationError(
        "--question asks exactly the questions named: give no --component, --count, "
          + "--difficulty, --tag, --focus, --no-focus, --due, --weak or --new with it")
    }
    if resume
      && (!component.isEmpty || count != nil || difficulty != nil || seed != nil
        || limits.minutes != nil || limits.sessionMinutes != nil || source != nil
        || !questionIDs.isEmpty || !tag.isEmpty || focus != nil || noFocus)
    {
      throw ValidationError(
        "--resume continues a saved session as it was planned: give no other options")
    }
    if focus != nil && noFocus {
      throw ValidationError("--focus and --no-focus: give one of them")
    }
  }

  func run() throws {
    var selection = SessionSelection(
      components: component, count: count, difficulties: difficulty?.range,
      questionIDs: questionIDs, minutesPerQuestion: limits.minutesPerQuestion,
      sessionMinutes: limits.sessionLimit, seed: seed ?? UInt64.random(in: 1...999_999))
    selection.tags = tag
    selection.source = source
    // The config file's focus is a default for drawing a new session: --question names the
    // questions exactly, and --resume keeps the focus the session was drawn with.
    let config = UserConfigFile.current
    let focus =
      questionIDs.isEmpty && !resume ? config.focus(flag: self.focus, off: noFocus) : self.focus
    let pauses = config.pausesAfterFeedback(flag: pause)
    try SessionCommandRunner.run(style: global.outputStyle) { mode, store, input, show in
      let request = MockRequest(
        bank: global.bankSource(), selection: selection, resume: resume, mode: mode,
        style: global.outputStyle, storyHome: UserHome.folder, checker: global.exerciseChecker,
        pausesAfterFeedback: mode == .terminal && pauses, focus: focus, home: UserHome.folder,
        semantic: semanticOptions.enabled)
      return try Rehearse.mock(
        request, archive: store, input: &input, startTime: Date(), show: show)
    }
  }
}
