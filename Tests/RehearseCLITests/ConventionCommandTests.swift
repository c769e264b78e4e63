import Foundation
import RehearseCore
import Testing

/// The conventions a user of command-line tools expects: `--color` beside `NO_COLOR`, a config
/// file of defaults that flags override, and `rehearse doctor`.
@Suite("Colour, config file and doctor")
struct ConventionCommandTests {
  static let question = "dbc-sharding-vs-partitioning"
  static let escape = "\u{1B}["

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A home whose config file holds `text`.
  static func home(config text: String) throws -> SharedHome {
    let home = SharedHome()
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: home.configPath))
    return home
  }

  @Test(
    "--color always colours off a terminal, even with NO_COLOR; never and auto do not",
    arguments: [
      (["--color", "always"], "1", true), (["--color", "always"], "", true),
      (["--color", "never"], "", false), (["--color", "auto"], "", false), ([], "", false),
      (["--no-color"], "", false),
    ])
  func colourFlag(flags: [String], noColor: String, colored: Bool) throws {
    let run = try RehearseProcess.run(
      ["bank", "show", Self.question] + flags, environment: ["NO_COLOR": noColor])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains(Self.escape) == colored)
  }

  @Test("a --color value that is not auto, always or never is bad usage, exit 64")
  func badColour() throws {
    let run = try RehearseProcess.run(["bank", "stats", "--color", "blue"])
    #expect(run.status == 64)
    #expect(run.standardError.contains("The value 'blue' is invalid for '--color <when>'"))
    let both = try RehearseProcess.run(["bank", "stats", "--no-color", "--color", "always"])
    #expect(both.status == 64)
  }

  @Test("the config file's color applies, and a flag overrides it")
  func configColour() throws {
    let home = try Self.home(config: "color = \"always\"  # even in pipes\n")
    defer { home.remove() }
    let file = try home.run(["bank", "show", Self.question])
    #expect(file.status == 0, "\(file.standardError)")
    #expect(file.standardOutput.contains(Self.escape))
    let flag = try home.run(["bank", "show", Self.question, "--no-color"])
    #expect(!flag.standardOutput.contains(Self.escape))
  }

  @Test("the config's minutes and focus change a piped mock; flags override them")
  func configDefaultsMock() throws {
    let home = try Self.home(config: "minutes = 2.5\npause = false\nfocus = \"analytics\"\n")
    defer { home.remove() }
    let saved = try home.run(["recon", ReconCommandTests.analytics, "--save", "analytics"])
    #expect(saved.status == 0, "\(saved.standardError)")
    let answer = "Facts and dimensions, with a date key.\n.\n"

    let defaults = try home.run(["mock", "--count", "1", "--seed", "4"], input: answer)
    #expect(defaults.status == 0, "\(defaults.standardError)")
    #expect(defaults.standardError.contains("2:30 in all"))
    #expect(defaults.standardError.contains("focused on analytics"))
    #expect(defaults.standardOutput.contains("Focus analytics"))

    let flags = try home.run(
      ["mock", "--count", "1", "--seed", "4", "--minutes", "1", "--no-focus"], input: answer)
    #expect(flags.status == 0, "\(flags.standardError)")
    #expect(flags.standardError.contains("1:00 in all"))
    #expect(!flags.standardError.contains("focused on"))

    // --question names the questions exactly: the file's focus is not applied to it.
    let named = try home.run(["mock", "--question", Self.question], input: answer)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(!named.standardError.contains("focused on"))

    let today = try Self.json(try home.run(["today", "--format", "json"]).standardOutput)
    #expect(today["focus"] as? String == "analytics")
    let unfocused = try Self.json(
      try home.run(["today", "--format", "json", "--no-focus"]).standardOutput)
    #expect(unfocused["focus"] == nil || unfocused["focus"] is NSNull)
  }

  @Test(
    "a bad config stops every command with file:line, exit 65; an unknown key is a warning",
    arguments: [
      ("pause = true\nminutes = \"five\"\n", 65, ":2: 'minutes' must be a number"),
      ("\n[session]\nminutes = 3\n", 65, ":2: [session] is a table header"),
      ("pause = maybe\n", 65, ":1: 'maybe' is not a value"),
      ("# typo\nminuts = 3\n", 0, ":2: unknown key 'minuts' (did you mean 'minutes'?)"),
    ])
  func badConfig(text: String, status: Int32, message: String) throws {
    let home = try Self.home(config: text)
    defer { home.remove() }
    let run = try home.run(["bank", "stats"])
    #expect(run.status == status, "\(run.standardError)")
    #expect(run.standardError.contains(home.configPath + message), "\(run.standardError)")
    #expect(run.standardOutput.isEmpty == (status != 0))
    let doctor = try home.run(["doctor"])
    #expect(doctor.status == (status == 0 ? 0 : 1), "\(doctor.standardOutput)")
    #expect(doctor.standardOutput.contains(home.configPath + message))
  }

  @Test("doctor on a fresh home reports every check in text and JSON and creates nothing")
  func doctorFreshHome() throws {
    let home = SharedHome()
    defer { home.remove() }
    let text = try home.run(["doctor"])
    #expect(text.status == 0, "\(text.standardOutput)\(text.standardError)")
    for name in ["bank", "own bank", "data", "store", "cache", "config", "python3"] {
      #expect(text.standardOutput.contains("  \(name) "), "no \(name) line")
    }
    #expect(text.standardOutput.contains("not created yet (the first session makes it)"))
    #expect(!text.standardOutput.contains(Self.escape))
    let version = try home.run(["--version"]).standardOutput
    #expect(
      text.standardOutput.hasPrefix("rehearse \(version.trimmingCharacters(in: .newlines)) ("))
    let json = try Self.json(try home.run(["doctor", "--format", "json"]).standardOutput)
    #expect(json["ok"] as? Bool == true)
    #expect((json["version"] as? String).map { version.hasPrefix($0) } == true)
    let program = try #require(json["program"] as? String)
    #expect(FileManager.default.isExecutableFile(atPath: program))
    let checks = try #require(json["checks"] as? [[String: Any]])
    let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0["name"] as? String ?? "", $0) })
    let bank = try #require(byName["bank"]?["facts"] as? [String: Any])
    #expect(bank["path"] as? String == RehearseProcess.repository.standardizedFileURL.path)
    #expect((bank["questions"] as? Int ?? 0) > 200)
    let data = try #require(byName["data"]?["facts"] as? [String: Any])
    #expect(data["exists"] as? Bool == false)
    let cache = try #require(byName["cache"]?["facts"] as? [String: Any])
    #expect(cache["path"] as? String == home.url.appendingPathComponent("cache").path)
    #expect(cache["format_version"] is Int)
    let config = try #require(byName["config"]?["facts"] as? [String: Any])
    #expect(config["found"] as? Bool == false)
    let python = try #require(byName["python3"])
    if PythonChecker.locate(environment: ProcessInfo.processInfo.environment).isAvailable {
      #expect(python["status"] as? String == "ok")
      let facts = try #require(python["facts"] as? [String: Any])
      #expect((facts["version"] as? String)?.hasPrefix("3.") == true)
      #expect(facts["sandbox"] as? Bool == true)
    } else {
      #expect(python["status"] as? String == "warning")
    }
    #expect(!FileManager.default.fileExists(atPath: home.url.path), "doctor made the home")
  }

  @Test("doctor on a used home shows the store's schema version and changes no file")
  func doctorUsedHome() throws {
    let home = SharedHome()
    defer { home.remove() }
    let mock = try home.run(["mock", "--count", "1", "--seed", "2"], input: "An answer.\n.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    let before = try Self.snapshot(home.url)
    let text = try home.run(["doctor"])
    #expect(text.status == 0, "\(text.standardOutput)")
    #expect(text.standardOutput.contains("schema v"))
    #expect(text.standardOutput.contains("up to date"))
    let json = try Self.json(try home.run(["doctor", "--format", "json"]).standardOutput)
    let checks = try #require(json["checks"] as? [[String: Any]])
    let store = try #require(checks.first { $0["name"] as? String == "store" })
    let facts = try #require(store["facts"] as? [String: Any])
    let version = try #require(facts["schema_version"] as? Int)
    #expect(version >= 7 && version == facts["latest_schema_version"] as? Int)
    #expect(try Self.snapshot(home.url) == before, "doctor changed the home")
  }

  @Test("doctor names a stale cache folder in the data folder, and a bank that is not found")
  func doctorProblems() throws {
    let home = SharedHome()
    defer { home.remove() }
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-xdg-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    try FileManager.default.createDirectory(
      at: home.url.appendingPathComponent("cache"), withIntermediateDirectories: true)
    let stale = try RehearseProcess.run(
      ["doctor"],
      environment: home.environment.merging(["XDG_CACHE_HOME": cache.path]) { $1 })
    #expect(stale.status == 0, "a stale folder is a warning")
    #expect(stale.standardOutput.contains(cache.appendingPathComponent("rehearse").path))
    #expect(stale.standardOutput.contains("cache folder of an older version"))

    let missing = try RehearseProcess.run(
      ["doctor"], environment: home.environment.merging(["REHEARSE_BANK": "/nonexistent"]) { $1 })
    #expect(missing.status == 1)
    #expect(missing.standardOutput.contains("FAIL  bank"))
    #expect(missing.standardOutput.contains("1 check failed: bank."))
  }

  @Test("a config file's pause = false goes straight on at a terminal; --pause overrides it")
  func configPause() throws {
    let home = try Self.home(config: "pause = false\n")
    defer { home.remove() }
    let straight = try PseudoTerminalSession(SessionTrustTests.twoOpenQuestions, home: home)
    #expect(straight.waitFor("session "))
    straight.type("An answer.\r.\r")
    #expect(straight.waitFor("Question 2 of 2"))
    #expect(!straight.screen.contains("clock stopped"))
    straight.type(":quit\r")
    #expect(straight.exitStatus() == 0)

    let paused = try PseudoTerminalSession(
      SessionTrustTests.twoOpenQuestions + ["--pause"], home: home)
    #expect(paused.waitFor("session "))
    paused.type("An answer.\r.\r")
    #expect(paused.waitFor("Enter: question 2 of 2"))
    paused.type(":quit\r")
    #expect(paused.exitStatus() == 0)
  }

  /// Every path under `folder` with its mode, size and modification time.
  static func snapshot(_ folder: URL) throws -> [String] {
    let manager = FileManager.default
    let paths = [""] + (manager.subpaths(atPath: folder.path) ?? []).sorted()
    return try paths.map { path in
      let attributes = try manager.attributesOfItem(
        atPath: folder.appendingPathComponent(path).path)
      let mode = (attributes[.posixPermissions] as? Int) ?? -1
      let size = (attributes[.size] as? Int) ?? -1
      let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(path) \(String(mode, radix: 8)) \(size) \(modified)"
    }
  }
}
