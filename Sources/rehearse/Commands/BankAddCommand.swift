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

  @OptionGroup var fields: OwnQuestionOptions

  @Option(
    help: ArgumentHelp("Take up the kept draft of ID instead of a new one.", valueName: "id"),
    completion: .rehearse(.draft))
  var resume: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let style = global.outputStyle
    let request = BankAddRequest(
      bank: global.bankSource(),
      question: fields.draft, style: style)
    let modelAnswerFile = fields.modelAnswerFile
    let resume = self.resume
    let edit = !fields.noEdit
    InputSignals.install()
    try CommandRunner.run {
      let id = try OwnQuestionAdding.add(
        request, modelAnswerFile: modelAnswerFile, resume: resume, edit: edit)
      return CommandOutput(
        style.green("Saved")
          + " your question \(id) in \(TerminalText.safe(request.bank.ownBank?.path ?? "")).\n"
          + "Practise it: rehearse mock --question \(id)")
    }
  }
}
