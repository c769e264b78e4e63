import Foundation
import Testing

@testable import RehearseCore

/// The permission bits of `path`, without following a symbolic link.
private func permissions(_ path: String) -> mode_t? {
  var status = stat()
  return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
}

/// Makes `relative` in `folder` with `mode`: a folder when it ends in `/`, else a file.
private func make(_ relative: String, in folder: ScratchFolder, mode: mode_t) throws {
  let path = folder.path(relative)
  if relative.hasSuffix("/") {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  } else {
    try Data("private text".utf8).write(to: URL(fileURLWithPath: path))
  }
  #expect(chmod(path, mode) == 0)
}

// Serialized: the umask is the process's, so no other test of this suite may create files
// meanwhile.
@Suite("Private files", .serialized)
struct PrivateFilesTests {
  @Test("under umask 000 the home and every folder made above it are 0700")
  func newHome() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let previous = umask(0)
    defer { umask(previous) }
    let home = scratch.url.appendingPathComponent("data/rehearse")
    try RehearseHome.prepare(home)
    #expect(permissions(scratch.path("data")) == 0o700)
    #expect(permissions(home.path) == 0o700)
  }

  @Test("an existing home is tightened with what Rehearse keeps in it, and nothing else")
  func existingHome() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let kept = [
      "rehearse.sqlite", "rehearse.sqlite-wal", "rehearse.sqlite-shm", "rehearse.sqlite.lock",
      "history", "cache/bank-1.cache", "stories/a.md", "stories/.a.edit.md",
      "locks/session-1.lock",
    ]
    for folder in ["cache/", "stories/", "locks/"] { try make(folder, in: scratch, mode: 0o755) }
    for file in kept { try make(file, in: scratch, mode: 0o644) }
    try make("notes.txt", in: scratch, mode: 0o644)
    try make("tools/", in: scratch, mode: 0o755)
    try make("tools/run.sh", in: scratch, mode: 0o755)
    #expect(chmod(scratch.url.path, 0o755) == 0)

    RehearseHome.secure(scratch.url)

    #expect(permissions(scratch.url.path) == 0o700)
    for folder in ["cache", "stories", "locks"] {
      #expect(permissions(scratch.path(folder)) == 0o700, "\(folder)")
    }
    for file in kept { #expect(permissions(scratch.path(file)) == 0o600, "\(file)") }
    #expect(permissions(scratch.path("notes.txt")) == 0o644, "not Rehearse's: left as it was")
    #expect(permissions(scratch.path("tools")) == 0o755)
    #expect(permissions(scratch.path("tools/run.sh")) == 0o755)
  }

  @Test("a shared folder with the sticky bit named as the home keeps its mode")
  func sharedFolder() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    #expect(chmod(scratch.url.path, 0o1777) == 0)
    try RehearseHome.prepare(scratch.url)
    #expect(permissions(scratch.url.path) == 0o1777)
  }

  @Test("a symbolic link in a private folder is left alone, and so is what it points to")
  func symbolicLink() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    try make("stories/", in: scratch, mode: 0o700)
    try make("elsewhere.md", in: scratch, mode: 0o644)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("stories/linked.md"), withDestinationPath: scratch.path("elsewhere.md"))
    PrivateFiles.tighten(folderAndFiles: scratch.path("stories"))
    #expect(permissions(scratch.path("elsewhere.md")) == 0o644)
  }

  @Test(
    "the default home: REHEARSE_HOME, else XDG_DATA_HOME, else HOME, else the password database",
    arguments: [
      (["REHEARSE_HOME": "/r", "XDG_DATA_HOME": "/x", "HOME": "/h"], "/r"),
      (["XDG_DATA_HOME": "/x", "HOME": "/h"], "/x/rehearse"),
      (["REHEARSE_HOME": "", "XDG_DATA_HOME": "", "HOME": "/h"], "/h/.local/share/rehearse"),
      (["HOME": "/h"], "/h/.local/share/rehearse"),
      (["HOME": ""], "/pw/.local/share/rehearse"),
      ([:], "/pw/.local/share/rehearse"),
    ])
  func homeFolder(environment: [String: String], expected: String) {
    let home = RehearseHome.resolve(environment: environment, passwordDatabaseHome: { "/pw" })
    #expect(home.path == expected)
  }

  @Test("the password database knows the home folder of the user running the tests")
  func passwordDatabase() {
    #expect(RehearseHome.passwordDatabaseHome()?.hasPrefix("/") == true)
  }
}
