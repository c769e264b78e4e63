import Foundation
import Testing

@Suite("The command word: a mistyped one is named, never read as the default command's")
struct CommandWordTests {
  @Test(
    "an unknown command exits 64 with the nearest command, not mock's usage",
    arguments: [
      (["hisotry"], "history"), (["--no-color", "hisotry"], "history"), (["reveiw"], "review"),
      (["--bank", ".", "stroy", "list"], "story"), (["hist"], "history"),
    ])
  func didYouMean(arguments: [String], meant: String) throws {
    let result = try RehearseProcess.run(arguments)
    #expect(result.status == 64)
    #expect(result.standardError.contains("did you mean '\(meant)'?"), "\(result.standardError)")
    #expect(!result.standardError.contains("USAGE"), "the default command's usage is not shown")
    #expect(result.standardOutput.isEmpty)
  }

  @Test("a word near no command is named without a guess")
  func noGuess() throws {
    let result = try RehearseProcess.run(["zzzzqq"])
    #expect(result.status == 64)
    #expect(result.standardError.contains("unknown command 'zzzzqq'"))
    #expect(!result.standardError.contains("did you mean"))
  }

  @Test("options every command takes may come before the command word")
  func optionsFirst() throws {
    let result = try RehearseProcess.run(["--no-color", "history", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("["))
  }

  @Test("options every command takes, before a command with subcommands, reach the subcommand")
  func optionsBeforeGroup() throws {
    let result = try RehearseProcess.run([
      "--bank", RehearseProcess.repository.path, "--no-color", "bank", "lint",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(": ok"))
  }

  @Test("without a command word, the options are mock's as before")
  func defaultCommand() throws {
    let result = try RehearseProcess.run(
      ["--count", "1", "--component", "database-concepts", "--seed", "1"], input: Data())
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("Question 1 of 1"))
  }

  @Test("--version prints the version alone")
  func version() throws {
    let result = try RehearseProcess.run(["--version"])
    #expect(result.status == 0)
    let printed = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(printed.split(separator: ".").count == 3)
    #expect(printed.split(separator: ".").allSatisfy { Int($0) != nil })
  }
}
