import Foundation

/// A `rehearse debrief …` request.
public struct DebriefRequest: Sendable {
  /// The debrief the command is about (`d3`, `3` or `last`), when it is about one.
  public var id: String?
  /// What `--company`, `--date` and `--round` filled in, which the form then does not ask.
  public var company: String?
  public var day: LocalDay?
  public var round: String?
  public var format: TranscriptFormat
  public var style: TextStyle

  public init(
    id: String? = nil, company: String? = nil, day: LocalDay? = nil, round: String? = nil,
    format: TranscriptFormat = .text, style: TextStyle = .plain
  ) {
    self.id = id
    self.company = company
    self.day = day
    self.round = round
    self.format = format
    self.style = style
  }
}
