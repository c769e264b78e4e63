/// What the user asked for: which questions, how many, and how much time.
public struct SessionSelection: Sendable, Equatable {
  /// Only questions of these components; every component when empty.
  public var components: [Component]
  /// How many questions; `nil` asks one question per component.
  public var count: Int?
  /// Only questions of these difficulties.
  public var difficulties: ClosedRange<Int>?
  /// Exactly these questions, in this order (`rehearse ask ID`); overrides the other filters.
  public var questionIDs: [String]
  /// The limit for every answer, in minutes (fractions allowed); `nil` uses each question's own.
  public var minutesPerQuestion: Double?
  /// The limit for the whole session, in minutes; `nil` is the sum of the answers' limits.
  public var sessionMinutes: Double?
  /// The seed of the draw.
  public var seed: UInt64
  /// Why Python answers cannot be run here, when they cannot: Python questions are then left out
  /// of the draw, and asking for one by id fails.
  public var pythonUnavailable: String?
  /// Only questions carrying one of these tags (case-insensitive); any question when empty.
  public var tags: [String] = []
  /// What the store knows of the candidate's study: with it, each component's questions are
  /// drawn due first, then those on weak points, then new ones, never one answered in the last
  /// few days unless due (`StudyState`); without it, at random.
  public var study: StudyState?
  /// Only questions of this standing (`--due`, `--weak`, `--new`); needs `study`.
  public var source: DrawSource?
  /// The focus the draw leans on (`--focus NAME`): see `FocusDraw`.
  public var focus: FocusDraw?

  public init(
    components: [Component] = [], count: Int? = nil, difficulties: ClosedRange<Int>? = nil,
    questionIDs: [String] = [], minutesPerQuestion: Double? = nil, sessionMinutes: Double? = nil,
    seed: UInt64, pythonUnavailable: String? = nil
  ) {
    self.components = components
    self.count = count
    self.difficulties = difficulties
    self.questionIDs = questionIDs
    self.minutesPerQuestion = minutesPerQuestion
    self.sessionMinutes = sessionMinutes
    self.seed = seed
    self.pythonUnavailable = pythonUnavailable
  }
}
