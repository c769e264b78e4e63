import Foundation
import Testing

@testable import RehearseCore

/// Saved focuses: private files, validated names, damaged files reported as file:line.
@Suite("Focus library")
struct FocusLibraryTests {
  static func home() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-focus-\(UUID())")
  }

  static func focus(_ name: String = "netease") throws -> Focus {
    Focus(name: name, report: try ReconTests.read(ReconTests.netease, bank: try ReconTests.bank()))
  }

  @Test("a saved focus reads back the same, in a 0700 folder as a 0600 file")
  func roundTrip() throws {
    let home = Self.home()
    defer { try? FileManager.default.removeItem(at: home) }
    let library = FocusLibrary(home: home)
    let focus = try Self.focus()
    let url = try library.save(focus, replacing: false)
    let loaded = try library.load(name: "netease")
    #expect(loaded.name == focus.name && loaded.source == focus.source)
    #expect(loaded.terms == focus.terms)
    #expect(loaded.weights.map(\.component) == focus.weights.map(\.component))
    for (saved, original) in zip(loaded.weights, focus.weights) {
      #expect(abs(saved.weight - original.weight) < 1e-4)
    }
    let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
    let folderMode = try FileManager.default.attributesOfItem(atPath: library.folder.path)[
      .posixPermissions]
    #expect(fileMode as? Int == 0o600)
    #expect(folderMode as? Int == 0o700)
    #expect(try library.names() == ["netease"])
  }

  @Test("saving over a focus needs replacing; a bad name is refused")
  func overwriteAndNames() throws {
    let home = Self.home()
    defer { try? FileManager.default.removeItem(at: home) }
    let library = FocusLibrary(home: home)
    try library.save(try Self.focus(), replacing: false)
    #expect(throws: FocusError.exists(name: "netease", path: library.file(for: "netease").path)) {
      try library.save(try Self.focus(), replacing: false)
    }
    try library.save(try Self.focus(), replacing: true)
    for bad in ["Net Ease", "../x", "a--b", "-a", ""] {
      #expect(throws: FocusError.invalidName(bad)) {
        try library.save(try Self.focus(bad), replacing: true)
      }
    }
  }

  @Test("an unknown name names the saved ones and the nearest")
  func unknown() throws {
    let home = Self.home()
    defer { try? FileManager.default.removeItem(at: home) }
    let library = FocusLibrary(home: home)
    try library.save(try Self.focus(), replacing: false)
    do {
      _ = try library.load(name: "netase")
      Issue.record("loaded an unknown focus")
    } catch {
      #expect(error.exitStatus == .usage)
      #expect(error.description.contains("did you mean 'netease'"))
    }
    #expect(throws: FocusError.self) { try library.remove(name: "other") }
    try library.remove(name: "netease")
    #expect(try library.names().isEmpty)
  }

  @Test(
    "a damaged focus file is reported as file:line and exits 65",
    arguments: [
      ("name: x\ncomponents: {cloud-platforms: 0.5}\n", 1),
      ("name: broken\ncomponents:\n  clouds: 0.5\n", 3),
      ("name: broken\ncomponents:\n  ci-cd: lots\n", 3),
      ("name: broken\ncomponents: {ci-cd: 1}\nterms:\n  - {name: AWS, kind: technology}\n", 4),
      ("name: [unclosed\n", 2),
    ])
  func damaged(text: String, line: Int) throws {
    let home = Self.home()
    defer { try? FileManager.default.removeItem(at: home) }
    let library = FocusLibrary(home: home)
    try FileManager.default.createDirectory(at: library.folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: library.file(for: "broken"))
    do {
      _ = try library.load(name: "broken")
      Issue.record("loaded a damaged focus")
    } catch {
      #expect(error.exitStatus == .dataError)
      #expect(
        error.description.hasPrefix("\(library.file(for: "broken").path):\(line):"), "\(error)")
    }
  }
}
