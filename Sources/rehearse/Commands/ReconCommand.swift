import ArgumentParser
import RehearseCore

/// `rehearse recon`: a job description read into a focus for practice.
struct ReconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recon",
    abstract: "Read a job description: what it names, what the bank asks of it, what to practise.",
    discussion: """
      'rehearse recon FILE' (or '-' for standard input) reads a job description, plain text \
      or Markdown, and reports the technologies and concepts it names (through the \
      technology catalogue rubrics/technologies.yaml, the lexicon and the questions' tags), \
      the questions that ask each, the gaps no question asks yet, and a weight per component. \
      --save NAME keeps the result as a focus in REHEARSE_HOME/focus/NAME.yaml, for \
      'rehearse mock --focus NAME', 'today --focus NAME' and 'progress --focus NAME'.

      A file named like a subcommand (list, show, rm, read) is read with a path: \
      'rehearse recon ./list'.
      """,
    subcommands: [
      ReconReadCommand.self, ReconListCommand.self, ReconShowCommand.self,
      ReconRemoveCommand.self,
    ],
    defaultSubcommand: ReconReadCommand.self
  )
}
