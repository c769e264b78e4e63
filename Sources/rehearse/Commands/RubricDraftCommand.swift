import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse rubric draft`.
struct RubricDraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract: "Draft a rubric skeleton from a question and its model answer, as YAML.",
    discussion: """
      Every content word of the model answer becomes a talking point, weighted by how rare it \
      is among the bank's model answers; words the question already uses get the least \
      weight; full_credit_at is 0.5, as a good answer makes the point with part of the model \
      answer's words. Paste it into rubrics/<component>.yaml, then merge words into points, \
      add the phrasings candidates use, misconceptions and graded examples.

      With ID, drafts from that bank question. Otherwise --question gives the question and \
      --answer-file (or standard input) the model answer.
      """
  )

  @Argument(help: "A bank question to draft from.", completion: .rehearse(.question))
  var id: String?

  @Option(help: "The question text (without ID).")
  var question: String?

  @Option(
    help: ArgumentHelp("Read the model answer from this file.", valueName: "file"),
    completion: .file())
  var answerFile: String?

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if id == nil && question == nil {
      throw ValidationError("give a bank question ID, or --question with the model answer")
    }
  }

  func run() throws {
    let bank = global.bankSource()
    let id = self.id
    let question = self.question
    let answerFile = self.answerFile
    try CommandRunner.run {
      var modelAnswer: String?
      if let answerFile {
        modelAnswer = try AnswerInput.read(path: answerFile)
      } else if id == nil {
        modelAnswer = try AnswerInput.read(from: .standardInput, source: "standard input")
      }
      return try Rehearse.rubricDraft(
        DraftRequest(bank: bank, questionID: id, question: question, modelAnswer: modelAnswer))
    }
  }
}
