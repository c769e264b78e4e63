import ArgumentParser
import Foundation
import RehearseCore

/// Runs a core entry point: prints its output, and turns its errors into
/// `rehearse: error: …` on standard error with the documented exit code. Messages, which quote
/// what they are about (a path, an id, a line of a file), are printed `TerminalText.safe`.
enum CommandRunner {
  /// Runs `body` and prints its output; with `pager`, the options of a command whose output can
  /// be long, through the pager at a terminal (`Pager`).
  static func run(pager: PagerOptions? = nil, _ body: () throws -> CommandOutput) throws {
    do {
      let output = try body()
      if !output.standardOutput.isEmpty {
        try writeOutput(output.standardOutput + "\n", paged: pager.map { !$0.noPager } ?? false)
      }
      for line in output.standardError { printError(TerminalText.safe(line)) }
      if output.status != .success { throw ExitCode(output.status.rawValue) }
    } catch let failure as BankLoadFailure {
      for problem in failure.problems { printError(TerminalText.safe(problem.description)) }
      let count = failure.problems.count
      printError("rehearse: error: the bank has \(count) problem\(count == 1 ? "" : "s")")
      throw ExitCode(failure.exitStatus.rawValue)
    } catch let failure as StoryFileFailure {
      for problem in failure.problems { printError(TerminalText.safe(problem.description)) }
      throw ExitCode(failure.exitStatus.rawValue)
    } catch let error as any RehearseError {
      printError("rehearse: error: \(TerminalText.safe(error.description))")
      throw ExitCode(error.exitStatus.rawValue)
    }
  }

  /// Writes `text` to standard output; when `paged`, through the pager if standard output is a
  /// terminal and one is wanted (`Pager.command`), and directly when it cannot be started.
  static func writeOutput(_ text: String, paged: Bool) throws(FileWriteError) {
    let environment = ProcessInfo.processInfo.environment
    if paged,
      let command = Pager.command(
        noPager: false, isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
    {
      fflush(nil)
      if Pager.show(text, through: command, environment: environment) == .shown { return }
    }
    try writeOutput(text)
  }

  /// Writes `text` to standard output, checking every write: output that cannot be written
  /// (a full disk, `/dev/full`) is an error, exit 74, not a silent success.
  static func writeOutput(_ text: String) throws(FileWriteError) {
    // Text printed earlier (a session's results) goes first; nil flushes every stream, without
    // touching the C global `stdout`, which Swift 6 refuses as shared mutable state.
    fflush(nil)
    try DescriptorWriter.write(Array(text.utf8), to: STDOUT_FILENO, name: "standard output")
  }

  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
