import ArgumentParser
import RehearseCore

/// `rehearse story`: the library of behavioural STAR stories.
struct StoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "story",
    abstract: "Keep, check and rehearse your behavioural STAR stories.",
    discussion: """
      Each story is one Markdown file in REHEARSE_HOME/stories/ (the folder is private, mode \
      0700, and each file 0600: stories hold career details). The file name, without .md, is \
      the story's slug. The format (docs/formats.md has the full reference):

        ---
        title: Control-tower dashboard pipeline
        competencies: [pipeline-built, data-quality]    # at least one, from the list below
        tags: [SAP, InfluxDB, SQL Server]               # optional
        date: 2023-06-30                                # optional, YYYY-MM-DD
        ---

        ## Situation
        ## Task
        ## Action
        ## Result
        ## Pipeline        optional: ### Requirement, ### Source, ### Logic,
                           ### Destination, ### Scheduler (or "Source: ..." lines)
        ## Notes           optional, not analysed

      Competencies: pipeline-built, data-quality, orchestration-scheduling, \
      stakeholder-requirements, performance-tuning, incident-ownership, cloud-migration, \
      learning-fast, conflict, failure.

      A file that does not parse is reported as file:line: message and never hides the \
      other stories. An example to start from: examples/stories/control-tower-pipeline.md \
      ('rehearse story add --from examples/stories/control-tower-pipeline.md').
      """,
    subcommands: [
      StoryListCommand.self, StoryShowCommand.self, StoryAddCommand.self, StoryEditCommand.self,
      StoryRemoveCommand.self, StoryCheckCommand.self, StoryCoverageCommand.self,
      StoryRehearseCommand.self,
    ]
  )
}
