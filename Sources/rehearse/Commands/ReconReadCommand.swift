import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse recon [read] FILE|-`: the default recon subcommand.
struct ReconReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read a job description (the default: 'rehearse recon FILE').",
    discussion: """
      Terms are matched by stem through the lexicon, so 'Amazon Web Services' is AWS and \
      'TCP/IP', 'CI/CD', 'C++' and 'Node.js' are found as written; a term in **bold** or \
      named again counts more. Each component's weight is its share of the votes of the terms \
      named (a term votes for the components of its catalogue entry and of the questions \
      asking it); every component keeps at least 3%. The weights sum to 1.

      JSON: {source, terms: [{name, kind, lines, count, emphasised, components, questions, \
      question_ids}], gaps: [name], components: {ID: weight}, saved}.

      Exit codes: 0 read; 64 bad name; 65 not text, too large (256 KiB) or a bad bank; 66 no \
      such file, or a folder; 73 a focus of that name exists (give --force).
      """
  )

  @Argument(
    help: ArgumentHelp("The job description, or - for standard input.", valueName: "file"),
    completion: .file())
  var file: String = "-"

  @Option(help: ArgumentHelp("Keep the result as a focus of this name.", valueName: "name"))
  var save: String?

  @Flag(help: "With --save, replace a focus of the same name.")
  var force = false

  @OptionGroup var options: ReconOptions

  func validate() throws {
    if force && save == nil {
      throw ValidationError("--force replaces a saved focus: give --save NAME")
    }
  }

  func run() throws {
    let input: ReconRequest.Input =
      file == "-" ? .handle(FileHandle.standardInput, name: "<stdin>") : .file(path: file)
    if file == "-" && isatty(STDIN_FILENO) == 1 {
      CommandRunner.printError("Paste the job description, then Ctrl-D on an empty line.")
    }
    let request = options.request
    try CommandRunner.run {
      try Rehearse.recon(request, input: input, save: save, replacing: force)
    }
  }
}
