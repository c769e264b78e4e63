import Foundation
import Testing

@testable import RehearseCore

/// A session store as completion sees it: fixed ids, or a failure.
private struct FixedRecords: RecordIndex {
  var sessions: [Int64] = [12, 11, 3]
  var debriefs: [Int64] = [4, 2]
  var fails = false

  func sessionIDs() throws -> [Int64] {
    if fails { throw CocoaError(.fileReadCorruptFile) }
    return sessions
  }

  func debriefIDs() throws -> [Int64] {
    if fails { throw CocoaError(.fileReadCorruptFile) }
    return debriefs
  }

  func debriefQuestionCount(_ id: String) throws -> Int {
    if fails { throw CocoaError(.fileReadCorruptFile) }
    return id == "d4" ? 3 : 0
  }
}

/// Collects what a bank source warns.
private final class WarningLog: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func add(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}

/// A home folder in the temporary folder, made only when a test writes into it.
private struct CompletionHome {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-completion-\(UUID().uuidString)")

  func write(_ relative: String, _ text: String = "") throws {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// One own question with tags, as `bank add` saves it.
  func addOwnQuestion(_ id: String, tags: [String]) throws {
    try write(
      "bank/question-bank/\(id).yaml",
      """
      component: cloud-platforms
      questions:
        - id: \(id)
          kind: open
          prompt: What is S3?
          difficulty: 2
          minutes: 5
          tags: [\(tags.joined(separator: ", "))]
          model_answer: Object storage with buckets and keys.

      """)
    try write(
      "bank/rubrics/\(id).yaml",
      """
      \(id):
        points:
          - label: Object storage
            phrasings: [object storage]

      """)
  }

  /// A request for `value` with the test bank at `bank`, the own bank and cache in this home.
  func request(
    _ value: CompletableValue, prefix: String = "", bank: TestBank,
    records: (any RecordIndex & Sendable)? = nil, warnings: WarningLog = WarningLog()
  ) -> CompletionRequest {
    CompletionRequest(
      value: value, prefix: prefix,
      bank: BankSource(
        explicitPath: bank.root.path, environment: [:], executablePath: "/bin/sh",
        currentDirectory: "/", cacheFolder: url.appendingPathComponent("cache"),
        ownBank: url.appendingPathComponent("bank"), warn: { warnings.add($0) }),
      home: url, openRecords: { records })
  }
}

@Suite("Completion candidates")
struct CompletionCandidatesTests {
  @Test("question ids and tags of both banks, sorted, filtered by the prefix typed")
  func questionsAndTags() throws {
    let bank = try TestBank()
    let home = CompletionHome()
    defer {
      bank.remove()
      home.remove()
    }
    try home.addOwnQuestion("own-s3", tags: ["s3", "aws"])
    func candidates(_ value: CompletableValue, _ prefix: String = "") -> [String] {
      Rehearse.completionCandidates(home.request(value, prefix: prefix, bank: bank))
    }
    #expect(candidates(.question) == ["dbc-etl", "dbc-sharding", "own-s3"])
    #expect(candidates(.question, "dbc-s") == ["dbc-sharding"])
    #expect(candidates(.question, "x").isEmpty)
    #expect(candidates(.ownQuestion) == ["own-s3"])
    #expect(candidates(.tag) == ["aws", "partitioning", "s3", "sharding"])
    #expect(candidates(.tag, "s") == ["s3", "sharding"])
    #expect(candidates(.ownTag) == ["aws", "s3"])
  }

  @Test(
    "sessions and debriefs: last first when there is a newest one, then newest first",
    arguments: [
      (CompletableValue.session, "", ["last", "12", "11", "3"]),
      (.session, "1", ["12", "11"]),
      (.transcript, "", ["last", "12", "11", "3", "d4", "d2"]),
      (.transcript, "d", ["d4", "d2"]),
      (.debrief, "", ["last", "d4", "d2"]),
      (.debriefID, "", ["d4", "d2"]),
      (.debriefID, "l", []),
    ])
  func recorded(value: CompletableValue, prefix: String, expected: [String]) throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let request = CompletionHome().request(
      value, prefix: prefix, bank: bank, records: FixedRecords())
    #expect(Rehearse.completionCandidates(request) == expected)
  }

