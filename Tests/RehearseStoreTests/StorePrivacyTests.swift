import Foundation
import RehearseCore
import RehearseStore
import Testing

/// The permission bits of `path`, or nil when nothing is there.
private func permissions(_ path: String) -> mode_t? {
  var status = stat()
  return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
}

// Serialized: the umask is the process's.
@Suite("Session store privacy", .serialized)
struct StorePrivacyTests {
  @Test("under umask 000 the store, its WAL, shared memory and lock files are 0600 while open")
  func openUmask() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let previous = umask(0)
    defer { umask(previous) }
    let store = try SessionStore(home: home.url)
    let id = try store.createSession(
      plan: SessionStoreTests.plan, startedAt: SessionStoreTests.start, bank: "/bank")
    try store.claim(session: id)
    try store.record(SessionStoreTests.answer(0), session: id, replacing: false)
    let path = home.databasePath
    #expect(permissions(home.url.path) == 0o700)
    for file in [path, path + "-wal", path + "-shm", path + ".lock"] {
      #expect(permissions(file) == 0o600, "\(file)")
    }
    #expect(permissions(home.url.appendingPathComponent("locks").path) == 0o700)
    #expect(permissions(home.url.appendingPathComponent("locks/session-\(id).lock").path) == 0o600)
    try store.finish(session: id, ending: .completed, at: SessionStoreTests.start)
  }

  @Test("a store left at 0644 in a 0755 home is tightened to 0600 in 0700 when opened again")
  func tightened() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let path = home.databasePath
    do {
      let store = try SessionStore(home: home.url)
      _ = try store.createSession(
        plan: SessionStoreTests.plan, startedAt: SessionStoreTests.start, bank: "/bank")
    }
    #expect(chmod(home.url.path, 0o755) == 0)
    for file in [path, path + ".lock"] { #expect(chmod(file, 0o644) == 0) }
    let store = try SessionStore(home: home.url)
    #expect(try store.transcript("last").plan == SessionStoreTests.plan)
    #expect(permissions(home.url.path) == 0o700)
    #expect(permissions(path) == 0o600)
    #expect(permissions(path + ".lock") == 0o600)
  }
}
