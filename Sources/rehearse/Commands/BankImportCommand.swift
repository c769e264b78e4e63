import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse bank import DIR`.
struct BankImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Copy the questions of a bank-shaped DIR into your own bank, if they lint.",
    discussion: """
      DIR holds question-bank/ and rubrics/ as 'rehearse bank export' writes them (question \
      files may be named freely; each declares its component; the shipped lexicon applies). \
      They are linted merged with the shipped bank and your own; any problem is shown as \
      file:line: message (exit 65) and nothing is imported. An id of the shipped bank is \
      always refused; an id of one of your own questions is refused unless --replace, which \
      replaces that question's files. All or nothing: no file is copied unless all can be.
      """
  )

  @Argument(help: "The folder to read.", completion: .directory)
  var dir: String

  @Flag(help: "Replace your own questions that have an incoming id.")
  var replace = false

  @Flag(help: "Only lint DIR merged with your banks; import nothing.")
  var check = false

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let request = BankShareRequest(
      bank: global.bankSource(), folder: dir, replace: replace, checkOnly: check,
      style: global.outputStyle)
    try CommandRunner.run { try Rehearse.bankImport(request) }
  }
}
