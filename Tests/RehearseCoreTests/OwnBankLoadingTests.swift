import Foundation
import Testing

@testable import RehearseCore

/// An own bank (as `REHEARSE_HOME/bank`) in a temporary folder.
private struct OwnFolder {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-own-\(UUID().uuidString)")

  func write(_ relative: String, _ text: String) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// One own question, `id`, with its rubric, in a file of its own.
  func addQuestion(_ id: String, prompt: String = "What is S3?") throws {
    try write(
      "question-bank/\(id).yaml",
      """
      component: cloud-platforms
      questions:
        - id: \(id)
          kind: open
          prompt: \(prompt)
          difficulty: 2
          minutes: 5
          model_answer: Object storage with buckets and keys.

      """)
    try write(
      "rubrics/\(id).yaml",
      """
      \(id):
        points:
          - label: Object storage
            phrasings: [object storage]

      """)
  }
}

@Suite("Own bank merged with the bank")
struct OwnBankLoadingTests {
  let cacheFolder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-own-cache-\(UUID().uuidString)")

  private func source(_ bank: TestBank, own: OwnFolder, warnings: Warnings = Warnings())
    -> BankSource
  {
    BankSource(
      explicitPath: bank.root.path, environment: [:], executablePath: "/bin/sh",
      currentDirectory: "/", cacheFolder: cacheFolder, ownBank: own.root,
      warn: { warnings.add($0) })
  }

  @Test("own questions join the bank, marked own, from files named freely")
  func merged() throws {
    let bank = try TestBank()
    let own = OwnFolder()
    defer {
      bank.remove()
      own.remove()
      try? FileManager.default.removeItem(at: cacheFolder)
    }
    try own.addQuestion("own-s3")
    let loaded = try source(bank, own: own).loadStrict()
    let question = try #require(loaded.question(id: "own-s3"))
    #expect(question.isOwn && question.component == .cloudPlatforms)
    #expect(question.location.file == own.path("question-bank/own-s3.yaml"))
    #expect(
      loaded.questions.filter { !$0.isOwn }.count
        == (try Bank.load(from: bank.root)).questions.count)
  }

  @Test("an edit to an own question, and the first own question, are never served from the cache")
  func cacheCoversOwnFiles() throws {
    let bank = try TestBank()
    let own = OwnFolder()
    defer {
      bank.remove()
      own.remove()
      try? FileManager.default.removeItem(at: cacheFolder)
    }
    let source = source(bank, own: own)
    #expect(try source.load().questions.allSatisfy { !$0.isOwn })
    try own.addQuestion("own-s3")
    #expect(try source.load().question(id: "own-s3")?.prompt == "What is S3?")
    // Same size, same folder: only the content tells.
    let file = own.path("question-bank/own-s3.yaml")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "What is S3?", with: "What is S4?").utf8)
      .write(to: URL(fileURLWithPath: file))
    #expect(try source.load().question(id: "own-s3")?.prompt == "What is S4?")
    let copies = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
    #expect(!copies.isEmpty, "the merged bank is cached")
  }

  @Test("an id of the bank used again in the own bank is a problem naming both places")
  func clash() throws {
    let bank = try TestBank()
    let own = OwnFolder()
    defer {
      bank.remove()
      own.remove()
      try? FileManager.default.removeItem(at: cacheFolder)
    }
    let shipped = try #require(try Bank.load(from: bank.root).questions.first)
    try own.addQuestion(shipped.id)
    let warnings = Warnings()
    let source = source(bank, own: own, warnings: warnings)
    #expect {
      try source.loadStrict()
    } throws: { error in
      let problems = (error as? BankLoadFailure)?.problems ?? []
      return problems.contains(
        .duplicateID(
          SourceLocation(file: own.path("question-bank/\(shipped.id).yaml"), line: 3),
          id: shipped.id, first: shipped.location))
    }
    // Everything else loads it without the clashing files, and says so.
    let loaded = try source.load()
    #expect(loaded.questions.filter(\.isOwn).isEmpty)
    #expect(loaded.question(id: shipped.id)?.location == shipped.location)
    #expect(
      warnings.all.first?.hasPrefix(own.path("question-bank/\(shipped.id).yaml") + ":3:") == true)
  }

  @Test("a broken own file is left out with its rubric; the good own questions stay")
  func brokenLeftOut() throws {
    let bank = try TestBank()
    let own = OwnFolder()
    defer {
      bank.remove()
      own.remove()
      try? FileManager.default.removeItem(at: cacheFolder)
    }
    try own.addQuestion("own-good")
    try own.addQuestion("own-broken")
    try own.write(
      "question-bank/own-broken.yaml", "component: cloud-platforms\nquestions: [oops\n")
    let warnings = Warnings()
    let loaded = try source(bank, own: own, warnings: warnings).load()
    #expect(loaded.questions.filter(\.isOwn).map(\.id) == ["own-good"])
    #expect(warnings.all.contains { $0.hasPrefix(own.path("question-bank/own-broken.yaml") + ":") })
    // One line per problem (the file, and the rubric it leaves without a question), then what
    // happens.
    #expect(
      warnings.all.contains {
        $0.hasPrefix(own.path("rubrics/own-broken.yaml") + ":1: rubric for 'own-broken'")
      })
    #expect(warnings.all.count == 3, "\(warnings.all)")
    #expect(warnings.all.last?.contains("left out until they are fixed") == true)
  }
}
