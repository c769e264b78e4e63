import Foundation

/// Why an answer could not be read.
public enum AnswerInputError: RehearseError, Equatable {
  /// The answer file does not exist.
  case missingFile(path: String)
  /// The answer file exists but cannot be read.
  case unreadable(path: String, reason: String)
  /// The answer is larger than `AnswerInput.maximumBytes`; the line is where the limit falls.
  case tooLarge(source: String, line: Int)
  /// The answer holds bytes that are not UTF-8 text (a binary paste); the line of the first one.
  case notText(source: String, line: Int)

  public var exitStatus: ExitStatus {
    switch self {
    case .missingFile, .unreadable: .noInput
    case .tooLarge, .notText: .dataError
    }
  }

  public var description: String {
    switch self {
    case .missingFile(let path):
      return "\(path): no such answer file"
    case .unreadable(let path, let reason):
      return "\(path): cannot read the answer: \(reason)"
    case .tooLarge(let source, let line):
      return "\(source):\(line): the answer is longer than the limit of "
        + "\(AnswerInput.maximumBytes) bytes (about 10,000 words)"
    case .notText(let source, let line):
      return "\(source):\(line): the answer is not UTF-8 text (binary data?)"
    }
  }
}

/// Reads a typed or pasted answer, refusing what is not an answer rather than scoring noise.
public enum AnswerInput {
  /// The largest answer accepted: far above anything said in an interview, far below a paste of a
  /// whole file by mistake.
  public static let maximumBytes = 64 * 1024

  /// Reads an answer file.
  public static func read(path: String) throws(AnswerInputError) -> String {
    guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path) }
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      return try read(from: handle, source: path)
    } catch let error as AnswerInputError {
      throw error
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  /// Reads an answer from an open file or pipe, never holding more than the limit in memory.
  public static func read(from handle: FileHandle, source: String) throws -> String {
    var data = Data()
    // read(upToCount:) returns short only at the end of input; asking again would wait for a
    // second end-of-file from a terminal.
    while data.count <= maximumBytes {
      let wanted = maximumBytes + 1 - data.count
      guard let chunk = try handle.read(upToCount: wanted) else { break }
      data.append(chunk)
      if chunk.count < wanted { break }
    }
    if data.count > maximumBytes {
      let bytes = [UInt8](data)
      throw AnswerInputError.tooLarge(source: source, line: line(at: maximumBytes, in: bytes))
    }
    return try decode(data, source: source)
  }

  /// Checks and decodes answer bytes; `source` names them in messages (a path or `<stdin>`).
  public static func decode(_ data: Data, source: String) throws(AnswerInputError) -> String {
    let bytes = [UInt8](data)
    if bytes.count > maximumBytes {
      throw .tooLarge(source: source, line: line(at: maximumBytes, in: bytes))
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw .notText(source: source, line: line(at: nul, in: bytes))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .notText(source: source, line: line(at: firstInvalidUTF8(in: bytes), in: bytes))
    }
    return text
  }

  private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
  }

  private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
    var offset = 0
    for lineBytes in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if String(validating: lineBytes, as: UTF8.self) == nil { return offset }
      offset += lineBytes.count + 1
    }
    return 0
  }
}
