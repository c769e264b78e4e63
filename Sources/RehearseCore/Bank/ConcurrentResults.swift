import Foundation

/// Results written by concurrent tasks, one slot each, read once they have all finished.
struct ConcurrentResults<Value: Sendable>: @unchecked Sendable {
  private final class Storage: @unchecked Sendable {
    let lock = NSLock()
    var slots: [Value?]

    init(count: Int) {
      slots = Array(repeating: nil, count: count)
    }
  }

  private let storage: Storage

  init(count: Int) {
    storage = Storage(count: count)
  }

  func set(_ index: Int, _ value: Value) {
    storage.lock.lock()
    storage.slots[index] = value
    storage.lock.unlock()
  }

  /// Every slot's value, in order; a slot never set is left out.
  var values: [Value] {
    storage.lock.lock()
    defer { storage.lock.unlock() }
    return storage.slots.compactMap { $0 }
  }
}
