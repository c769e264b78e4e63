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
  ///
  /// With `regularFileOnly`, for files found by listing a folder (bank files, stories), anything
  /// but a regular file (a named pipe, a device such as `/dev/zero`, a socket) is refused as
  /// such before it is read, and a named pipe is never waited on.
  public static func read(path: String, limit: Int, regularFileOnly: Bool = false)
    throws(TextFileError) -> String
  {
    try decode(
      bytes(path: path, limit: limit, regularFileOnly: regularFileOnly), name: path, limit: limit)
  }

  /// The bytes of the file at `path`, text or not, which may hold at most `limit` of them;
  /// `regularFileOnly` as `read(path:limit:regularFileOnly:)` says.
  public static func bytes(path: String, limit: Int, regularFileOnly: Bool = false)
    throws(TextFileError) -> [UInt8]
  {
    var status = stat()
    // Looked at before it is opened: opening a device can have effects of its own.
    if regularFileOnly, stat(path, &status) == 0 { try requireRegular(status, name: path) }
    // O_NONBLOCK: a named pipe put in its place since is opened without waiting for a writer,
    // then refused below.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | (regularFileOnly ? O_NONBLOCK : 0))
    guard descriptor >= 0 else {
      let error = errno
      switch error {
      case ENOENT: throw .missing(file: path)
      case EISDIR: throw .folder(file: path)
      default: throw .unreadable(file: path, reason: String(cString: strerror(error)))
      }
    }
    defer { close(descriptor) }
    if regularFileOnly, fstat(descriptor, &status) == 0 {
      try requireRegular(status, name: path)
    }
    let bytes = try readBytes(descriptor: descriptor, name: path, limit: limit)
    if bytes.count > limit {
      throw .tooLarge(file: path, line: line(at: limit, in: bytes), limit: limit)
    }
    return bytes
  }

  /// Refuses a file that is not a regular one, naming what it is.
  private static func requireRegular(_ status: stat, name: String) throws(TextFileError) {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw .folder(file: name)
    case S_IFIFO: throw .notRegular(file: name, kind: "a named pipe")
    case S_IFCHR: throw .notRegular(file: name, kind: "a character device")
    case S_IFBLK: throw .notRegular(file: name, kind: "a block device")
    case S_IFSOCK: throw .notRegular(file: name, kind: "a socket")
    default: throw .notRegular(file: name, kind: "a special file")
    }
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
    try decode(
      readBytes(descriptor: descriptor, name: name, limit: limit), name: name, limit: limit)
  }

  /// What `descriptor` holds, read to its end or until it has passed `limit` bytes: at most
  /// `limit + 1` of them.
  private static func readBytes(descriptor: Int32, name: String, limit: Int)
    throws(TextFileError) -> [UInt8]
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
    return bytes
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
