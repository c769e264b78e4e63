import Foundation

/// A `rehearse story …` request.
public struct StoryRequest: Sendable {
  /// The user's home folder (`REHEARSE_HOME`), which holds `stories/`.
  public var home: URL
  /// The story the command is about, when it is about one.
  public var slug: String?
  public var format: OutputFormat
  public var style: TextStyle
  public var timeZone: TimeZone

  public init(
    home: URL, slug: String? = nil, format: OutputFormat = .text, style: TextStyle = .plain,
    timeZone: TimeZone = .current
  ) {
    self.home = home
    self.slug = slug
    self.format = format
    self.style = style
    self.timeZone = timeZone
  }

  public var library: StoryLibrary { StoryLibrary(home: home) }
}
