/// A technology, concept or tag a job description names, with where it names it and the bank
/// questions that ask it.
public struct ReconTerm: Sendable, Equatable, Codable {
  /// The catalogue name (`AWS`) or the tag (`fault-handling`).
  public var name: String
  /// `technology` or `concept` (from the catalogue), or `tag` (a question tag only).
  public var kind: String
  /// The lines of the job description that name it, each once.
  public var lines: [Int]
  /// How many times it is named.
  public var count: Int
  /// Whether it is named inside `**bold**` at least once.
  public var emphasised: Bool
  /// The components its catalogue entry belongs to (empty for a tag).
  public var components: [Component]
  /// The ids of the bank questions that ask it, in bank order.
  public var questions: [String]

  public init(
    name: String, kind: String, lines: [Int], count: Int, emphasised: Bool,
    components: [Component], questions: [String]
  ) {
    self.name = name
    self.kind = kind
    self.lines = lines
    self.count = count
    self.emphasised = emphasised
    self.components = components
    self.questions = questions
  }

  /// Whether no bank question asks it yet.
  public var isGap: Bool { questions.isEmpty }
}
