/// Reads what `BinaryWriter` wrote, checking every length against what is left.
struct BinaryReader {
  struct Invalid: Error {}

  private let bytes: [UInt8]
  /// Where the next value starts.
  private(set) var offset = 0
  private var paths: [String] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, bytes.count - offset >= count else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func integer() -> UInt64? {
    guard bytes.count - offset >= 8 else { return nil }
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return value
  }

  mutating func count() throws -> Int {
    guard let value = integer(), value <= UInt64(bytes.count) else { throw Invalid() }
    return Int(value)
  }

  mutating func flag() throws -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Invalid() }
    defer { offset += 1 }
    return bytes[offset] == 1
  }

  mutating func number() throws -> Double {
    guard let bits = integer() else { throw Invalid() }
    return Double(bitPattern: bits)
  }

  mutating func string() throws -> String {
    let length = try count()
    guard bytes.count - offset >= length else { throw Invalid() }
    defer { offset += length }
    return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
  }

  mutating func strings() throws -> [String] {
    var texts: [String] = []
    for _ in 0..<(try count()) { texts.append(try string()) }
    return texts
  }

  mutating func phrasings() throws -> [Phrasing] {
    var phrasings: [Phrasing] = []
    for _ in 0..<(try count()) {
      phrasings.append(Phrasing(try strings(), isClaim: try flag()))
    }
    return phrasings
  }

  mutating func value<Value: RawRepresentable>(_ type: Value.Type) throws -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: try string()) else { throw Invalid() }
    return value
  }

  mutating func location() throws -> SourceLocation {
    let reference = try count()
    let file: String
    if reference == 0 {
      file = try string()
      paths.append(file)
    } else {
      guard reference <= paths.count else { throw Invalid() }
      file = paths[reference - 1]
    }
    return SourceLocation(file: file, line: try count())
  }
}
