import Foundation

/// The user's own bank, `REHEARSE_HOME/bank`: questions and rubrics in the shipped bank's
/// format, one file per question in each folder (`question-bank/ID.yaml`, `rubrics/ID.yaml`),
/// merged with the shipped bank by `BankLoader`.
///
/// Everything written here is private (folders 0700, files 0600) and written whole
/// (`AtomicFile`); the drafts of `bank add` wait in `.drafts/ID/`, which the loader never reads.
public struct OwnBank: Sendable {
  public let folder: URL

  public init(folder: URL) {
    self.folder = folder
  }

  /// The name of the folder holding the drafts of `bank add`.
  static let draftsName = ".drafts"
  /// The most an id derived from a prompt takes from it, in words.
  static let slugWords = 6

  /// Where an own question with `id` is saved.
  public func questionFile(id: String) -> URL {
    folder.appendingPathComponent(BankLoader.questionFolder).appendingPathComponent(id + ".yaml")
  }

  /// Where the rubric of an own question with `id` is saved.
  public func rubricFile(id: String) -> URL {
    folder.appendingPathComponent(BankLoader.rubricFolder).appendingPathComponent(id + ".yaml")
  }

  /// The draft of `id` (which may not exist yet).
  public func draft(id: String) -> OwnQuestionFiles {
    OwnQuestionFiles(
      id: id, folder: folder.appendingPathComponent(Self.draftsName).appendingPathComponent(id))
  }

  /// The ids of the drafts waiting to be taken up with `bank add --resume ID`, sorted; none
  /// when there is no drafts folder. Only the folder is read.
  public func draftIDs() -> [String] {
    let drafts = folder.appendingPathComponent(Self.draftsName)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: drafts.path)) ?? []
    return names.filter { name in
      var isFolder: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(
          atPath: drafts.appendingPathComponent(name).path, isDirectory: &isFolder)
        && isFolder.boolValue
    }.sorted()
  }

  /// Whether `id` is free: no question of `bank` has it, and no own file or waiting draft is
  /// named after it.
  func isFree(_ id: String, in bank: Bank) -> Bool {
    let manager = FileManager.default
    return bank.question(id: id) == nil && !manager.fileExists(atPath: questionFile(id: id).path)
      && !manager.fileExists(atPath: rubricFile(id: id).path)
      && !manager.fileExists(atPath: draft(id: id).folder.path)
  }

  /// `own-` and the first words of `prompt`, numbered (`-2`, `-3`, …) past any id taken.
  func derivedID(prompt: String, in bank: Bank) -> String {
    let words = Story.slug(forTitle: prompt).split(separator: "-").prefix(Self.slugWords)
    let base = (["own"] + words.map(String.init)).joined(separator: "-")
    if isFree(base, in: bank) { return base }
    var number = 2
    while !isFree("\(base)-\(number)", in: bank) { number += 1 }
    return "\(base)-\(number)"
  }

  /// Writes `text` to `url`, private and whole, making its folders private.
  static func write(_ text: String, to url: URL) throws(FileWriteError) {
    try PrivateFiles.prepareFolder(url.deletingLastPathComponent().path)
    try AtomicFile.write(Array(text.utf8), to: url.path)
  }

  /// Writes the draft's two files.
  func writeDraft(_ draft: OwnQuestionFiles, question: String, rubric: String)
    throws(FileWriteError)
  {
    try Self.write(question, to: draft.question)
    try Self.write(rubric, to: draft.rubric)
  }

  /// Puts a draft that linted in its place, named after the question's `id`, then removes it.
  func save(_ draft: OwnQuestionFiles, id: String) throws -> (question: URL, rubric: URL) {
    let question = try TextFile.read(
      path: draft.question.path, limit: YAMLFile.maximumBytes, regularFileOnly: true)
    let rubric = try TextFile.read(
      path: draft.rubric.path, limit: YAMLFile.maximumBytes, regularFileOnly: true)
    let targets = (questionFile(id: id), rubricFile(id: id))
    try Self.write(question, to: targets.0)
    do {
      try Self.write(rubric, to: targets.1)
    } catch {
      // Never half a question: without its rubric the question would break the bank.
      try? FileManager.default.removeItem(at: targets.0)
      throw error
    }
    try? FileManager.default.removeItem(at: draft.folder)
    return targets
  }
}
