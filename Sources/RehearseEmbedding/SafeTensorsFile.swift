import Foundation

/// The tensors of a `.safetensors` file: an 8-byte little-endian header length, a JSON header
/// naming each tensor's type, shape and byte range, then the data.
///
/// Only `F16` and `F32` tensors are read; others are skipped. Values stay in the file's bytes
/// until asked for, so a large table can be read row by row.
public struct SafeTensorsFile: Sendable {
  /// One tensor's place in the data.
  public struct Entry: Sendable {
    public var dtype: String
    public var shape: [Int]
    public var range: Range<Int>
  }

  public let path: String
  public let data: Data
  public let entries: [String: Entry]

  /// Reads and checks the file at `path`.
  public init(path: String) throws(EmbeddingError) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw .unreadable(file: path, reason: error.localizedDescription)
    }
    try self.init(data: data, path: path)
  }

  /// Parses `data`, read from `path`.
  public init(data: Data, path: String) throws(EmbeddingError) {
    guard data.count >= 8 else { throw .malformed(file: path, reason: "shorter than its header") }
    let size = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    guard size > 0, size <= data.count - 8 else {
      throw .malformed(file: path, reason: "a header length of \(size) bytes")
    }
    let header: [String: Any]
    do {
      guard
        let object = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<8 + size))
          as? [String: Any]
      else { throw EmbeddingError.malformed(file: path, reason: "the header is not an object") }
      header = object
    } catch {
      throw .malformed(file: path, reason: "the header is not JSON")
    }
    var entries: [String: Entry] = [:]
    let base = 8 + size
    for (name, value) in header where name != "__metadata__" {
      guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
        let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int],
        offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1],
        base + offsets[1] <= data.count
      else { throw .malformed(file: path, reason: "tensor \(name) is described wrongly") }
      let width = dtype == "F16" ? 2 : dtype == "F32" ? 4 : 0
      guard width > 0 else { continue }
      guard shape.reduce(1, *) * width == offsets[1] - offsets[0] else {
        throw .malformed(file: path, reason: "tensor \(name) has the wrong size for its shape")
      }
      entries[name] = Entry(
        dtype: dtype, shape: shape, range: base + offsets[0]..<base + offsets[1])
    }
    self.path = path
    self.data = data
    self.entries = entries
  }

  /// The tensor `name` as floats, checked to have `shape`.
  public func floats(_ name: String, shape: [Int]) throws(EmbeddingError) -> [Float] {
    guard let entry = entries[name] else {
      throw .malformed(file: path, reason: "no tensor \(name)")
    }
    guard entry.shape == shape else {
      throw .malformed(file: path, reason: "tensor \(name) is \(entry.shape), not \(shape)")
    }
    return floats(entry, from: 0, count: shape.reduce(1, *))
  }

  /// `count` values of `entry` from the `start`-th.
  public func floats(_ entry: Entry, from start: Int, count: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.withUnsafeBytes { raw in
        let bytes = raw.baseAddress!.advanced(by: entry.range.lowerBound)
        if entry.dtype == "F16" {
          let source = bytes.advanced(by: start * 2)
          for index in 0..<count {
            let bits = source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
            buffer[index] = Self.float(half: UInt16(littleEndian: bits))
          }
        } else {
          let source = bytes.advanced(by: start * 4)
          for index in 0..<count {
            let bits = source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
            buffer[index] = Float(bitPattern: UInt32(littleEndian: bits))
          }
        }
      }
      initialized = count
    }
  }

  /// An IEEE half-precision value as a float, subnormals, infinities and NaN included.
  @inline(__always)
  static func float(half bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = UInt32(bits >> 10) & 0x1F
    let mantissa = UInt32(bits & 0x3FF)
    if exponent == 0 {
      // Zero or subnormal: mantissa × 2^-24.
      let magnitude = Float(mantissa) * 0x1p-24
      return sign == 0 ? magnitude : -magnitude
    }
    if exponent == 0x1F {
      return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    }
    return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
  }
}
