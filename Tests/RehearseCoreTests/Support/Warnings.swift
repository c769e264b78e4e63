import Foundation

/// Collects warnings given from any thread: what a bank source or a model warns.
final class Warnings: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func add(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}
