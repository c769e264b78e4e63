import Foundation
import Testing

@testable import RehearseCore

/// A "billion laughs": ten texts, then eight levels of ten aliases to the level below, 10⁹
/// texts in all, the last level used as a mapping key (which the YAML library hashes whole).
/// The first alias of the fifth level (line 5) is where the aliases add more than 100,000 nodes.
let aliasBomb =
  "a: &a [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
  + zip("abcdefgh", "bcdefghi").map { below, level in
    "\(level): &\(level) [" + Array(repeating: "*\(below)", count: 10).joined(separator: ", ")
      + "]\n"
  }.joined() + "*i : laughs\n"

@Suite("Loading that cannot stall")
struct BankLoadingLimitTests {
  @Test("a 10⁹ alias bomb is refused at its alias, with file and line, before it is expanded")
  func aliasBomb() throws {
    let bank = try TestBank(replacing: ["rubrics/bomb.yaml": RehearseCoreTests.aliasBomb])
    defer { bank.remove() }
    let clock = ContinuousClock()
    var problems: [BankProblem] = []
    let elapsed = clock.measure { problems = bank.problems() }
    let file = bank.path("rubrics/bomb.yaml")
    #expect(
      problems.map(\.description) == [
        "\(file):5: alias '*d' makes the file's aliases add more than 100000 nodes, the most a "
          + "bank file may use (an alias repeats its whole anchored node)"
      ])
    #expect(BankLoadFailure(problems: problems).exitStatus == .dataError)
    // The acceptance's bound; the refusal takes milliseconds.
    #expect(elapsed < .seconds(1))
  }

  @Test("aliases that add little are read as the nodes they stand for")
  func modestAliases() throws {
    let rubrics = TestBank.rubrics.replacingOccurrences(
      of: "phrasings: [[etl, before load]]", with: "phrasings: &etl [[etl, before load]]"
    ).replacingOccurrences(
      of: "phrasings: [[elt, warehouse]]", with: "phrasings: *etl")
    let bank = try TestBank(replacing: ["rubrics/database-concepts.yaml": rubrics])
    defer { bank.remove() }
    let loaded = try Bank.load(from: bank.root)
    let points = try #require(loaded.rubrics["dbc-etl"]?.points)
    let shared = [Phrasing(["etl", "before load"])]
    #expect(points.map(\.phrasings) == [shared, shared])
  }

  @Test("a star in text, in quotes or in a comment is not an alias")
  func starsInText() throws {
    let questions = TestBank.questions.replacingOccurrences(
      of: "prompt: ETL or ELT?",
      with: "prompt: \"SELECT *name FROM t\"  # *also not an alias")
    let bank = try TestBank(replacing: ["question-bank/database-concepts.yaml": questions])
    defer { bank.remove() }
    let loaded = try Bank.load(from: bank.root)
    #expect(loaded.question(id: "dbc-etl")?.prompt == "SELECT *name FROM t")
  }

  @Test(
    "a named pipe, a device, a socket or a folder as a bank file is refused as such, exit 66",
    arguments: ["a named pipe", "a character device", "a socket", "a folder"])
  func specialFile(kind: String) throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let path = bank.path("rubrics/special.yaml")
    switch kind {
    case "a named pipe": #expect(mkfifo(path, 0o600) == 0)
    case "a character device":
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
    case "a socket": try bindSocket(at: path)
    default:
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }
    // A named pipe with no writer would block a reader that opened it: the load returning at
    // all shows it was not waited on.
    let problems = bank.problems()
    let message = kind == "a folder" ? "a folder, not a file" : "not a regular file (\(kind))"
    #expect(problems.map(\.description) == ["\(path):1: \(message)"])
    #expect(BankLoadFailure(problems: problems).exitStatus == .noInput)
  }

  @Test("a bank file over the size limit is refused at the line the limit falls on")
  func tooLarge() throws {
    let line = "# " + String(repeating: "x", count: 1021) + "\n"
    let text = String(repeating: line, count: YAMLFile.maximumBytes / 1024 + 1)
    let bank = try TestBank(replacing: ["rubrics/large.yaml": text])
    defer { bank.remove() }
    #expect(
      bank.problems().map(\.description) == [
        "\(bank.path("rubrics/large.yaml")):\(YAMLFile.maximumBytes / 1024 + 1): longer than the "
          + "limit of 4 MiB"
      ])
  }
}

/// Leaves a Unix socket at `path`.
private func bindSocket(at path: String) throws {
  let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
  try #require(descriptor >= 0)
  defer { close(descriptor) }
  var address = sockaddr_un()
  address.sun_family = sa_family_t(AF_UNIX)
  let bytes = Array(path.utf8)
  try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
  withUnsafeMutableBytes(of: &address.sun_path) { buffer in
    buffer.copyBytes(from: bytes)
  }
  let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
    }
  }
  try #require(bound == 0)
}
