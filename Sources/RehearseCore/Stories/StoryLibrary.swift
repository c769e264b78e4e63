import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The user's stories: one Markdown file each in `REHEARSE_HOME/stories/`.
///
/// The folder is kept at mode 0700 and every file at 0600: stories hold career details. A file
/// that does not parse is reported with its problems and never hides the others.
public struct StoryLibrary: Sendable {
  /// What reading the whole library found.
  public struct Contents: Sendable {
    /// The stories that parse, by slug.
    public var stories: [Story]
    /// The problems of the files that do not.
    public var problems: [StoryFileError]
  }

  public let folder: URL

  /// The library in the user's home folder.
  public init(home: URL) {
    folder = home.appendingPathComponent(RehearseHome.storiesName, isDirectory: true)
  }

  /// The file of the story `slug`.
  public func file(for slug: String) -> URL {
    folder.appendingPathComponent(slug + ".md")
  }

  /// Every story, by slug, and the problems of the files that do not parse. A missing folder is
  /// an empty library; the folder and its files are tightened to 0700 and 0600 as they are read.
  public func load() throws(StoryLibraryError) -> Contents {
    PrivateFiles.tighten(folderAndFiles: folder.path)
    var stories: [Story] = []
    var problems: [StoryFileError] = []
    for slug in try slugs() {
      do {
        stories.append(try read(slug: slug))
      } catch {
        problems += error.problems
      }
    }
    return Contents(stories: stories, problems: problems)
  }

  /// The slug of every story file, sorted, whether or not it parses; a missing folder has
  /// none. Nothing is read but the folder, and nothing is changed (shell completion lists
  /// these on every Tab).
  public func slugs() throws(StoryLibraryError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      if !FileManager.default.fileExists(atPath: folder.path) { return [] }
      throw .cannotRead(path: folder.path, reason: fileErrorReason(error))
    }
    return names.sorted().filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(3)) }
  }

  /// The stories of the library in `home` that parse, for showing beside a question: a file
  /// that does not parse, or a folder that cannot be read, is left out rather than stopping
  /// what shows them (`story check --all` reports such files). Empty without a home.
  public static func stories(home: URL?) -> [Story] {
    home.flatMap { try? StoryLibrary(home: $0).load().stories } ?? []
  }

  /// The story `slug`; its file's problems are thrown.
  public func read(slug: String) throws(StoryFileFailure) -> Story {
    let path = file(for: slug).path
    return try StoryFile.parse(
      StoryFile.text(atPath: path, inLibrary: true), file: path, slug: slug)
  }

  /// The story `slug`, or an error naming the nearest slugs (or the file's problems).
  public func require(slug: String) throws -> Story {
    guard Story.isValidSlug(slug) else { throw StoryLibraryError.invalidSlug(slug) }
    guard FileManager.default.fileExists(atPath: file(for: slug).path) else {
      let slugs = (try? load().stories.map(\.slug)) ?? []
      throw StoryLibraryError.unknownStory(
        slug, suggestions: EditDistance.nearest(to: slug, among: slugs))
    }
    return try read(slug: slug)
  }

  /// Saves `text` as the new story `slug`; never replaces an existing story.
  public func add(_ text: String, slug: String) throws(StoryLibraryError) -> URL {
    guard Story.isValidSlug(slug) else { throw .invalidSlug(slug) }
    let url = file(for: slug)
    if FileManager.default.fileExists(atPath: url.path) {
      throw .storyExists(slug: slug, path: url.path)
    }
    try write(text, to: url)
    return url
  }

  /// Replaces the story `slug` with `text`, whole or not at all.
  public func replace(slug: String, with text: String) throws(StoryLibraryError) {
    try write(text, to: file(for: slug))
  }

  /// Deletes the story `slug`.
  public func remove(slug: String) throws(StoryLibraryError) {
    let url = file(for: slug)
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw .cannotWrite(path: url.path, reason: fileErrorReason(error))
    }
  }

  /// Makes the folder (mode 0700, as any missing folder above it), or tightens it when it
  /// exists.
  public func prepareFolder() throws(StoryLibraryError) {
    do throws(FileWriteError) {
      try PrivateFiles.prepareFolder(folder.path)
    } catch .cannotCreate(let path, let reason) {
      throw .cannotWrite(path: path, reason: reason)
    } catch {
      throw .cannotWrite(path: folder.path, reason: error.description)
    }
  }

  /// Writes `text` to `url` whole or not at all, as a private file (mode 0600) in the folder
  /// (mode 0700).
  public func write(_ text: String, to url: URL) throws(StoryLibraryError) {
    try prepareFolder()
    do {
      try AtomicFile.write(Array(text.utf8), to: url.path)
    } catch {
      throw .unwritable(error)
    }
  }
}
