import Foundation

/// Words with a value each, numbered in the order they were added and found by their `WordKey`.
///
/// An open-addressing table: a lookup compares keys and hashes no string, and compares the word
/// itself only when the keys agree. A slot is eight bytes (part of the key and the word's
/// number), so the slots of even a large index stay in cache, and a word that is not there, the
/// usual case for answer words in a rubric's vocabulary, is turned away without touching the
/// words.
struct WordIndex<Value: Sendable>: Sendable {
  /// A word with its key and value.
  struct Entry: Sendable {
    var word: String
    var key: WordKey
    var value: Value
  }

  /// The words by number.
  private(set) var entries: [Entry] = []
  /// For each slot, 0 when empty, else the high half of the word's key and its number plus one.
  private var slots: [UInt64]
  private var mask: Int

  /// An empty index with room for `capacity` words before it grows.
  init(capacity: Int = 8) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    entries.reserveCapacity(capacity)
  }

  /// How many words there are.
  var count: Int { entries.count }

  private static func tag(_ key: WordKey) -> UInt64 { key.value & 0xFFFF_FFFF_0000_0000 }

  /// The number of `word`, whose key is `key`, if it is in the index.
  func find(_ key: WordKey, _ word: String) -> Int? {
    probe(key) { $0 == word }
  }

  /// The number of the word held as UTF-8 `bytes`, whose key is `key`, if it is in the index.
  func find(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Int? {
    probe(key) { WordIndex.spells($0, bytes) }
  }

  /// The numbers of many words at once, -1 for a word not in the index: the word at `i` has key
  /// `keys[i]`, and `spells(i, word)` says whether it is `word`.
  ///
  /// The same as asking `find` for each word, but in passes: first the slot of every word is
  /// read, then the entry each slot names, so that the memory reads of one word overlap those of
  /// the others instead of waiting for them.
  func find(_ keys: [WordKey], spelled spells: (Int, String) -> Bool) -> [Int] {
    var found = [Int](repeating: -1, count: keys.count)
    // The slot each word hashes to, or the number of its word when the tag agrees.
    var first = [UInt64](repeating: 0, count: keys.count)
    for (index, key) in keys.enumerated() { first[index] = slots[key.slot(mask)] }
    for (index, key) in keys.enumerated() {
      let stored = first[index]
      if stored == 0 { continue }
      if stored & 0xFFFF_FFFF_0000_0000 == WordIndex.tag(key) {
        let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
        if entries[number].key == key {
          found[index] = number
          continue
        }
      }
      found[index] = -2
    }
    for index in keys.indices {
      let number = found[index]
      if number >= 0 && spells(index, entries[number].word) { continue }
      if number == -1 { continue }
      found[index] = probe(keys[index]) { spells(index, $0) } ?? -1
    }
    return found
  }

  /// The number of the word with key `key` of which `spells` is true, probing the slots from
  /// the one the key hashes to.
  @inline(__always)
  private func probe(_ key: WordKey, _ spells: (String) -> Bool) -> Int? {
    let tag = WordIndex.tag(key)
    var slot = key.slot(mask)
    while true {
      let stored = slots[slot]
      if stored == 0 { return nil }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
        if entries[number].key == key && spells(entries[number].word) { return number }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The value of `word`, whose key is `key`, if it is in the index.
  func value(_ key: WordKey, _ word: String) -> Value? {
    find(key, word).map { entries[$0].value }
  }

  /// The entry of the word held as UTF-8 `bytes`, whose key is `key`, if it is in the index.
  func entry(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Entry? {
    find(key, bytes: bytes).map { entries[$0] }
  }

  /// Whether the word held as UTF-8 `bytes`, whose key is `key`, is in the index.
  func contains(_ key: WordKey, bytes: UnsafeRawBufferPointer) -> Bool {
    find(key, bytes: bytes) != nil
  }

  /// Adds `word` with `value`; a word already there keeps its value. Returns whether it was
  /// added.
  @discardableResult
  mutating func insert(_ word: String, key: WordKey, value: Value) -> Bool {
    if find(key, word) != nil { return false }
    add(word, key: key, value: value)
    return true
  }

  /// Changes the value of `word` with `change`, adding the word with `initial` first when new.
  mutating func update(_ word: String, initial: Value, _ change: (inout Value) -> Void) {
    let key = WordKey(word)
    let number = find(key, word) ?? add(word, key: key, value: initial)
    change(&entries[number].value)
  }

  /// Forgets every word, keeping the room they took.
  mutating func removeAll() {
    // Each word's slot is found before any is cleared, since clearing one breaks the probe
    // sequences through it.
    var used: [Int] = []
    used.reserveCapacity(entries.count)
    for (number, entry) in entries.enumerated() {
      let stored = WordIndex.tag(entry.key) | UInt64(number + 1)
      var slot = entry.key.slot(mask)
      while slots[slot] != stored { slot = (slot + 1) & mask }
      used.append(slot)
    }
    for slot in used { slots[slot] = 0 }
    entries.removeAll(keepingCapacity: true)
  }

  @discardableResult
  private mutating func add(_ word: String, key: WordKey, value: Value) -> Int {
    if (entries.count + 1) * 2 > slots.count { grow() }
    let number = entries.count
    entries.append(Entry(word: word, key: key, value: value))
    place(number, key: key)
    return number
  }

  private mutating func place(_ number: Int, key: WordKey) {
    var slot = key.slot(mask)
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = WordIndex.tag(key) | UInt64(number + 1)
  }

  private mutating func grow() {
    slots = [UInt64](repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for number in entries.indices { place(number, key: entries[number].key) }
  }

  /// Whether `word` is spelled by `bytes`.
  static func spells(_ word: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let utf8 = word.utf8
    guard utf8.count == bytes.count else { return false }
    guard !bytes.isEmpty, let base = bytes.baseAddress else { return true }
    return utf8.withContiguousStorageIfAvailable { stored in
      memcmp(stored.baseAddress!, base, stored.count) == 0
    } ?? utf8.elementsEqual(bytes)
  }
}
