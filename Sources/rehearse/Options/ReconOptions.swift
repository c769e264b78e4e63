import ArgumentParser
import RehearseCore

/// The options of every recon command: the output format and the global options.
struct ReconOptions: ParsableArguments {
  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var global: GlobalOptions

  var request: ReconRequest {
    ReconRequest(
      bank: global.bankSource(), home: UserHome.folder, format: formatOptions.format,
      style: global.outputStyle)
  }
}
