import Foundation
import RehearseCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sessions this process runs, each held by an exclusive lock on a file of its own, so that a
/// session runs in one process at a time.
///
/// A lock is an `flock` on `locks/session-ID.lock` beside the store, holding the process id of
/// its holder. The system lets go of it when the process ends in any way (even `kill -9`), so a
/// session cut off by a crash can be resumed at once.
final class SessionLocks: Sendable {
  private let folder: URL
  /// The descriptor of each lock held, by session id.
  private let held = Mutex<[Int64: Int32]>([:])

  init(folder: URL) {
    self.folder = folder
  }

  /// Takes the lock of `session`; throws `sessionRunning` when another process holds it.
  func claim(_ session: Int64) throws(StoreError) {
    if held.withLock({ $0[session] != nil }) { return }
    let path = folder.appendingPathComponent("session-\(session).lock").path
    do throws(FileWriteError) {
      // Private whatever the umask, as everything under the home folder.
      try PrivateFiles.prepareFolder(folder.path)
    } catch {
      throw .cannotOpen(path: folder.path, reason: error.description)
    }
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
    guard descriptor >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(descriptor, PrivateFiles.fileMode)
    var result = flock(descriptor, LOCK_EX | LOCK_NB)
    while result != 0 && errno == EINTR { result = flock(descriptor, LOCK_EX | LOCK_NB) }
    guard result == 0 else {
      let holder = Self.processID(in: descriptor)
      close(descriptor)
      throw .sessionRunning(session: session, processID: holder)
    }
    let text = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    held.withLock { $0[session] = descriptor }
  }

  /// Lets go of the lock of `session`, if this process holds it.
  func release(_ session: Int64) {
    guard let descriptor = held.withLock({ $0.removeValue(forKey: session) }) else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// The process id written in a lock file, if it holds one.
  private static func processID(in descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(
      String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines))
  }
}
