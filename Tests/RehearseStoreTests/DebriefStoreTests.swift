import Foundation
import GRDB
import RehearseCore
import Testing

@testable import RehearseStore

@Suite("Debriefs in the store")
struct DebriefStoreTests {
  static let debrief = Debrief(
    company: "NetEase", day: LocalDay(iso: "2026-11-20")!, round: "technical 1",
    role: "Data Engineer", interviewer: nil,
    questions: [
      AskedQuestion(text: "Share your experience.", rating: .partly, answer: "Pipelines.\n\nMore."),
      AskedQuestion(text: "Cloud?", rating: .badly, answer: "", improve: "A project on AWS."),
      AskedQuestion(text: "Any questions?"),
    ], conclusions: "1. Cloud.\n2. Spark.", companyNotes: "AWS EC2, Kafka.", complete: true)

  @Test("a debrief is saved whole and read back, by d1, 1 and last")
  func roundTrip() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    let id = try store.saveDebrief(Self.debrief)
    var expected = Self.debrief
    expected.id = id
    #expect(try store.debrief("d\(id)") == expected)
    #expect(try store.debrief("\(id)") == expected)
    #expect(try store.debrief("last") == expected)
    #expect(try store.debriefs() == [expected])
    #expect(throws: StoreError.unknownDebrief("d9")) { try store.debrief("d9") }
    #expect(throws: StoreError.unknownDebrief("last")) {
      try SessionStore(home: home.url.appendingPathComponent("other")).debrief("last")
    }
  }

  @Test("debriefs list newest interview first, and removing one takes its questions with it")
  func orderAndCascade() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    var older = Self.debrief
    older.day = LocalDay(iso: "2026-10-01")!
    let first = try store.saveDebrief(Self.debrief)
    let second = try store.saveDebrief(older)
    #expect(try store.debriefs().map(\.id) == [first, second])
    try store.removeDebrief(first)
    #expect(try store.debriefs().map(\.id) == [second])
    let queue = try DatabaseQueue(path: home.databasePath)
    let orphans = try queue.read {
      try Int.fetchOne(
        $0, sql: "SELECT COUNT(*) FROM debrief_question WHERE debrief_id = ?", arguments: [first])
    }
    #expect(orphans == 0)
    #expect(
      try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM debrief_question") } == 3)
  }

  @Test("a v6 store opens with its sessions kept and gains the debrief tables")
  func upgradeFromSixthSchema() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: home.databasePath)
    try SessionStore.migrator(timeZone: .current).migrate(queue, upTo: "v6: schedule")
    try queue.write { database in
      try database.execute(
        sql: """
          INSERT INTO session (started_at, ended_at, ending, plan, bank, planned)
          VALUES (1800000000, 1800000600, 'completed', ?, '/bank', 3)
          """,
        arguments: [
          String(decoding: try JSONEncoder().encode(SessionStoreTests.plan), as: UTF8.self)
        ])
    }
    try queue.close()
    let upgraded = try SessionStore(home: home.url)
    #expect(try upgraded.appliedMigrations().last == "v7: debriefs")
    let transcripts = try upgraded.transcripts()
    #expect(transcripts.count == 1 && transcripts.first?.ending == .completed)
    #expect(try upgraded.summaries(.all).map(\.id) == [1])
    #expect(try upgraded.debriefs().isEmpty)
    let id = try upgraded.saveDebrief(Self.debrief)
    #expect(try upgraded.debrief("last").id == id)
  }

  @Test("a debrief saved by the store is private: the database stays 0600")
  func privateFile() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url)
    _ = try store.saveDebrief(Self.debrief)
    let mode =
      try FileManager.default.attributesOfItem(atPath: home.databasePath)[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
  }
}
