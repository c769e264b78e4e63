import Foundation

/// The Markdown form of a story: YAML front matter, then `##` sections.
///
/// ```
/// ---
/// title: Control-tower dashboard pipeline
/// competencies: [pipeline-built, data-quality]
/// tags: [SAP, InfluxDB]
/// date: 2023-06-01
/// ---
///
/// ## Situation
/// …
/// ## Task
/// ## Action
/// ## Result
/// ## Pipeline          (optional; its parts are ### Requirement, Source, Logic,
///                       Destination, Scheduler, or lines such as "Source: …")
/// ## Notes             (optional; kept, not analysed)
/// ```
///
/// A missing STAR section is not a format error: `story check` reports it.
public enum StoryFile {
  /// The largest story file read, in bytes.
  public static let maximumBytes = 256 * 1024
  /// The keys the front matter may hold.
  public static let frontMatterKeys = ["title", "competencies", "tags", "date"]

  /// The text of the story file at `path`, checked to be UTF-8 text of at most `maximumBytes`;
  /// `inLibrary` for a file of the library, which must be a regular file (a named pipe there
  /// is refused rather than waited on), where a file to add may be any stream.
  public static func text(atPath path: String, inLibrary: Bool = false) throws(StoryFileFailure)
    -> String
  {
    do {
      return try TextFile.read(path: path, limit: maximumBytes, regularFileOnly: inLibrary)
    } catch {
      throw StoryFileFailure([.unreadable(error)])
    }
  }

  /// The story in `text`, read from the file shown as `file`; every problem found is thrown.
  public static func parse(_ text: String, file: String, slug: String) throws(StoryFileFailure)
    -> Story
  {
    // A byte-order mark some editors write is not part of the front matter's opening line.
    let body =
      text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    var parser = StoryFileParser(file: file, lines: splitLines(body))
    let story = parser.parse(slug: slug)
    if !parser.problems.isEmpty || story == nil {
      throw StoryFileFailure(parser.problems)
    }
    return story!
  }

  static func splitLines(_ text: String) -> [String] {
    // "\r\n" is one Character in Swift, so it is a separator of its own.
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
  }

  // MARK: - Writing

  /// The Markdown file for `story`.
  public static func render(_ story: Story) -> String {
    var lines = ["---"]
    lines.append("title: " + YAMLFile.scalar(story.title))
    lines.append(
      "competencies: [" + story.competencies.map(\.rawValue).joined(separator: ", ") + "]")
    if !story.tags.isEmpty {
      lines.append("tags: [" + story.tags.map(YAMLFile.scalar).joined(separator: ", ") + "]")
    }
    if let date = story.date { lines.append("date: " + date) }
    lines.append("---")
    for part in StarPart.allCases {
      guard let section = story.star[part] else { continue }
      lines += ["", "## " + part.heading, "", section.text.trimmedWhitespace]
    }
    if let pipeline = story.pipeline {
      lines += ["", "## Pipeline"]
      for part in PipelinePart.allCases {
        guard let section = pipeline[part] else { continue }
        lines += ["", "### " + part.heading, "", section.text.trimmedWhitespace]
      }
    }
    if let notes = story.notes {
      lines += ["", "## Notes", "", notes.text.trimmedWhitespace]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
