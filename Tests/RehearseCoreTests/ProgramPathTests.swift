import Foundation
import Testing

@testable import RehearseCore

/// An installed layout in a temporary folder: `<prefix>/bin/rehearse`, the bank under
/// `<prefix>/share/rehearse`, and a folder of links to the program such as `~/bin`.
private struct InstalledLayout {
  let root: URL
  var prefix: URL { root.appendingPathComponent("prefix") }
  var program: URL { prefix.appendingPathComponent("bin/rehearse") }
  var bank: URL { prefix.appendingPathComponent("share/rehearse") }
  var links: URL { root.appendingPathComponent("links") }
  var link: URL { links.appendingPathComponent("rehearse") }

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-layout-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(
      at: program.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("#!/bin/sh\n".utf8).write(to: program)
    try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
    for folder in [BankLoader.questionFolder, BankLoader.rubricFolder] {
      try manager.createDirectory(
        at: bank.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try manager.createDirectory(at: links, withIntermediateDirectories: true)
    try manager.createSymbolicLink(at: link, withDestinationURL: program)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("The program's own path, from which an installed copy finds its bank")
struct ProgramPathTests {
  @Test("a bare name is looked up on PATH, and a link there names the installed file")
  func bareNameOnPath() throws {
    let layout = try InstalledLayout()
    defer { layout.remove() }
    let path = ProgramPath.resolve(
      invokedAs: "rehearse", environment: ["PATH": "/nonexistent:\(layout.links.path):/usr/bin"],
      currentDirectory: "/")
    #expect(path == layout.program.resolvingSymlinksInPath().path)
  }

  @Test("a relative name is taken from the folder it was started in, links resolved")
  func relativeName() throws {
    let layout = try InstalledLayout()
    defer { layout.remove() }
    let path = ProgramPath.resolve(
      invokedAs: "links/rehearse", environment: [:], currentDirectory: layout.root.path)
    #expect(path == layout.program.resolvingSymlinksInPath().path)
  }

  @Test("a folder or a file that cannot run, of the same name on PATH, is passed over")
  func skipsWhatCannotRun() throws {
    let layout = try InstalledLayout()
    defer { layout.remove() }
    let decoys = layout.root.appendingPathComponent("decoys")
    try FileManager.default.createDirectory(
      at: decoys.appendingPathComponent("rehearse"), withIntermediateDirectories: true)
    let plain = layout.root.appendingPathComponent("plain")
    try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
    try Data().write(to: plain.appendingPathComponent("rehearse"))
    let path = ProgramPath.resolve(
      invokedAs: "rehearse",
      environment: ["PATH": "\(decoys.path):\(plain.path):\(layout.links.path)"],
      currentDirectory: "/")
    #expect(path == layout.program.resolvingSymlinksInPath().path)
  }

  @Test("the running program's path is a real file, not the name it was started by")
  func runningProgram() {
    let path = ProgramPath.current(arguments: ["rehearse"], environment: [:])
    #expect(path.hasPrefix("/"))
    #expect(FileManager.default.isExecutableFile(atPath: path))
  }

  @Test("started by name through a link, from any folder, the installed bank is found")
  func installedBankFromAnyFolder() throws {
    let layout = try InstalledLayout()
    defer { layout.remove() }
    for folder in ["/", layout.links.path, FileManager.default.temporaryDirectory.path] {
      let program = ProgramPath.resolve(
        invokedAs: "rehearse", environment: ["PATH": layout.links.path], currentDirectory: folder)
      let bank = try BankLocator.locate(
        explicit: nil, environment: [:], executablePath: program, currentDirectory: folder)
      #expect(bank.resolvingSymlinksInPath().path == layout.bank.resolvingSymlinksInPath().path)
    }
  }
}
