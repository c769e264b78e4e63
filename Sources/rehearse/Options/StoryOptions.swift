import ArgumentParser
import RehearseCore

/// The options of every story command: the output format and the global options.
struct StoryOptions: ParsableArguments {
  @OptionGroup var global: GlobalOptions

  func request(slug: String? = nil, format: OutputFormat = .text) -> StoryRequest {
    StoryRequest(home: UserHome.folder, slug: slug, format: format, style: global.outputStyle)
  }
}
