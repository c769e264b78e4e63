/// Finds the stories that fit a behavioural question.
public enum StoryMatcher {
  /// A story that fits a question, and why.
  public struct Match: Sendable, Equatable {
    public var story: Story
    /// The question's competencies the story demonstrates.
    public var competencies: [Competency]
    /// The question's tags and prompt words the story shares, each as the question wrote it
    /// (lowercased): words meet by stem, so a story that "designed warehouses" shares `design`
    /// and `warehouse` with a question about designing a warehouse.
    public var sharedWords: [String]
    public var score: Double
  }

  /// The stories that fit `question`, best first: those sharing more of its competencies, then
  /// more of its tags and prompt words. Stories sharing nothing are left out.
  public static func rank(_ stories: [Story], for question: Question) -> [Match] {
    let asked = TokenizedText(question.prompt + " " + question.tags.joined(separator: " "))
    // Each stem the question asks about, with the word that first said it.
    var askedWords: [String: String] = [:]
    for token in asked.tokens
    where token.text.count > 3 && !commonStems.contains(token.stem)
      && askedWords[token.stem] == nil
    {
      askedWords[token.stem] = asked.text[token.surface].lowercased()
    }
    let matches = stories.compactMap { story -> Match? in
      let shared = question.competencies.filter(story.competencies.contains)
      let storyStems = Set(
        Tokenizer.tokens(
          of: story.title + " " + story.tags.joined(separator: " ") + " " + story.factText
        ).map(\.stem))
      let words = askedWords.filter { storyStems.contains($0.key) }.values.sorted()
      let score = Double(shared.count) * 10 + Double(words.count)
      guard score > 0 else { return nil }
      return Match(story: story, competencies: shared, sharedWords: words, score: score)
    }
    return matches.sorted { ($1.score, $0.story.slug) < ($0.score, $1.story.slug) }
  }

  /// The story that fits `question` best, when it fits well enough to be shown unasked beside
  /// the model answer: it shows one of the question's competencies, or shares at least
  /// `minimumSharedWords` of its words. `nil` otherwise: never a story that merely shares a word.
  public static func best(_ stories: [Story], for question: Question) -> Match? {
    rank(stories, for: question).first {
      !$0.competencies.isEmpty || $0.sharedWords.count >= minimumSharedWords
    }
  }

  /// The fewest of a question's words a story without one of its competencies must share to be
  /// shown as its best fit.
  public static let minimumSharedWords = 3

  /// Words too common in questions to say that a story fits one, as stems.
  static let commonStems = Set(
    [
      "about", "tell", "time", "when", "what", "your", "with", "that", "this", "have", "from",
      "would", "there", "were", "which", "they", "them", "their", "share", "describe", "give",
      "example", "how", "did", "you", "through", "walk", "built", "into", "some", "than",
      "then", "more", "most", "make", "made", "work", "worked", "could", "should",
    ].flatMap { Tokenizer.tokens(of: $0).map(\.stem) })
}
