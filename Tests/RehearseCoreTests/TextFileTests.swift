import Foundation
import Testing

@testable import RehearseCore

/// A temporary folder for one test, removed at its end.
struct ScratchFolder {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("rehearse-files-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` in the folder.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to `name` and returns its path.
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    try Data(bytes).write(to: url.appendingPathComponent(name))
    return path(name)
  }

  /// The names in the folder, hidden ones included.
  func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// Bytes that are not a text file of at most 16 bytes, and the line each is refused at.
struct RefusedBytes: CustomTestStringConvertible, Sendable {
  var name: String
  var bytes: [UInt8]
  var line: Int
  var tooLarge: Bool

  var testDescription: String { name }

  static let limit = 16

  static let all = [
    RefusedBytes(
      name: "a NUL byte", bytes: Array("one\ntwo\nth\0ree\n".utf8), line: 3, tooLarge: false),
    RefusedBytes(
      name: "a lone continuation byte", bytes: Array("one\n".utf8) + [0x80], line: 2,
      tooLarge: false),
    RefusedBytes(
      name: "a cut-off sequence", bytes: Array("a\nb\nc\n".utf8) + [0xC3, 0x28], line: 4,
      tooLarge: false),
    RefusedBytes(name: "UTF-16", bytes: [0xFF, 0xFE, 0x41, 0x00], line: 1, tooLarge: false),
    // Byte 16, where the limit falls, is on the third line.
    RefusedBytes(
      name: "one byte over the limit", bytes: Array("1234567\n1234567\nx".utf8), line: 3,
      tooLarge: true),
    RefusedBytes(
      name: "far over the limit", bytes: Array(repeating: UInt8(ascii: "\n"), count: 100), line: 17,
      tooLarge: true),
  ]
}

@Suite("Text file reader")
struct TextFileTests {
  @Test("a text file is read as it is, up to exactly the limit")
  func readsText() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let text = "Shards – naïve 🙂\r\nline two\n"
    let path = try folder.write(Array(text.utf8), to: "answer.txt")
    #expect(try TextFile.read(path: path, limit: text.utf8.count) == text)
    #expect(try TextFile.read(path: try folder.write([], to: "empty.txt"), limit: 0) == "")
  }

  @Test(
    "bytes that are not text, or too many, are refused at their line", arguments: RefusedBytes.all)
  func refused(_ refused: RefusedBytes) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write(refused.bytes, to: "file.txt")
    let expected: TextFileError =
      refused.tooLarge
      ? .tooLarge(file: path, line: refused.line, limit: RefusedBytes.limit)
      : .notText(file: path, line: refused.line)
    #expect(throws: expected) { try TextFile.read(path: path, limit: RefusedBytes.limit) }
    #expect(expected.exitStatus == .dataError)
    #expect(expected.description.hasPrefix("\(path):\(refused.line): "))
    #expect(throws: expected) {
      try TextFile.decode(refused.bytes, name: path, limit: RefusedBytes.limit)
    }
  }

  @Test("the messages a user sees for each failure, with the file and the line where one applies")
  func messages() {
    #expect(TextFileError.missing(file: "a.txt").description == "a.txt: no such file")
    #expect(TextFileError.folder(file: "notes").description == "notes is a folder, not a file")
    #expect(
      TextFileError.unreadable(file: "a.txt", reason: "Permission denied").description
        == "a.txt: cannot read: Permission denied")
    #expect(
      TextFileError.tooLarge(file: "a.txt", line: 3, limit: 65_536).description
        == "a.txt:3: longer than the limit of 64 KiB")
    #expect(
      TextFileError.notText(file: "<stdin>", line: 2).description
        == "<stdin>:2: not UTF-8 text (a NUL byte or an invalid byte sequence)")
  }

  @Test("a missing file, a folder and an unreadable path are missing input, at no line")
  func missingInput() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let file = try folder.write(Array("text".utf8), to: "file.txt")
    let cases: [(String, TextFileError)] = [
      (folder.path("none.txt"), .missing(file: folder.path("none.txt"))),
      (folder.url.path, .folder(file: folder.url.path)),
      // A file used as a folder: the system's reason, not Foundation's sentence.
      (file + "/x", .unreadable(file: file + "/x", reason: "Not a directory")),
    ]
    for (path, expected) in cases {
      #expect(throws: expected) { try TextFile.read(path: path, limit: 100) }
      #expect(expected.exitStatus == .noInput)
      #expect(expected.line == nil)
      #expect(!expected.description.contains(":1:"))
    }
  }

  @Test("a device and a FIFO are read as streams, never past the limit")
  func streams() throws {
    #expect(try TextFile.read(path: "/dev/null", limit: 10) == "")
    // /dev/zero never ends: the reader stops one byte past the limit.
    #expect(throws: TextFileError.tooLarge(file: "/dev/zero", line: 1, limit: 1000)) {
      try TextFile.read(path: "/dev/zero", limit: 1000)
    }
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let fifo = folder.path("answer.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    // Opening a FIFO waits for the other end, so the writer runs beside the reader; its bytes fit
    // in the pipe's buffer, so it never waits for them to be read.
    let writer = Thread {
      let descriptor = open(fifo, O_WRONLY)
      let bytes = Array(String(repeating: "typed\n", count: 500).utf8)
      _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
    }
    writer.start()
    #expect(throws: TextFileError.tooLarge(file: fifo, line: 167, limit: 1000)) {
      try TextFile.read(path: fifo, limit: 1000)
    }
  }

  @Test("an open handle such as standard input is read to its end")
  func handle() throws {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data("first\nsecond".utf8))
    try pipe.fileHandleForWriting.close()
    #expect(
      try TextFile.read(from: pipe.fileHandleForReading, name: "<stdin>", limit: 100)
        == "first\nsecond")
  }
}
