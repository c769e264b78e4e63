import Foundation
import Testing

@testable import RehearseCore

/// A bank with an open, a SQL and a Python question, so every field has a value to keep.
private func exerciseBank() throws -> TestBank {
  try TestBank(replacing: [
    "question-bank/sql-python.yaml": """
    component: sql-python
    questions:
      - id: sql-count
        kind: sql
        prompt: Count the players.
        difficulty: 1
        minutes: 2
        tags: [sql]
        model_answer: SELECT COUNT(*) FROM players;
        fixture: |
          CREATE TABLE players (id INTEGER);
          INSERT INTO players VALUES (1), (2);
        reference_query: SELECT COUNT(*) FROM players;
        ordered: true
      - id: py-double
        kind: python
        prompt: Double a number.
        difficulty: 1
        minutes: 2
        model_answer: Multiply by two.
        signature: "def double(x):"
        reference_solution: |
          def double(x):
              return 2 * x
        tests:
          - {call: "double(2)", expected: "4"}
          - {call: "double(-1)", expected: "-2"}

    """,
    "rubrics/sql-python.yaml": """
    sql-count:
      points:
        - label: COUNT counts rows
          phrasings: [count]
      examples:
        - {band: strong, answer: SELECT COUNT(*) FROM players, note: counts}
    py-double:
      points:
        - label: Multiplies by two
          weight: 2.5
          required: true
          phrasings: [[multiply, two]]

    """,
  ])
}

@Suite("Bank cache")
struct BankCacheTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-cache-\(UUID().uuidString)")

  /// A file that stands for the program in the fingerprint.
  func program() throws -> String {
    let path = folder.appendingPathComponent("program").path
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if !FileManager.default.fileExists(atPath: path) {
      try Data("binary".utf8).write(to: URL(fileURLWithPath: path))
    }
    return path
  }

  @Test("a bank written to the cache reads back field for field")
  func roundTrip() throws {
    let testBank = try exerciseBank()
    defer { testBank.remove() }
    let bank = try Bank.load(from: testBank.root)
    let fingerprint = Checksum(Array("a bank".utf8))
    let data = BankCache.encode(bank, fingerprint: fingerprint)
    let decoded = try #require(
      BankCache.decode(data, fingerprint: fingerprint, root: testBank.root))
    #expect(decoded.questions == bank.questions)
    #expect(decoded.rubrics == bank.rubrics)
    #expect(decoded.lexicon == bank.lexicon)
    #expect(decoded.questions.first { $0.id == "py-double" }?.python?.tests.count == 2)
    #expect(decoded.questions.first { $0.id == "sql-count" }?.sql?.ordered == true)
    // Another fingerprint is another bank.
    let other = Checksum(Array("another bank".utf8))
    #expect(BankCache.decode(data, fingerprint: other, root: testBank.root) == nil)
  }

  @Test("a current copy is used, and a changed file makes the bank load from its files again")
  func currentCopyIsUsed() throws {
    let testBank = try exerciseBank()
    defer { testBank.remove() }
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BankCache(folder: folder, executablePath: try program())
    _ = try cache.load(root: testBank.root)
    let file = cache.cacheFile(for: testBank.root)
    #expect(FileManager.default.fileExists(atPath: file.path))

    // A copy that says something the files do not is read while its fingerprint is current.
    var altered = try Bank.load(from: testBank.root)
    altered.questions[0].prompt = "from the cache"
    let fingerprint = try #require(
      BankCache.fingerprint(root: testBank.root, executable: cache.executablePath))
    try Data(BankCache.encode(altered, fingerprint: fingerprint)).write(to: file)
    #expect(try cache.load(root: testBank.root).questions[0].prompt == "from the cache")

    // Editing a question file changes the fingerprint: the files win.
    let questions = testBank.path("question-bank/database-concepts.yaml")
    let text = try String(contentsOfFile: questions, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "ETL or ELT?", with: "ELT or ETL?").utf8)
      .write(to: URL(fileURLWithPath: questions))
    let reloaded = try cache.load(root: testBank.root)
    #expect(reloaded.questions.contains { $0.prompt == "ELT or ETL?" })
    #expect(!reloaded.questions.contains { $0.prompt == "from the cache" })
  }

  @Test(
    "a damaged copy is ignored and replaced",
    arguments: [Data(), Data("garbage".utf8), Data(repeating: 0xFF, count: 4096)])
  func damagedCopy(content: Data) throws {
    let testBank = try exerciseBank()
    defer { testBank.remove() }
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BankCache(folder: folder, executablePath: try program())
    let expected = try Bank.load(from: testBank.root)
    _ = try cache.load(root: testBank.root)
    let file = cache.cacheFile(for: testBank.root)
    var damaged = content
    if damaged.isEmpty {
      // A copy cut short in the middle.
      let whole = try Data(contentsOf: file)
      damaged = whole.prefix(whole.count / 2)
    }
    try damaged.write(to: file)
    #expect(try cache.load(root: testBank.root).questions == expected.questions)
    #expect(try Data(contentsOf: file) != damaged)
  }

  @Test("a copy edited by hand is ignored: the bank's own prompt is read, and the copy rewritten")
  func editedCopy() throws {
    let testBank = try exerciseBank()
    defer { testBank.remove() }
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BankCache(folder: folder, executablePath: try program())
    _ = try cache.load(root: testBank.root)
    let file = cache.cacheFile(for: testBank.root)
    let whole = [UInt8](try Data(contentsOf: file))
    // The same length, so that only the checksum can tell.
    let prompt = Array("Count the players.".utf8)
    let forged = Array("Drop the players!!".utf8)
    let start = try #require(
      whole.indices.first { whole[$0...].starts(with: prompt) }, "the copy holds the prompt")
    var edited = whole
    edited.replaceSubrange(start..<start + prompt.count, with: forged)
    try Data(edited).write(to: file)

    let loaded = try cache.load(root: testBank.root)
    #expect(loaded.questions.contains { $0.prompt == "Count the players." })
    #expect(!loaded.questions.contains { $0.prompt == "Drop the players!!" })
    #expect([UInt8](try Data(contentsOf: file)) == whole, "the copy is written again")
  }

  @Test("an edit that keeps a bank file's size and modification time is seen")
  func sameSizeAndTime() throws {
    let testBank = try exerciseBank()
    defer { testBank.remove() }
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BankCache(folder: folder, executablePath: try program())
    _ = try cache.load(root: testBank.root)
    let questions = testBank.path("question-bank/database-concepts.yaml")
    var before = stat()
    #expect(stat(questions, &before) == 0)
    let text = try String(contentsOfFile: questions, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "ETL or ELT?", with: "ELT or ETL?").utf8)
      .write(to: URL(fileURLWithPath: questions))
    // The very same size and modification time, to the nanosecond.
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, questions, &times, 0) == 0)
    var after = stat()
    #expect(stat(questions, &after) == 0)
    #expect(after.st_size == before.st_size)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec)
    #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    #expect(try cache.load(root: testBank.root).questions.contains { $0.prompt == "ELT or ETL?" })
  }

  @Test("a bank with problems is reported as ever and not kept")
  func brokenBankIsNotCached() throws {
    let testBank = try TestBank(replacing: [
      "question-bank/database-concepts.yaml": "component: database-concepts\nquestions: [\n"
    ])
    defer { testBank.remove() }
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BankCache(folder: folder, executablePath: try program())
    #expect(throws: BankLoadFailure.self) { try cache.load(root: testBank.root) }
    #expect(!FileManager.default.fileExists(atPath: cache.cacheFile(for: testBank.root).path))
  }
}
