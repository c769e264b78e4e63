/// Appends values to a byte buffer: integers little-endian, texts as a length and UTF-8 bytes.
struct BinaryWriter {
  private(set) var buffer: [UInt8] = []
  /// The file paths of locations, written once each and then referred to by number.
  private var paths: [String: Int] = [:]

  mutating func integer(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { buffer += $0 }
  }

  mutating func count(_ value: Int) { integer(UInt64(max(0, value))) }
  mutating func flag(_ value: Bool) { buffer.append(value ? 1 : 0) }
  mutating func number(_ value: Double) { integer(value.bitPattern) }

  mutating func string(_ text: String) {
    count(text.utf8.count)
    buffer += text.utf8
  }

  mutating func strings(_ texts: [String]) {
    count(texts.count)
    for text in texts { string(text) }
  }

  mutating func phrasings(_ phrasings: [Phrasing]) {
    count(phrasings.count)
    for phrasing in phrasings {
      strings(phrasing.terms)
      flag(phrasing.isClaim)
    }
  }

  mutating func location(_ location: SourceLocation) {
    if let index = paths[location.file] {
      count(index + 1)
    } else {
      paths[location.file] = paths.count
      count(0)
      string(location.file)
    }
    count(location.line)
  }
}
