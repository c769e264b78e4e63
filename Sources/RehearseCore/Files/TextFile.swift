import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the text files Rehearse is given (answers, bank YAML, stories, graded-answer TSV) and
/// standard input: whole, up to a byte limit, and only when they are UTF-8 text.
///
/// Every failure is a `TextFileError` naming the file, and the line where one applies. No more
/// than `limit + 1` bytes are ever held, so a huge file or an endless stream cannot exhaust
/// memory.
public enum TextFile {
  /// The text of the file at `path`, which may hold at most `limit` bytes.
  public static func read(path: String, limit: Int) throws(TextFileError) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let error = errno
      switch error {
      case ENOENT: throw .missing(file: path)
      case EISDIR: throw .folder(file: path)
      default: throw .unreadable(file: path, reason: String(cString: strerror(error)))
      }
    }
    defer { close(descriptor) }
    return try read(descriptor: descriptor, name: path, limit: limit)
  }

  /// The text of an open file or stream such as standard input, named `name` in errors; reads to
  /// its end, or until it has passed `limit` bytes.
  public static func read(from handle: FileHandle, name: String, limit: Int) throws(TextFileError)
    -> String
  {
    try read(descriptor: handle.fileDescriptor, name: name, limit: limit)
  }

  /// Checks and decodes `bytes` read from the file shown as `name`: at most `limit` of them, no
  /// NUL, valid UTF-8.
  public static func decode(_ bytes: [UInt8], name: String, limit: Int) throws(TextFileError)
    -> String
  {
    if bytes.count > limit {
      throw .tooLarge(file: name, line: line(at: limit, in: bytes), limit: limit)
    }
    if let nul = offset(of: 0, in: bytes, before: bytes.count) {
      throw .notText(file: name, line: line(at: nul, in: bytes))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .notText(file: name, line: line(at: firstInvalidUTF8(in: bytes), in: bytes))
    }
    return text
  }

  private static func read(descriptor: Int32, name: String, limit: Int) throws(TextFileError)
    -> String
  {
    var status = stat()
    var capacity = 64 * 1024
    if fstat(descriptor, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw .folder(file: name)
      // One byte more than the file's size, to see its end (or that it grew).
      case S_IFREG: capacity = Int(status.st_size) + 1
      default: break
      }
    }
    var bytes = [UInt8](repeating: 0, count: min(limit + 1, max(capacity, 1)))
    var count = 0
    // A short read is not the end (a terminal returns a line at a time): only 0 is.
    while count <= limit {
      if count == bytes.count {
        bytes += repeatElement(0, count: min(limit + 1, bytes.count * 2) - bytes.count)
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got == 0 { break }
      if got < 0 {
        let error = errno
        if error == EINTR { continue }
        if error == EISDIR { throw .folder(file: name) }
        throw .unreadable(file: name, reason: String(cString: strerror(error)))
      }
      count += got
    }
    bytes.removeSubrange(count...)
    return try decode(bytes, name: name, limit: limit)
  }

  /// The line, counted from 1, of the byte at `offset`.
  private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    while let newline = Self.offset(of: UInt8(ascii: "\n"), in: bytes, from: start, before: offset)
    {
      line += 1
      start = newline + 1
    }
    return line
  }

  /// The offset of the first `byte` in `bytes[start..<end]`, found with memchr: a byte-by-byte
  /// search in Swift was a visible part of loading the bank.
  private static func offset(
    of byte: UInt8, in bytes: [UInt8], from start: Int = 0, before end: Int
  )
    -> Int?
  {
    let end = min(end, bytes.count)
    guard start < end else { return nil }
    return bytes.withUnsafeBytes { buffer in
      memchr(buffer.baseAddress! + start, Int32(byte), end - start).map {
        buffer.baseAddress!.distance(to: UnsafeRawPointer($0))
      }
    }
  }

  /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
  private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return offset
      }
    }
  }

  /// read(2), named apart from this type's own `read` functions.
  private static func systemRead(
    _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int
  )
    -> Int
  {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #elseif canImport(Darwin)
      Darwin.read(descriptor, buffer, count)
    #endif
  }
}
