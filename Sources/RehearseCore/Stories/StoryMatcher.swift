/// Finds the stories that fit a behavioural question.
public enum StoryMatcher {
  /// A story that fits a question, and why.
  public struct Match: Sendable, Equatable {
    public var story: Story
    /// The question's competencies the story demonstrates.
    public var competencies: [Competency]
    /// The question's tags and prompt words the story shares.
    public var sharedWords: [String]
    public var score: Double
  }

  /// The stories that fit `question`, best first: those sharing more of its competencies, then
  /// more of its tags and prompt words. Stories sharing nothing are left out.
  public static func rank(_ stories: [Story], for question: Question) -> [Match] {
    let promptWords = Set(
      StoryText(question.prompt + " " + question.tags.joined(separator: " ")).words.map(\.lower)
        .filter { $0.count > 3 && !commonWords.contains($0) })
    let matches = stories.compactMap { story -> Match? in
      let shared = question.competencies.filter(story.competencies.contains)
      let storyWords = Set(
        StoryText(story.title + " " + story.tags.joined(separator: " ") + " " + story.factText)
          .words.map(\.lower))
      let words = promptWords.intersection(storyWords).sorted()
      let score = Double(shared.count) * 10 + Double(words.count)
      guard score > 0 else { return nil }
      return Match(story: story, competencies: shared, sharedWords: words, score: score)
    }
    return matches.sorted { ($1.score, $0.story.slug) < ($0.score, $1.story.slug) }
  }

  static let commonWords: Set<String> = [
    "about", "tell", "time", "when", "what", "your", "with", "that", "this", "have", "from",
    "would", "there", "were", "which", "they", "them", "their", "share", "describe", "give",
    "example", "how", "did", "you", "through", "walk", "built", "into", "some", "than",
    "then", "more", "most", "make", "made", "work", "worked", "could", "should",
  ]
}
