import Foundation
import LineInput
import RehearseCore

/// The terminal half of adding an own question, shared by `bank add` and `debrief promote`:
/// asks for the fields still missing, drafts the question and its rubric, opens both in the
/// editor, and saves them once they lint.
enum OwnQuestionAdding {
  /// Adds the question `request` describes and returns its id.
  ///
  /// `modelAnswerFile` (`-` for standard input) replaces the model answer; `resume` takes up
  /// the kept draft of that id instead of a new one; without `edit` the draft is saved as
  /// written. Call inside `CommandRunner.run`, with `InputSignals` installed.
  static func add(
    _ request: BankAddRequest, modelAnswerFile: String?, resume: String?, edit: Bool
  ) throws -> String {
    var request = request
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
        let atTerminal = isatty(STDIN_FILENO) == 1
        var input = EdgeFormInput(
          atTerminal: atTerminal, style: request.style,
          completions: Component.allCases.map(\.rawValue))
        request = try Rehearse.bankAddAsk(request, input: &input) { text in
          if atTerminal { print(text) } else { CommandRunner.printError(text) }
        }
      }
      draft = try Rehearse.bankAddDraft(request)
    }
    let finished = request
    return try Editor.edit(
      draft.paths, subject: "your bank", again: "'rehearse bank add --resume \(draft.id)'",
      edit: edit
    ) {
      try Rehearse.bankAddFinish(finished, draft: draft)
    }
  }
}
