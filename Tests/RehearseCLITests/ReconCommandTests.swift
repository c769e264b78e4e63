import Foundation
import Testing

/// `rehearse recon` and `--focus` as a user runs them: reading, saving, listing, showing,
/// removing, bad input, and a focused mock session.
@Suite("recon command")
struct ReconCommandTests {
  static let netease = "examples/job-descriptions/netease-games-data-platform.md"
  static let analytics = "Tests/RehearseCoreTests/Fixtures/job-descriptions/analytics-engineer.md"

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("recon FILE --format json names the terms, the gaps and the weights")
  func readJSON() throws {
    let run = try RehearseProcess.run(["recon", Self.netease, "--format", "json"])
    #expect(run.status == 0, "\(run.standardError)")
    let report = try Self.json(run.standardOutput)
    let terms = try #require(report["terms"] as? [[String: Any]])
    let names = Set(terms.compactMap { $0["name"] as? String })
    #expect(
      names.isSuperset(of: ["AWS", "GCP", "Hadoop", "Kafka", "TCP/IP", "cloud architecture"]))
    let components = try #require(report["components"] as? [String: Double])
    let ranked = components.sorted { $0.value > $1.value }.map(\.key)
    #expect(Array(ranked.prefix(2)) == ["cloud-platforms", "system-design"])
    #expect(report["gaps"] is [String])
  }

  @Test("recon reads standard input, and a file named like a subcommand by its path")
  func inputs() throws {
    let text = try String(
      contentsOf: RehearseProcess.repository.appendingPathComponent(Self.analytics),
      encoding: .utf8)
    let piped = try RehearseProcess.run(["recon", "-"], input: Data(text.utf8))
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(piped.standardOutput.contains("Recon of <stdin>"))
    #expect(piped.standardOutput.contains("Looker"))
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-recon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(text.utf8).write(to: folder.appendingPathComponent("list"))
    let named = try RehearseProcess.run(
      ["recon", "./list", "--bank", RehearseProcess.repository.path], in: folder)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(named.standardOutput.contains("Recon of ./list"))
  }

  @Test(
    "bad input gets file: message and its exit code",
    arguments: [
      ("missing.md", 66, "no such file"), ("folder", 66, "a folder"),
      ("binary.md", 65, "not UTF-8 text"), ("huge.md", 65, "longer than the limit"),
    ])
  func badInput(name: String, status: Int32, message: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-recon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x41, 0x00, 0xFF]).write(to: folder.appendingPathComponent("binary.md"))
    try Data(repeating: 0x61, count: 1024 * 1024).write(
      to: folder.appendingPathComponent("huge.md"))
    let path = folder.appendingPathComponent(name).path
    let run = try RehearseProcess.run(["recon", path])
    #expect(run.status == status, "\(run.standardError)")
    #expect(run.standardError.contains(path) && run.standardError.contains(message))
  }

  @Test("--save keeps a focus; list, show and rm work on it; names are checked")
  func saveListShowRemove() throws {
    let home = SharedHome()
    defer { home.remove() }
    let save = try home.run(["recon", Self.netease, "--save", "netease"])
    #expect(save.status == 0, "\(save.standardError)")
    #expect(save.standardOutput.contains("Saved as focus 'netease'"))
    let again = try home.run(["recon", Self.netease, "--save", "netease"])
    #expect(again.status == 73)
    #expect(again.standardError.contains("--force"))
    #expect(try home.run(["recon", Self.netease, "--save", "netease", "--force"]).status == 0)
    let badName = try home.run(["recon", Self.netease, "--save", "Net Ease"])
    #expect(badName.status == 64)
    #expect(badName.standardError.contains("not a focus name"))

    let list = try home.run(["recon", "list", "--format", "json"])
    #expect(list.status == 0)
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
    #expect(listed.compactMap { $0["name"] as? String } == ["netease"])
    #expect(listed.first?["top"] as? [String] == ["cloud-platforms", "system-design"])

    let show = try home.run(["recon", "show", "netease"])
    #expect(show.status == 0)
    #expect(show.standardOutput.contains("Focus netease") && show.standardOutput.contains("Kafka"))

    let unknown = try home.run(["recon", "show", "netase"])
    #expect(unknown.status == 64)
    #expect(unknown.standardError.contains("did you mean 'netease'"))
    #expect(unknown.standardError.contains("saved: netease"))

    #expect(try home.run(["recon", "rm", "netease"]).status == 0)
    let gone = try home.run(["recon", "rm", "netease"])
    #expect(gone.status == 64)
    #expect(try home.run(["recon", "list"]).standardOutput.contains("No focus saved yet"))
  }

  @Test("a damaged focus file is reported as file:line, exit 65, and list keeps the others")
  func damaged() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["recon", Self.netease, "--save", "good"]).status == 0)
    let file = home.url.appendingPathComponent("focus/bad.yaml")
    try Data("name: bad\ncomponents:\n  cloud: high\n".utf8).write(to: file)
    for arguments in [
      ["recon", "show", "bad"], ["mock", "--focus", "bad"], ["today", "--focus", "bad"],
    ] {
      let run = try home.run(arguments, input: "")
      #expect(run.status == 65, "\(arguments): \(run.standardError)")
      #expect(run.standardError.contains("\(file.path):3:"), "\(arguments): \(run.standardError)")
    }
    let list = try home.run(["recon", "list"])
    #expect(list.status == 65)
    #expect(list.standardOutput.contains("good"))
    #expect(list.standardError.contains("\(file.path):3:"))
  }

  @Test("mock --focus leans on the focus, says so, and ends with its gaps; resume keeps it")
  func focusedMock() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["recon", Self.analytics, "--save", "analytics"]).status == 0)
    let answers = String(repeating: "I would model it with facts and dimensions.\n.\n", count: 7)
    let mock = try home.run(["mock", "--focus", "analytics", "--seed", "5"], input: answers)
    #expect(mock.status == 0, "\(mock.standardError)")
    #expect(mock.standardError.contains("focused on analytics"))
    #expect(mock.standardOutput.contains("Focus analytics"))
    #expect(mock.standardOutput.contains("Dagster"), "the gap is shown at the end")
    let review = try home.run(["review", "last", "--format", "json"])
    let transcript = try Self.json(review.standardOutput)
    let components = try #require(transcript["answers"] as? [[String: Any]]).compactMap {
      $0["component"] as? String
    }
    #expect(components.count == 7)
    #expect(components.count { $0 == "data-models" || $0 == "ci-cd" } >= 5, "\(components)")

    // Cut short, then resumed: the gaps still end it.
    let cut = try home.run(["mock", "--focus", "analytics", "--seed", "6"], input: "first\n.\n")
    #expect(cut.status == 0, "\(cut.standardError)")
    let resumed = try home.run(["mock", "--resume"], input: answers)
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardOutput.contains("Focus analytics"))
    let unknown = try home.run(["mock", "--focus", "analytic"], input: "")
    #expect(unknown.status == 64)
    #expect(unknown.standardError.contains("did you mean 'analytics'"))
  }

  @Test("today and progress take --focus")
  func todayAndProgress() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["recon", Self.analytics, "--save", "analytics"]).status == 0)
    let today = try home.run(["today", "--focus", "analytics", "--format", "json"])
    #expect(today.status == 0, "\(today.standardError)")
    let plan = try Self.json(today.standardOutput)
    #expect(plan["focus"] as? String == "analytics")
    let suggested = try #require(plan["suggested"] as? [[String: Any]]).compactMap {
      $0["component"] as? String
    }
    #expect(suggested.count { $0 == "data-models" || $0 == "ci-cd" } >= 5, "\(suggested)")
    let progress = try home.run(["progress", "--focus", "analytics", "--format", "json"])
    #expect(progress.status == 0, "\(progress.standardError)")
    let report = try Self.json(progress.standardOutput)
    let focus = try #require(report["focus"] as? [String: Any])
    let terms = try #require(focus["terms"] as? [[String: Any]])
    #expect(terms.contains { $0["name"] as? String == "Dagster" && $0["questions"] as? Int == 0 })
    let text = try home.run(["progress", "--focus", "analytics"])
    #expect(text.standardOutput.contains("Focus analytics"))
  }
}
