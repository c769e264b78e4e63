/// The candidate's own story that best fits a behavioural question, shown beside its model
/// answer: the story to tell in the model answer's shape.
///
/// Chosen by `StoryMatcher.best(_:for:)`, the matching the session's `:stories` command lists.
public struct FittingStory: Sendable, Equatable, Codable {
  /// The story's slug: `rehearse story show SLUG` shows it.
  public var slug: String
  public var title: String
  /// The competencies the story shows, those the question asks for first.
  public var competencies: [String]
  /// The story's Result section; without one, the last paragraph it tells.
  public var result: String

  /// The story of `match`.
  public init(_ match: StoryMatcher.Match) {
    let story = match.story
    slug = story.slug
    title = story.title
    competencies =
      (match.competencies + story.competencies.filter { !match.competencies.contains($0) })
      .map(\.rawValue)
    let told = story.text(of: .result)
    result =
      told.isEmpty
      ? String(story.spokenText.split(separator: "\n\n").last ?? "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
      : told.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The command that shows the whole story.
  public var command: String { "rehearse story show \(slug)" }

  /// The heading the renderers put before the story.
  public static let heading = "Your story that fits"
}
