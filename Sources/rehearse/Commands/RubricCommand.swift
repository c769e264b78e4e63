import ArgumentParser

/// `rehearse rubric`: tools for rubric authors.
struct RubricCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rubric",
    abstract: "Draft rubrics for new questions.",
    subcommands: [RubricDraftCommand.self]
  )
}
