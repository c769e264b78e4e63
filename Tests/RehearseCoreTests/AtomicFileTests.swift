import Foundation
import Testing

@testable import RehearseCore

/// The file type and permission bits of `path`.
private func mode(_ path: String) -> mode_t? {
  var status = stat()
  return stat(path, &status) == 0 ? status.st_mode : nil
}

// Serialized: the umask is the process's, so no other test of this suite may write meanwhile.
@Suite("Atomic file writer", .serialized)
struct AtomicFileTests {
  @Test(
    "a file is written mode 0600 whatever the umask, and replaces the old one whole",
    arguments: [0o022, 0o000] as [mode_t])
  func privateMode(umaskValue: mode_t) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.path("export.md")
    let previous = umask(umaskValue)
    defer { umask(previous) }
    try AtomicFile.write(Array("first".utf8), to: path)
    try AtomicFile.write(Array("second".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(mode(path).map { $0 & 0o7777 } == 0o600)
    #expect(try folder.names() == ["export.md"], "no temporary file is left")
  }

  @Test(
    "a file written over one that others could read is 0600, under any umask",
    arguments: [0o022, 0o000] as [mode_t])
  func overReadableFile(umaskValue: mode_t) throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = try folder.write(Array("old".utf8), to: "export.md")
    #expect(chmod(path, 0o644) == 0)
    let previous = umask(umaskValue)
    defer { umask(previous) }
    try AtomicFile.write(Array("new".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(mode(path).map { $0 & 0o7777 } == 0o600)
  }

  @Test("/dev/full is an I/O error (exit 74) and stays the device it was")
  func deviceFull() throws {
    #expect(throws: FileWriteError.ioFailure(file: "/dev/full", reason: "No space left on device"))
    {
      try AtomicFile.write(Array("export".utf8), to: "/dev/full")
    }
    #expect(FileWriteError.ioFailure(file: "/dev/full", reason: "").exitStatus == .ioError)
    #expect(ExitStatus.ioError.rawValue == 74)
    #expect(mode("/dev/full").map { $0 & S_IFMT } == S_IFCHR)
    #expect(
      FileWriteError.ioFailure(file: "standard output", reason: "No space left on device")
        .description == "standard output: No space left on device")
  }

  @Test("/dev/null and a FIFO are written in place, never replaced")
  func inPlace() throws {
    try AtomicFile.write(Array("gone".utf8), to: "/dev/null")
    #expect(mode("/dev/null").map { $0 & S_IFMT } == S_IFCHR)
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let fifo = folder.path("export.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    // Opening a FIFO waits for the other end, so the writer runs beside the reader.
    let writer = Thread {
      try? AtomicFile.write(Array("through the pipe".utf8), to: fifo)
    }
    writer.start()
    #expect(try TextFile.read(path: fifo, limit: 100) == "through the pipe")
    #expect(mode(fifo).map { $0 & S_IFMT } == S_IFIFO)
    #expect(try folder.names() == ["export.fifo"])
  }

  @Test("a folder as the target is refused as a folder, exit 73, and left as it was")
  func folderTarget() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    #expect(throws: FileWriteError.folder(file: folder.url.path)) {
      try AtomicFile.write(Array("x".utf8), to: folder.url.path)
    }
    #expect(
      FileWriteError.folder(file: "out").description == "out is a folder, not a file")
    #expect(FileWriteError.folder(file: "out").exitStatus == .cannotCreate)
    #expect(try folder.names().isEmpty)
  }

  @Test("a target in a missing folder cannot be created (exit 73), and nothing is left behind")
  func missingFolder() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.path("none/export.md")
    let expected = FileWriteError.cannotCreate(file: path, reason: "No such file or directory")
    #expect(throws: expected) { try AtomicFile.write(Array("x".utf8), to: path) }
    #expect(expected.exitStatus == .cannotCreate)
    #expect(expected.description == "\(path): cannot create: No such file or directory")
    #expect(try folder.names().isEmpty)
  }

  @Test("a symbolic link is kept and the file it points to replaced")
  func symbolicLink() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let target = try folder.write(Array("old".utf8), to: "real.md")
    let link = folder.path("link.md")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try AtomicFile.write(Array("new".utf8), to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    #expect(try folder.names() == ["link.md", "real.md"])
  }
}
