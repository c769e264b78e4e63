import ArgumentParser

/// `rehearse debrief`: records of real interviews.
struct DebriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debrief",
    abstract: "Record a real interview afterwards: the questions asked, how each went, what to "
      + "improve.",
    discussion: """
      Without a subcommand, records one ('rehearse debrief add'). Debriefs are kept in the \
      session store under REHEARSE_HOME, listed in 'rehearse history' beside your mock \
      sessions, and exported with 'rehearse export dN'. Their ids are written d1, d2, …; in \
      debrief commands a bare number works too.
      """,
    subcommands: [
      DebriefAddCommand.self, DebriefListCommand.self, DebriefShowCommand.self,
      DebriefPromoteCommand.self, DebriefRemoveCommand.self,
    ],
    defaultSubcommand: DebriefAddCommand.self
  )
}
