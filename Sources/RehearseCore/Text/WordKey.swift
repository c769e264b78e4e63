import Foundation

/// A word's hash, computed once where the word is read, so that the tables words are looked up
/// in compare integers before they compare any text.
///
/// Equal words have equal keys, so a key is valid for as long as its word is: no table has to
/// hand it out, and none invalidates it by forgetting words. Unequal words almost always have
/// different keys; every table that finds a key also compares the word itself, so a collision
/// costs one more comparison, never a wrong match. Keys are not stored or compared across
/// processes.
///
/// Strings compare equal when they are canonically equivalent, whatever their bytes (`é` and
/// `e` with a combining accent), so the key of a string that is not ASCII is that of its
/// composed (NFC) form: equal strings always have equal keys, as they have equal hash values.
struct WordKey: Hashable, Sendable {
  let value: UInt64

  /// A constant, so that hashing a word reads no lazily made global.
  private static let seed: UInt64 = 0x243F_6A88_85A3_08D3

  /// The key of `word`.
  init(_ word: String) {
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { $0 < 0x80 } ? WordKey.hash(UnsafeRawBufferPointer(bytes)) : nil
    }
    if let ascii, let value = ascii {
      self.value = value
    } else {
      value = Array(word.precomposedStringWithCanonicalMapping.utf8).withUnsafeBytes {
        WordKey.hash($0)
      }
    }
  }

  /// The key of the word held as UTF-8 `bytes`.
  init(bytes: UnsafeRawBufferPointer) {
    value = WordKey.hash(bytes)
  }

  /// The key of the word held as UTF-8 `bytes`.
  init(bytes: [UInt8]) {
    value = bytes.withUnsafeBytes { WordKey.hash($0) }
  }

  /// The low bits of the key, for choosing a slot in a table of `mask + 1` slots.
  func slot(_ mask: Int) -> Int {
    Int(truncatingIfNeeded: value) & mask
  }

  /// Eight bytes at a time, each mixed in with a multiply; the murmur finaliser spreads every
  /// byte over the low bits the tables use.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let count = bytes.count
    var hash = seed ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
    var offset = 0
    while offset + 8 <= count {
      let chunk = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = (hash ^ chunk) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      offset += 8
    }
    if offset < count {
      // The last bytes, four, two and one at a time: byte `i` of the tail at bits `8 i`.
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      if count - offset >= 4 {
        tail = UInt64(
          UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        shift = 32
        offset += 4
      }
      if count - offset >= 2 {
        let pair = UInt16(
          littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
        tail |= UInt64(pair) << shift
        shift += 16
        offset += 2
      }
      if offset < count { tail |= UInt64(bytes[offset]) << shift }
      hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
    }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }
}
