import Foundation

/// The `rehearse mock` (and `rehearse ask`) request.
public struct MockRequest: Sendable {
  public var bank: BankSource
  public var selection: SessionSelection
  /// Continue the newest unfinished session instead of drawing a new one.
  public var resume: Bool
  public var mode: SessionMachine.InputMode
  public var style: TextStyle
  /// The home folder whose stories `:stories` offers; none when `nil`.
  public var storyHome: URL?
  /// What runs SQL and Python answers; without one they are scored by their rubrics alone.
  public var checker: ExerciseChecker?
  /// Whether the session waits after each answer's feedback, every clock stopped, until the
  /// candidate goes on (a terminal's default).
  public var pausesAfterFeedback: Bool
  /// The time zone whose calendar days the schedule counts in.
  public var timeZone: TimeZone
  /// The saved focus to weight the draw by (`--focus NAME`), kept in `home`'s `focus/`.
  public var focus: String?
  /// The user's home folder, where focuses are kept; none when `nil`.
  public var home: URL?
  /// Whether answers are also read by meaning (`--no-semantic` turns it off); the model loads
  /// in the background while the first question is shown.
  public var semantic: Bool

  public init(
    bank: BankSource, selection: SessionSelection, resume: Bool,
    mode: SessionMachine.InputMode, style: TextStyle, storyHome: URL? = nil,
    checker: ExerciseChecker? = nil, pausesAfterFeedback: Bool = false,
    timeZone: TimeZone = .current, focus: String? = nil, home: URL? = nil, semantic: Bool = false
  ) {
    self.semantic = semantic
    self.focus = focus
    self.home = home
    self.timeZone = timeZone
    self.bank = bank
    self.selection = selection
    self.resume = resume
    self.mode = mode
    self.style = style
    self.storyHome = storyHome
    self.checker = checker
    self.pausesAfterFeedback = pausesAfterFeedback
  }
}
