import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse bank export DIR`.
struct BankExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Copy your own questions and their rubrics into DIR, as a bank-shaped folder.",
    discussion: """
      Writes DIR/question-bank/ID.yaml and DIR/rubrics/ID.yaml for every own question (or those \
      --question and --tag choose), byte for byte as they are in REHEARSE_HOME/bank: plain \
      YAML, ready for git, for 'rehearse bank import DIR' elsewhere, and checked against your \
      banks by 'rehearse bank import DIR --check'. A file holding several questions is copied \
      whole, so all of them must be chosen. DIR must hold no bank files yet (exit 73).
      """
  )

  @Argument(help: "The folder to write.", completion: .directory)
  var dir: String

  @Option(
    name: .customLong("question"), help: "Only this own question (repeatable).",
    completion: .rehearse(.ownQuestion))
  var questions: [String] = []

  @Option(
    name: .customLong("tag"), help: "Only own questions with this tag (repeatable).",
    completion: .rehearse(.ownTag))
  var tags: [String] = []

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankShareRequest(
      bank: global.bankSource(), folder: dir, questionIDs: questions, tags: tags,
      style: global.outputStyle)
    try CommandRunner.run { try Rehearse.bankExport(request) }
  }
}
