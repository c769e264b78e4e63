import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse debrief rm ID`.
struct DebriefRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    abstract: "Delete a debrief and its questions (asks first unless --yes).",
    discussion: """
      Asks for confirmation on the terminal; without a terminal, or when the answer is not \
      yes, nothing is removed unless --yes is given.
      """
  )

  @Argument(
    help: "A debrief id (d3 or 3) from 'rehearse debrief list'.", completion: .rehearse(.debriefID))
  var id: String

  @Flag(help: "Delete without asking.")
  var yes = false

  func run() throws {
    let yes = self.yes
    try CommandRunner.run {
      try Rehearse.debriefRemove(
        DebriefRequest(id: id), archive: try SessionStore(home: UserHome.folder)
      ) { debrief in
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(
          Data(
            "Delete \(debrief.label) (\(TerminalText.safe(debrief.company)), \(debrief.day.iso))? [y/N] "
              .utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
      }
    }
  }
}
