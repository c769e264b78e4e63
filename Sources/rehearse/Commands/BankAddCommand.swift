import ArgumentParser
import Foundation
import LineInput
import RehearseCore

/// `rehearse bank add`.
struct BankAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add your own question to your bank (REHEARSE_HOME/bank), with a drafted rubric.",
    discussion: """
      Asks for what the flags do not give: the component (Tab completes it), the prompt and the \
      model answer (each ends at an empty line), tags, difficulty (default 2) and minutes \
      (default 5); with --component, --prompt and --model-answer-file nothing is asked. The id \
      is own- and the prompt's first words, numbered when taken, unless --id names it.

      The rubric is drafted from the model answer as 'rehearse rubric draft' does, with the \
      model answer as its strong example. Both are written as private drafts \
      (REHEARSE_HOME/bank/.drafts/ID/) and opened together in $VISUAL, else $EDITOR, else vi. \
      When the editor exits they are checked merged with the banks: if they lint they are saved \
      as question-bank/ID.yaml and rubrics/ID.yaml, else the problems are shown as \
      file:line: message and, at a terminal, you can edit again; otherwise exit 65 with the \
      drafts kept (--resume ID takes them up). --no-edit saves without opening the editor.
      """
  )

  @Option(help: "The component (see 'rehearse bank stats').")
  var component: String?

  @Option(help: "The question, as the interviewer asks it.")
  var prompt: String?

  @Option(
    help: ArgumentHelp(
      "Read the model answer from this file ('-' for standard input).", valueName: "file"))
  var modelAnswerFile: String?

  @Option(name: .customLong("tag"), help: "A tag (repeatable).")
  var tags: [String] = []

  @Option(help: "1 (warm-up) to 3 (senior); default 2.")
  var difficulty: Int?

  @Option(help: "The answer's time limit, 1 to 30; default 5.")
  var minutes: Int?

  @Option(help: "The question's id (lowercase letters, digits and single hyphens).")
  var id: String?

  @Option(help: ArgumentHelp("Take up the kept draft of ID instead of a new one.", valueName: "id"))
  var resume: String?

  @Flag(help: "Save without opening the editor (for scripts).")
  var noEdit = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if let component, Component(rawValue: component) == nil {
      throw ValidationError(
        "--component must be one of: "
          + Component.allCases.map(\.rawValue).joined(separator: ", "))
    }
  }

  func run() throws {
    let style = global.outputStyle
    var request = BankAddRequest(
      bank: global.bankSource(),
      question: OwnQuestionDraft(
        component: component.flatMap(Component.init(rawValue:)), prompt: prompt,
        tags: tags, difficulty: difficulty, minutes: minutes, id: id),
      style: style)
    let modelAnswerFile = self.modelAnswerFile
    let resume = self.resume
    let edit = !noEdit
    InputSignals.install()
    let atTerminal = isatty(STDIN_FILENO) == 1
    try CommandRunner.run {
      let draft: OwnQuestionFiles
      if let resume {
        draft = try Rehearse.bankAddWaitingDraft(request, id: resume)
      } else {
        if let modelAnswerFile {
          request.question.modelAnswer =
            modelAnswerFile == "-"
            ? try AnswerInput.read(from: .standardInput, source: "standard input")
            : try AnswerInput.read(path: modelAnswerFile)
        }
        let fields = request.question
        if fields.component == nil || fields.prompt == nil || fields.modelAnswer == nil {
          var input = EdgeFormInput(
            atTerminal: atTerminal, style: style,
            completions: Component.allCases.map(\.rawValue))
          request = try Rehearse.bankAddAsk(request, input: &input) { text in
            if atTerminal { print(text) } else { CommandRunner.printError(text) }
          }
        }
        draft = try Rehearse.bankAddDraft(request)
      }
      let id = try Editor.edit(
        draft.paths, subject: "your bank", again: "'rehearse bank add --resume \(draft.id)'",
        edit: edit
      ) {
        try Rehearse.bankAddFinish(request, draft: draft)
      }
      return CommandOutput(
        style.green("Saved")
          + " your question \(id) in \(TerminalText.safe(request.bank.ownBank?.path ?? "")).\n"
          + "Practise it: rehearse mock --question \(id)")
    }
  }
}
