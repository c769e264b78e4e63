import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse doctor`: where everything is, and whether it works.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Show where the bank, data, cache and config are, and whether each works.",
    discussion: """
      One line per check: the bank (where it is, how it was found: --bank, REHEARSE_BANK, \
      installed beside the program, the checkout the program is in, or the working folder; \
      and its questions), your own bank, the data folder and its mode, the session store's \
      schema version, the cache folder with the bank cache's format version (and a cache \
      folder an older version left in the data folder), the config file and its settings, and \
      python3 for Python questions (its version, started once in the sandbox answers run in). \
      It creates and changes nothing: not the data folder, the store, the cache or the config.

      A config file that cannot be used is reported here, where every other command stops on \
      it.

      JSON: {checks: [{name, status, summary, details, facts}], ok}; status is ok, warning \
      or failed; facts holds the paths, counts and versions (a store's schema_version, the \
      cache's format_version, python3's version).

      Exit codes: 0 everything a command needs works (warnings allowed: an unknown config \
      key, a stale cache folder, no python3); 1 a check failed (no bank, a bank or config \
      that does not load, a store this version cannot read, a default focus not saved): the \
      last line names it.
      """
  )

  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    // Resolved here rather than through UserHome, which tightens the folder's modes: the
    // doctor reports them as they are.
    let home = RehearseHome.resolve(environment: environment)
    let request = DoctorRequest(
      bank: global.bankSource(home: home), home: home, configPath: UserConfigFile.path,
      environment: environment,
      store: SessionStore.inspect(home: home),
      python: PythonChecker.locate(environment: environment), format: formatOptions.format,
      style: global.outputStyle, semantic: UserConfigFile.current.readsMeaning(off: false))
    try CommandRunner.run { Rehearse.doctor(request) }
  }
}
