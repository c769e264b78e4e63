import ArgumentParser

/// The `rehearse` command: a mock-interview practice engine for data-engineering candidates.
@main
struct RehearseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rehearse",
    abstract: "Practise data-engineering interviews: score answers against keyword rubrics.",
    discussion: """
      The question bank covers the seven interview components: sql-python, database-concepts, \
      ci-cd, data-models, system-design, cloud-platforms and behavioural.

      Environment:
        REHEARSE_BANK   the bank folder (as --bank)
        REHEARSE_HOME   where your data is kept (default $XDG_DATA_HOME/rehearse,
                        else ~/.local/share/rehearse)
        NO_COLOR        never colour the output

      Exit codes: 0 ok; 1 a check failed; 64 bad usage; 65 bad data (bank, rubric, answer) \
      with file:line: message; 66 missing input; 130 interrupted.
      """,
    subcommands: [ScoreCommand.self, BankCommand.self]
  )
}
