import Testing

@testable import RehearseCore

@Suite("Checksum")
struct ChecksumTests {
  /// MurmurHash3_x64_128 with seed 0, as its reference implementation writes the 16 bytes.
  @Test(
    "the checksum is MurmurHash3 x64 128-bit, as the reference implementation gives it",
    arguments: [
      ("", "00000000000000000000000000000000"),
      ("hello", "029bbd41b3a7d8cb191dae486a901e5b"),
      ("The quick brown fox jumps over the lazy dog", "6c1b07bc7bbc4be347939ac4a93c437a"),
    ])
  func referenceValues(text: String, expected: String) {
    #expect(Checksum(Array(text.utf8)).description == expected)
  }

  @Test("every tail length is read, and one changed byte changes the checksum")
  func tails() {
    let bytes = (0..<40).map { UInt8($0) }
    var seen: Set<Checksum> = []
    for length in 0...bytes.count {
      var prefix = Array(bytes.prefix(length))
      let checksum = Checksum(prefix)
      #expect(seen.insert(checksum).inserted, "length \(length)")
      #expect(Checksum(bytes: checksum.bytes) == checksum)
      if let last = prefix.indices.last {
        prefix[last] ^= 1
        #expect(Checksum(prefix) != checksum, "length \(length)")
      }
    }
  }
}
