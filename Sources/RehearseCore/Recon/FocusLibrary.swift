import Foundation

/// The saved focuses: one YAML file each in `REHEARSE_HOME/focus/`, the folder 0700 and every
/// file 0600 (a focus says where the user is applying).
public struct FocusLibrary: Sendable {
  /// The name of the focus folder under `REHEARSE_HOME`.
  public static let folderName = "focus"

  public let folder: URL

  /// The library in the user's home folder.
  public init(home: URL) {
    folder = home.appendingPathComponent(Self.folderName, isDirectory: true)
  }

  /// The file of the focus `name`.
  public func file(for name: String) -> URL {
    folder.appendingPathComponent(name + ".yaml")
  }

  /// The names of the saved focuses, sorted; a missing folder has none.
  public func names() throws(FocusError) -> [String] {
    PrivateFiles.tighten(folderAndFiles: folder.path)
    return try savedNames()
  }

  /// `names()` without tightening the folder: only the folder is read, nothing is changed
  /// (shell completion lists these on every Tab).
  public func savedNames() throws(FocusError) -> [String] {
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      if !FileManager.default.fileExists(atPath: folder.path) { return [] }
      throw .cannotRead(path: folder.path, reason: fileErrorReason(error))
    }
    return entries.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(5)) }.filter(Focus.isValidName).sorted()
  }

  /// The focus `name`, or an error naming the saved ones (or the file's problems).
  public func load(name: String) throws(FocusError) -> Focus {
    let url = try existingFile(name)
    PrivateFiles.tighten(file: url.path)
    return try FocusFile.read(path: url.path, name: name)
  }

  /// The file of the saved focus `name`, or an error naming the saved ones.
  private func existingFile(_ name: String) throws(FocusError) -> URL {
    guard Focus.isValidName(name) else { throw .invalidName(name) }
    let url = file(for: name)
    guard FileManager.default.fileExists(atPath: url.path) else {
      let existing = (try? names()) ?? []
      throw .unknownFocus(
        name, existing: existing, suggestions: EditDistance.nearest(to: name, among: existing))
    }
    return url
  }

  /// Saves `focus` under its name; an existing focus of that name is replaced only when
  /// `replacing`. Returns the file written.
  @discardableResult
  public func save(_ focus: Focus, replacing: Bool) throws(FocusError) -> URL {
    guard Focus.isValidName(focus.name) else { throw .invalidName(focus.name) }
    let url = file(for: focus.name)
    if !replacing, FileManager.default.fileExists(atPath: url.path) {
      throw .exists(name: focus.name, path: url.path)
    }
    do throws(FileWriteError) {
      try PrivateFiles.prepareFolder(folder.path)
    } catch .cannotCreate(let file, let reason) {
      throw .cannotWrite(path: file, reason: reason)
    } catch {
      throw .cannotWrite(path: folder.path, reason: error.description)
    }
    do {
      try AtomicFile.write(Array(FocusFile.render(focus).utf8), to: url.path)
    } catch {
      throw .unwritable(error)
    }
    return url
  }

  /// Deletes the focus `name` (a damaged file too).
  public func remove(name: String) throws(FocusError) {
    let url = try existingFile(name)
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw .cannotWrite(path: url.path, reason: fileErrorReason(error))
    }
  }
}
