import Foundation
import RehearseCore
import Testing

@testable import RehearseStore

@Suite("The store read for shell completion")
struct StoreRecordIndexTests {
  /// The names in `home`, to see that reading it left nothing behind.
  private func contents(_ home: TemporaryHome) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: home.url.path))
  }

  @Test("no home and no store: nothing is opened and nothing is created")
  func absent() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    #expect(StoreRecordIndex.open(home: home.url) == nil)
    #expect(!FileManager.default.fileExists(atPath: home.url.path))
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    #expect(StoreRecordIndex.open(home: home.url) == nil)
    #expect(try contents(home).isEmpty)
  }

  @Test("sessions and debriefs come newest first, and a closed store gains no -wal or -shm")
  func newestFirst() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    var older = DebriefStoreTests.debrief
    older.day = try #require(LocalDay(iso: "2026-10-01"))
    do {
      let store = try SessionStore(home: home.url)
      for _ in 0..<3 {
        _ = try store.createSession(
          plan: SessionStoreTests.plan, startedAt: SessionStoreTests.start, bank: "/bank")
      }
      _ = try store.saveDebrief(DebriefStoreTests.debrief)
      _ = try store.saveDebrief(older)
      _ = try store.saveDebrief(DebriefStoreTests.debrief)
    }
    let before = try contents(home)
    #expect(!before.contains(RehearseHome.databaseName + "-wal"))
    let index = try #require(StoreRecordIndex.open(home: home.url))
    #expect(try index.sessionIDs() == [3, 2, 1])
    // Newest interview first; the later saved first within a day.
    #expect(try index.debriefIDs() == [3, 1, 2])
    let asked = DebriefStoreTests.debrief.questions.count
    for id in ["d2", "2", "last"] {
      #expect(try index.debriefQuestionCount(id) == asked)
    }
    #expect(try index.debriefQuestionCount("d9") == 0)
    #expect(try index.debriefQuestionCount("x") == 0)
    #expect(try contents(home) == before)
  }

  @Test("while a session has the store open, what it saved is seen")
  func openStore() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(
      plan: SessionStoreTests.plan, startedAt: SessionStoreTests.start, bank: "/bank")
    #expect(FileManager.default.fileExists(atPath: home.databasePath + "-wal"))
    let index = try #require(StoreRecordIndex.open(home: home.url))
    #expect(try index.sessionIDs() == [id])
  }

  @Test("a file that is not a store gives no ids and is left as it was")
  func notAStore() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let garbage = Data("not a database, just some text\n".utf8)
    try garbage.write(to: URL(fileURLWithPath: home.databasePath))
    let ids = StoreRecordIndex.open(home: home.url).flatMap { try? $0.sessionIDs() }
    #expect(ids == nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: home.databasePath)) == garbage)
    #expect(try contents(home) == [RehearseHome.databaseName])
  }

  @Test("a path with URI characters is escaped in the immutable URI")
  func uriEscaping() {
    #expect(
      ReadOnlyStore.location(of: "/tmp/a?b#c%d/x") == "file:/tmp/a%3Fb%23c%25d/x?immutable=1")
  }
}
