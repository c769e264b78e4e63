import Foundation

/// `bank export` and `bank import`: own questions shared as a bank-shaped folder of plain YAML
/// files, copied byte for byte, so that an export imported elsewhere is the same files.
extension OwnBank {
  /// The files holding `questions` and their rubrics, each holding nothing else of `bank`'s own.
  ///
  /// - Throws: `OwnBankError.sharedFile` when a file also holds own questions (or rubrics) not
  ///   asked for: a file is shared whole.
  static func files(of questions: [Question], in bank: Bank) throws -> [URL] {
    let selected = Set(questions.map(\.id))
    var byFile: [String: [String]] = [:]
    for question in bank.questions where question.isOwn {
      byFile[question.location.file, default: []].append(question.id)
    }
    for question in bank.questions where question.isOwn {
      if let rubric = bank.rubrics[question.id] {
        byFile[rubric.location.file, default: []].append(question.id)
      }
    }
    var files: [String] = []
    for question in questions {
      for file in [question.location.file, bank.rubrics[question.id]?.location.file].compactMap({
        $0
      }) where !files.contains(file) {
        let ids = byFile[file] ?? []
        let others = ids.filter { !selected.contains($0) }
        guard others.isEmpty else {
          throw OwnBankError.sharedFile(
            file: file, selected: ids.filter(selected.contains), others: others)
        }
        files.append(file)
      }
    }
    return files.sorted().map { URL(fileURLWithPath: $0) }
  }

  /// The yaml files of a bank-shaped folder's two subfolders, by name.
  static func bankFiles(in folder: URL) -> [URL] {
    [BankLoader.questionFolder, BankLoader.rubricFolder].flatMap { sub in
      let url = folder.appendingPathComponent(sub)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
        url.appendingPathComponent($0)
      }
    }
  }

  /// Copies `files` (each in a bank's `question-bank/` or `rubrics/`) into the same subfolders
  /// of `target`, whole or not at all: each is written beside its place first, then all are
  /// renamed into place; `removing` (own files being replaced) go once all are in place.
  static func copy(_ files: [URL], into target: URL, removing: [URL] = []) throws {
    var staged: [(temporary: String, final: String)] = []
    do {
      for file in files {
        let bytes = try TextFile.bytes(
          path: file.path, limit: YAMLFile.maximumBytes, regularFileOnly: true)
        let folder = target.appendingPathComponent(
          file.deletingLastPathComponent().lastPathComponent)
        try PrivateFiles.prepareFolder(folder.path)
        let final = folder.appendingPathComponent(file.lastPathComponent).path
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).incoming").path
        try AtomicFile.write(bytes, to: temporary)
        staged.append((temporary, final))
      }
    } catch {
      for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
      throw error
    }
    let incoming = Set(staged.map(\.final))
    for file in staged where rename(file.temporary, file.final) != 0 {
      let reason = String(cString: strerror(errno))
      for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
      throw FileWriteError.cannotCreate(file: file.final, reason: reason)
    }
    for file in removing where !incoming.contains(file.path) {
      try? FileManager.default.removeItem(at: file)
    }
  }
}
