import ArgumentParser
import Foundation
import RehearseCore

/// The `rehearse` command: a mock-interview practice engine for data-engineering candidates.
@main
struct RehearseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rehearse",
    abstract: "Practise data-engineering interviews: timed mock sessions, scored answers.",
    discussion: """
      The question bank covers the seven interview components: sql-python, database-concepts, \
      ci-cd, data-models, system-design, cloud-platforms and behavioural.

      Environment:
        REHEARSE_BANK   the bank folder (as --bank)
        REHEARSE_HOME   where your data is kept (default $XDG_DATA_HOME/rehearse,
                        else ~/.local/share/rehearse)
        NO_COLOR        no colour, unless --color always or the config file's
                        color = "always" asks for it
        XDG_CACHE_HOME  the bank cache goes in $XDG_CACHE_HOME/rehearse (default
                        ~/.cache/rehearse; REHEARSE_HOME/cache when REHEARSE_HOME is
                        set and XDG_CACHE_HOME is not)
        REHEARSE_CONFIG the config file (default $XDG_CONFIG_HOME/rehearse/config.toml,
                        else ~/.config/rehearse/config.toml): defaults for minutes,
                        session-minutes, pause, focus and color; flags win over it
        COLUMNS         the width of text output off a terminal (default 80; a
                        terminal's own width comes first; kept within 40-100)
        PAGER           the pager for long output at a terminal (default
                        less -FRX); empty or cat for none, as --no-pager

      Without a command, rehearse runs 'rehearse mock': one timed question of each \
      component, every answer scored and saved. 'rehearse story' keeps and rehearses your \
      behavioural STAR stories; 'rehearse debrief' records a real interview afterwards. \
      'rehearse doctor' shows where the bank, data, cache and config file are.

      Exit codes: 0 ok; 1 a check failed; 64 bad usage; 65 bad data (bank, rubric, story, answer, \
      store, config file) with file:line: message; 66 missing input (no such file, or a \
      folder where a file is expected); 73 an output file cannot be created; 74 writing failed on the way (a full \
      disk, to a file or to standard output); 130 interrupted (Ctrl-C); 143 terminated \
      (SIGTERM); 129 hung up (SIGHUP).
      """,
    version: RehearseVersion.current,
    subcommands: [
      MockCommand.self, AskCommand.self, ScoreCommand.self, HistoryCommand.self,
      ReviewCommand.self, ExportCommand.self, DebriefCommand.self, StoryCommand.self,
      BankCommand.self,
      RubricCommand.self, EvalCommand.self, WeakCommand.self, TodayCommand.self,
      ProgressCommand.self, RescheduleCommand.self, ReconCommand.self, DoctorCommand.self,
    ],
    defaultSubcommand: MockCommand.self
  )

  /// The names a command word may take: every command's, and `help`.
  static var commandWords: [String] {
    configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
  }

  /// Parses and runs the command as ArgumentParser does, except that the command word is found
  /// first (`CommandRouting`: a mistyped one is named, exit 64, rather than read as the default
  /// command's arguments), and that its messages, which quote the arguments (`The value '…' is
  /// invalid`), are printed `TerminalText.safe`.
  static func main() {
    let arguments: [String]
    do {
      arguments = try CommandRouting.route(
        Array(CommandLine.arguments.dropFirst()), commands: commandWords)
    } catch {
      CommandRunner.printError("rehearse: error: \(error.description)")
      exit(withError: ExitCode(ExitStatus.usage.rawValue))
    }
    do {
      var command = try parseAsRoot(arguments)
      // The doctor reports a config file that cannot be used; every other command stops on it.
      if !(command is DoctorCommand) { try UserConfigFile.requireValid() }
      try command.run()
    } catch {
      let message = TerminalText.safe(fullMessage(for: error))
      let code = exitCode(for: error)
      if !message.isEmpty {
        if code == .success {
          print(message)
        } else {
          CommandRunner.printError(message)
        }
      }
      exit(withError: ExitCode(code.rawValue))
    }
  }
}
