import ArgumentParser
import RehearseCore

extension OutputFormat: ExpressibleByArgument {}

extension Component: ExpressibleByArgument {}

/// `--format text|json`.
struct FormatOptions: ParsableArguments {
  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text
}
