/// The fields of a question the user adds to their own bank (`rehearse bank add`), typed at the
/// prompt, given as flags, or taken from elsewhere (a debrief's question).
public struct OwnQuestionDraft: Sendable, Equatable {
  public var component: Component?
  public var prompt: String?
  public var modelAnswer: String?
  public var tags: [String]
  /// Hints revealed by `:hint`, in order; none when empty.
  public var hints: [String]
  /// 1 (warm-up) to 3 (senior).
  public var difficulty: Int?
  /// The time limit of an answer, 1 to 30.
  public var minutes: Int?
  /// The question's id; derived from the prompt (`own-…`) when `nil`.
  public var id: String?

  /// The difficulty of a question added without one.
  public static let defaultDifficulty = 2
  /// The minutes of a question added without them.
  public static let defaultMinutes = 5

  public init(
    component: Component? = nil, prompt: String? = nil, modelAnswer: String? = nil,
    tags: [String] = [], hints: [String] = [], difficulty: Int? = nil, minutes: Int? = nil,
    id: String? = nil
  ) {
    self.component = component
    self.prompt = prompt
    self.modelAnswer = modelAnswer
    self.tags = tags
    self.hints = hints
    self.difficulty = difficulty
    self.minutes = minutes
    self.id = id
  }
}