  @Test("the question numbers of the debrief named, none for an unknown one")
  func debriefQuestions() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    func candidates(_ debrief: String?, _ prefix: String = "") -> [String] {
      var request = CompletionHome().request(
        .debriefQuestion, prefix: prefix, bank: bank, records: FixedRecords())
      request.debrief = debrief
      return Rehearse.completionCandidates(request)
    }
    #expect(candidates("d4") == ["1", "2", "3"])
    #expect(candidates("d4", "2") == ["2"])
    #expect(candidates("d9").isEmpty)
    #expect(candidates(nil).isEmpty)
  }

  @Test("no session yet, no debrief yet, or a store that fails: nothing, not even last")
  func emptyRecords() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let home = CompletionHome()
    #expect(Rehearse.completionCandidates(home.request(.session, bank: bank)).isEmpty)
    let none = FixedRecords(sessions: [], debriefs: [])
    #expect(
      Rehearse.completionCandidates(home.request(.debrief, bank: bank, records: none)).isEmpty)
    #expect(
      Rehearse.completionCandidates(home.request(.transcript, bank: bank, records: none))
        .isEmpty)
    let failing = FixedRecords(fails: true)
    #expect(
      Rehearse.completionCandidates(home.request(.session, bank: bank, records: failing))
        .isEmpty)
  }

  @Test("story slugs, focus names and drafts from the home folder, parsed or not")
  func homeListings() throws {
    let bank = try TestBank()
    let home = CompletionHome()
    defer {
      bank.remove()
      home.remove()
    }
    try home.write("stories/kafka-outage.md", "not a story at all")
    try home.write("stories/control-tower-pipeline.md")
    try home.write("stories/.draft.md")
    try home.write("stories/notes.txt")
    try home.write("focus/netease.yaml")
    try home.write("focus/acme.yaml")
    try home.write("focus/Not A Name.yaml")
    try home.write("bank/.drafts/own-s3-lifecycle/question.yaml")
    try home.write("bank/.drafts/stray-file")
    func candidates(_ value: CompletableValue, _ prefix: String = "") -> [String] {
      Rehearse.completionCandidates(home.request(value, prefix: prefix, bank: bank))
    }
    #expect(candidates(.story) == ["control-tower-pipeline", "kafka-outage"])
    #expect(candidates(.story, "k") == ["kafka-outage"])
    #expect(candidates(.focus) == ["acme", "netease"])
    #expect(candidates(.draft) == ["own-s3-lifecycle"])
  }

  @Test("an absent home gives no stories, focuses, drafts or sessions, and is not created")
  func absentHome() throws {
    let bank = try TestBank()
    let home = CompletionHome()
    defer {
      bank.remove()
      home.remove()
    }
    for value in [CompletableValue.story, .focus, .draft, .session, .debrief] {
      #expect(Rehearse.completionCandidates(home.request(value, bank: bank)).isEmpty)
    }
    // The bank still completes, without the cache that would make the home folder.
    #expect(
      Rehearse.completionCandidates(home.request(.question, bank: bank))
        == ["dbc-etl", "dbc-sharding"])
    #expect(!home.exists)
  }

  @Test("a broken bank gives no ids and no warning; a broken own file only leaves itself out")
  func brokenBanks() throws {
    let broken = try TestBank(replacing: ["question-bank/database-concepts.yaml": "questions: ["])
    let bank = try TestBank()
    let home = CompletionHome()
    defer {
      broken.remove()
      bank.remove()
      home.remove()
    }
    let warnings = WarningLog()
    #expect(
      Rehearse.completionCandidates(home.request(.question, bank: broken, warnings: warnings))
        .isEmpty)
    try home.addOwnQuestion("own-s3", tags: ["s3"])
    try home.write("bank/question-bank/own-bad.yaml", "component: [unclosed")
    #expect(
      Rehearse.completionCandidates(home.request(.question, bank: bank, warnings: warnings))
        == ["dbc-etl", "dbc-sharding", "own-s3"])
    #expect(warnings.all.isEmpty)
  }
}
