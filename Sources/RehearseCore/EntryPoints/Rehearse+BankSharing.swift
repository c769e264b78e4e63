import Foundation

extension Rehearse {
  /// `rehearse bank export DIR`: copies the own questions asked for (all, `--question ID`…,
  /// `--tag T`…) and their rubrics into `DIR/question-bank/` and `DIR/rubrics/`, file for file.
  public static func bankExport(_ request: BankShareRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let own = bank.questions.filter(\.isOwn)
    for id in request.questionIDs where !own.contains(where: { $0.id == id }) {
      throw QuestionLookupError.unknownID(
        id, suggestions: EditDistance.nearest(to: id, among: own.map(\.id)))
    }
    let chosen = own.filter { question in
      (request.questionIDs.isEmpty || request.questionIDs.contains(question.id))
        && (request.tags.isEmpty || question.tags.contains(where: request.tags.contains))
    }
    guard !chosen.isEmpty else { throw OwnBankError.nothingToExport }
    let files = try OwnBank.files(of: chosen, in: bank)
    let target = URL(fileURLWithPath: request.folder, isDirectory: true)
    if !OwnBank.bankFiles(in: target).isEmpty {
      throw OwnBankError.exportTargetInUse(request.folder)
    }
    try OwnBank.copy(files, into: target)
    return CommandOutput(
      request.style.green("Exported") + " \(chosen.count) question\(chosen.count == 1 ? "" : "s") "
        + "to \(TerminalText.safe(request.folder)): "
        + TerminalText.safe(chosen.map(\.id).sorted().joined(separator: ", ")))
  }

  /// `rehearse bank import DIR`: lints DIR's questions merged with the banks and copies its
  /// files into the own bank, all or nothing.
  ///
  /// An id of the shipped bank is always refused; one of an own question only with `replace`,
  /// which replaces that question's files (when they hold nothing else).
  public static func bankImport(_ request: BankShareRequest) throws -> CommandOutput {
    let own = try ownBank(of: request.bank)
    let folder = URL(fileURLWithPath: request.folder, isDirectory: true).standardizedFileURL
    guard BankLocator.isBank(folder) else {
      throw BankLocationError.notABank(path: request.folder, source: "the DIR argument")
    }
    let incoming = OwnBank.bankFiles(in: folder)
    guard !incoming.isEmpty else { throw OwnBankError.nothingToImport(request.folder) }
    let root = try request.bank.locate()
    let broken = request.bank.brokenOwnFiles(root: root)
    let ownPrefix = own.folder.path + "/"
    let incomingPrefix = folder.path + "/"
    var replaced: Set<String> = []
    var bank: Bank
    while true {
      do {
        bank = try BankLoader(
          root: root, ownRoots: [own.folder, folder], skipping: broken.union(replaced)
        ).load()
        break
      } catch {
        var more: Set<String> = []
        for problem in error.problems {
          let clash: (id: String, at: SourceLocation, first: SourceLocation)
          switch problem {
          case .duplicateID(let at, let id, let first): clash = (id, at, first)
          case .duplicateRubric(let at, let id, let first): clash = (id, at, first)
          default: continue
          }
          guard clash.at.file.hasPrefix(incomingPrefix) else { continue }
          let isOwn = clash.first.file.hasPrefix(ownPrefix)
          if !isOwn && clash.first.file.hasPrefix(incomingPrefix) { continue }
          guard isOwn, request.replace else {
            throw OwnBankError.importClash(
              id: clash.id, incoming: clash.at, existing: clash.first, own: isOwn)
          }
          more.insert(clash.first.file)
        }
        guard !more.isEmpty, !more.isSubset(of: replaced) else { throw error }
        replaced.formUnion(more)
      }
    }
    let incomingIDs = Set(
      bank.questions.filter { $0.location.file.hasPrefix(incomingPrefix) }.map(\.id))
    // A replaced file must hold nothing but questions coming in: nothing else is dropped.
    if !replaced.isEmpty {
      let before = try BankLoader(root: root, ownRoots: [own.folder], skipping: broken).load()
      for file in replaced.sorted() {
        let ids =
          before.questions.filter { $0.location.file == file }.map(\.id)
          + before.rubrics.values.filter { $0.location.file == file }.map(\.questionID)
        let others = Set(ids).subtracting(incomingIDs).sorted()
        guard others.isEmpty else {
          throw OwnBankError.sharedFile(
            file: file, selected: Set(ids).intersection(incomingIDs).sorted(), others: others)
        }
      }
    }
    for file in incoming {
      let existing = own.folder.appendingPathComponent(
        file.deletingLastPathComponent().lastPathComponent
      ).appendingPathComponent(file.lastPathComponent)
      if FileManager.default.fileExists(atPath: existing.path), !replaced.contains(existing.path) {
        throw OwnBankError.importFileNameTaken(incoming: file.path, existing: existing.path)
      }
    }
    let ids = incomingIDs.sorted().joined(separator: ", ")
    let count = incomingIDs.count
    let noun = "question\(count == 1 ? "" : "s")"
    if request.checkOnly {
      return CommandOutput(
        "\(TerminalText.safe(request.folder)): \(count) \(noun) lint with your banks: "
          + request.style.green("ok") + " (nothing imported)")
    }
    try OwnBank.copy(
      incoming, into: own.folder, removing: replaced.map { URL(fileURLWithPath: $0) })
    return CommandOutput(
      request.style.green("Imported")
        + " \(count) \(noun) into \(TerminalText.safe(own.folder.path))"
        + (replaced.isEmpty
          ? "" : " (replacing \(replaced.count) file\(replaced.count == 1 ? "" : "s"))")
        + ": " + TerminalText.safe(ids))
  }
}
