import ArgumentParser
import LineInput
import RehearseCore
import RehearseStore

/// `rehearse debrief promote ID N`.
struct DebriefPromoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "promote",
    abstract: "Turn a question a real interview asked into your own question, to practise it.",
    discussion: """
      Question N of the debrief becomes a question of your own bank, as 'rehearse bank add' \
      makes one: the prompt is the question as asked, the component is guessed from the bank's \
      questions most like it, the tags are theirs that it names plus 'debrief' and the company, \
      your answer in the interview is the starting model answer and what to improve is its \
      hint. The flags replace any of these; a model answer still missing is asked for. The \
      question and its drafted rubric open in $VISUAL, else $EDITOR (--no-edit saves them as \
      drafted), are saved once they lint, and the debrief records the new question's id.
      """
  )

  @Argument(
    help: "A debrief id (d3 or 3) from 'rehearse debrief list', or last.",
    completion: .rehearse(.debrief))
  var debrief: String

  @Argument(
    help: "The question's number in the debrief, from 1 (see 'rehearse debrief show').",
    completion: .custom(positions))
  var position: Int

  @OptionGroup var fields: OwnQuestionOptions

  @OptionGroup var global: GlobalOptions

  /// The completion of N: the question numbers of the debrief typed before it, found by
  /// parsing the line after `promote` with a number in place of the word being completed.
  @Sendable static func positions(_ words: [String], index: Int, prefix: String) -> [String] {
    guard let start = words.firstIndex(of: "promote"), start < index, index < words.count
    else { return [] }
    var arguments = Array(words[(start + 1)...])
    arguments[index - start - 1] = "1"
    guard let parsed = try? parse(arguments) else { return [] }
    return CompletionCallback.candidates(
      .debriefQuestion, words: words, prefix: prefix, debrief: parsed.debrief)
  }

  func validate() throws {
    guard position >= 1 else { throw ValidationError("the question's number starts at 1") }
  }

  func run() throws {
    let request = DebriefPromoteRequest(
      debrief: debrief, position: position, bank: global.bankSource(), overrides: fields.draft,
      style: global.outputStyle)
    let modelAnswerFile = fields.modelAnswerFile
    let edit = !fields.noEdit
    InputSignals.install()
    try CommandRunner.run {
      let store = try SessionStore(home: UserHome.folder)
      let adding = try Rehearse.debriefPromoteRequest(request, archive: store)
      let id = try OwnQuestionAdding.add(
        adding, modelAnswerFile: modelAnswerFile, resume: nil, edit: edit)
      return try Rehearse.debriefPromoted(request, questionID: id, archive: store)
    }
  }
}
