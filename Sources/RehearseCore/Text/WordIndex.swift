/// Words with a value each, found by their `WordKey`.
///
/// An open-addressing table: a lookup compares keys and hashes no string, and compares the word
/// itself only when the keys agree. A slot holds the key, the word and its value together, so a
/// lookup touches one place in memory.
struct WordIndex<Value: Sendable>: Sendable {
  /// A word and its value.
  struct Entry: Sendable {
    var word: String
    var value: Value
  }

  /// A slot of the table; an empty one has no entry.
  private struct Slot: Sendable {
    var key: WordKey
    var entry: Entry?
  }

  private var slots: [Slot]
  private var mask: Int
  /// The slot of each word, in the order the words were added.
  private var order: [Int] = []

  /// An empty index with room for `capacity` words before it grows.
  init(capacity: Int = 8) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [Slot](repeating: Slot(key: WordKey(""), entry: nil), count: size)
    mask = size - 1
    order.reserveCapacity(capacity)
  }

  /// How many words there are.
  var count: Int { order.count }

  /// The words and their values, in the order they were added.
  var entries: [Entry] { order.map { slots[$0].entry! } }

  /// The slot holding `word`, whose key is `key`, if it is in the index.
  private func slot(_ key: WordKey, _ word: String) -> Int? {
    var slot = key.slot(mask)
    while let entry = slots[slot].entry {
      if slots[slot].key == key && entry.word == word { return slot }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// The value of `word`, whose key is `key`, if it is in the index.
  func value(_ key: WordKey, _ word: String) -> Value? {
    slot(key, word).map { slots[$0].entry!.value }
  }

  /// The entry of the word held as UTF-8 `bytes`, whose key is `key`, if it is in the index.
  func entry(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Entry? {
    var slot = key.slot(mask)
    while let entry = slots[slot].entry {
      if slots[slot].key == key && WordIndex.spells(entry.word, bytes) { return entry }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Whether the word held as UTF-8 `bytes`, whose key is `key`, is in the index.
  func contains(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Bool {
    var slot = key.slot(mask)
    while let entry = slots[slot].entry {
      if slots[slot].key == key && WordIndex.spells(entry.word, bytes) { return true }
      slot = (slot + 1) & mask
    }
    return false
  }

  /// Adds `word` with `value`; a word already there keeps its value. Returns whether it was
  /// added.
  @discardableResult
  mutating func insert(_ word: String, key: WordKey, value: Value) -> Bool {
    if slot(key, word) != nil { return false }
    add(word, key: key, value: value)
    return true
  }

  /// Changes the value of `word` with `change`, adding the word with `initial` first when new.
  mutating func update(_ word: String, initial: Value, _ change: (inout Value) -> Void) {
    let key = WordKey(word)
    let found = slot(key, word) ?? add(word, key: key, value: initial)
    change(&slots[found].entry!.value)
  }

  /// Forgets every word, keeping the room they took.
  mutating func removeAll() {
    for slot in order { slots[slot] = Slot(key: WordKey(""), entry: nil) }
    order.removeAll(keepingCapacity: true)
  }

  @discardableResult
  private mutating func add(_ word: String, key: WordKey, value: Value) -> Int {
    if (order.count + 1) * 2 > slots.count { grow() }
    return place(Entry(word: word, value: value), key: key)
  }

  @discardableResult
  private mutating func place(_ entry: Entry, key: WordKey) -> Int {
    var slot = key.slot(mask)
    while slots[slot].entry != nil { slot = (slot + 1) & mask }
    slots[slot] = Slot(key: key, entry: entry)
    order.append(slot)
    return slot
  }

  private mutating func grow() {
    let old = slots
    let oldOrder = order
    slots = [Slot](repeating: Slot(key: WordKey(""), entry: nil), count: old.count * 2)
    mask = slots.count - 1
    order.removeAll(keepingCapacity: true)
    for slot in oldOrder { place(old[slot].entry!, key: old[slot].key) }
  }

  /// Whether `word` is spelled by `bytes`.
  private static func spells(_ word: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let utf8 = word.utf8
    guard utf8.count == bytes.count else { return false }
    return utf8.withContiguousStorageIfAvailable { stored in
      stored.elementsEqual(bytes)
    } ?? utf8.elementsEqual(bytes)
  }
}
