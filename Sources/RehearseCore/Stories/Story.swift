import Foundation

/// A behavioural story of the user's, kept as one Markdown file under `REHEARSE_HOME/stories/`.
public struct Story: Sendable, Equatable {
  /// The file's name without `.md`: how commands name the story.
  public var slug: String
  public var title: String
  public var competencies: [Competency]
  public var tags: [String]
  /// The date the story happened or was written, `YYYY-MM-DD`, when given.
  public var date: String?
  /// The STAR sections present in the file.
  public var star: [StarPart: StorySection]
  /// The pipeline subsections, when the file has a Pipeline section.
  public var pipeline: [PipelinePart: StorySection]?
  /// Free notes kept with the story and not analysed.
  public var notes: StorySection?
  /// The file, as shown in messages.
  public var file: String

  public init(
    slug: String, title: String, competencies: [Competency], tags: [String] = [],
    date: String? = nil, star: [StarPart: StorySection] = [:],
    pipeline: [PipelinePart: StorySection]? = nil, notes: StorySection? = nil, file: String = ""
  ) {
    self.slug = slug
    self.title = title
    self.competencies = competencies
    self.tags = tags
    self.date = date
    self.star = star
    self.pipeline = pipeline
    self.notes = notes
    self.file = file
  }

  /// The text of a STAR part, empty when the part is missing.
  public func text(of part: StarPart) -> String {
    star[part]?.text ?? ""
  }

  /// Whether the story is about a pipeline: it has a Pipeline section, or claims the
  /// `pipeline-built` competency.
  public var isPipelineStory: Bool {
    pipeline != nil || competencies.contains(.pipelineBuilt)
  }

  /// The text a candidate would tell: the STAR parts in order. The Pipeline section restates
  /// the same story as a checklist, so it counts only when the story has no STAR text.
  public var spokenText: String {
    let parts = StarPart.allCases.compactMap { star[$0]?.text }.filter { !$0.isEmpty }
    if !parts.isEmpty { return parts.joined(separator: "\n\n") }
    return PipelinePart.allCases.compactMap { pipeline?[$0]?.text }.filter { !$0.isEmpty }
      .joined(separator: "\n\n")
  }

  /// The words the story takes to tell, as the tokenizer counts them (a hyphenated word is two).
  public var spokenWords: Int {
    Tokenizer.tokens(of: spokenText).count
  }

  /// Every text of the story, the Pipeline section and tags included: where its facts are.
  public var factText: String {
    let parts = StarPart.allCases.compactMap { star[$0]?.text }
    let pipelineParts = PipelinePart.allCases.compactMap { pipeline?[$0]?.text }
    return (parts + pipelineParts).filter { !$0.isEmpty }.joined(separator: "\n\n")
  }

  /// The slug a title gives: lowercase ASCII letters and digits joined by single hyphens, at most
  /// 60 characters; `story` when the title has none.
  public static func slug(forTitle title: String) -> String {
    var words: [String] = []
    var current = ""
    for scalar in title.lowercased().unicodeScalars {
      if scalar.isASCII
        && (CharacterSet.lowercaseLetters.contains(scalar) || ("0"..."9").contains(scalar))
      {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var slug = ""
    for word in words {
      let next = slug.isEmpty ? word : slug + "-" + word
      if next.count > 60 {
        // A first word too long on its own is cut rather than lost.
        if slug.isEmpty { slug = String(word.prefix(60)) }
        break
      }
      slug = next
    }
    return slug.isEmpty ? "story" : slug
  }

  /// Whether `slug` is a valid story name: lowercase letters, digits and single inner hyphens.
  public static func isValidSlug(_ slug: String) -> Bool {
    guard !slug.isEmpty, slug.count <= 80, slug.first != "-", slug.last != "-",
      !slug.contains("--")
    else { return false }
    return slug.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
  }
}
