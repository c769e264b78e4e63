import Foundation
import RehearseCore
import Testing

/// The config file's keys, their checks, and the precedence flag > file > built-in default.
@Suite("User config")
struct UserConfigTests {
  @Test("every key is read: minutes as an integer or a float, pause, focus and color")
  func keys() throws {
    let config = try UserConfig.parse(
      """
      minutes = 4
      session-minutes = 22.5
      pause = false
      focus = "data-eng"
      color = "never"
      """, file: "c.toml")
    #expect(config.minutes == 4)
    #expect(config.sessionMinutes == 22.5)
    #expect(config.pause == false)
    #expect(config.focus == "data-eng")
    #expect(config.color == ColorChoice.never)
    #expect(config.warnings.isEmpty)
    #expect(config.file == "c.toml")
  }

  @Test(
    "a value of the wrong type or not allowed is file:line: message, exit 65",
    arguments: [
      (#"minutes = "5""#, "'minutes' must be a number of minutes"),
      ("minutes = 0", "outside 0.05 to 1440"), ("session-minutes = 1441", "outside 0.05 to 1440"),
      ("minutes = -inf", "outside"), ("minutes = nan", "outside"),
      (#"pause = "no""#, "'pause' must be true or false, not a string"),
      ("focus = 3", "'focus' must be a focus name in quotes, not an integer"),
      (#"focus = "Data Eng""#, "not a focus name"),
      (#"color = "blue""#, "'blue' is not auto, always or never"),
      ("color = true", "'color' must be"),
    ])
  func badValues(line: String, message: String) {
    #expect {
      try UserConfig.parse("# mine\n\(line)\n", file: "/home/me/config.toml")
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.exitStatus == .dataError
        && error.description.hasPrefix("/home/me/config.toml:2: ")
        && error.description.contains(message)
    }
  }

  @Test("an unknown key is a warning naming file:line and the nearest key; the rest applies")
  func unknownKey() throws {
    let config = try UserConfig.parse("minuts = 3\ncolor = \"always\"\n", file: "c.toml")
    #expect(config.color == ColorChoice.always)
    #expect(config.minutes == nil)
    #expect(
      config.warnings == [
        .unknownKey(file: "c.toml", line: 1, key: "minuts", suggestions: ["minutes"])
      ])
    #expect(
      config.warnings[0].description.hasPrefix(
        "c.toml:1: unknown key 'minuts' (did you mean 'minutes'?)"))
  }

  @Test("an absent file is no error and sets nothing; a folder or binary file is an error")
  func files() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let absent = try UserConfig.load(path: folder.appendingPathComponent("none.toml").path)
    #expect(absent == UserConfig())
    #expect(absent.file == nil)

    #expect(throws: ConfigError.self) { try UserConfig.load(path: folder.path) }
    do {
      _ = try UserConfig.load(path: folder.path)
    } catch {
      #expect(error.exitStatus == .noInput)
    }
    let binary = folder.appendingPathComponent("binary.toml")
    try Data([0x6D, 0x00, 0xFF]).write(to: binary)
    do {
      _ = try UserConfig.load(path: binary.path)
      Issue.record("a binary file was read")
    } catch {
      #expect(error.exitStatus == .dataError)
      #expect(error.description.contains("not UTF-8 text"))
    }
    let written = folder.appendingPathComponent("config.toml")
    try Data("minutes = 2\n".utf8).write(to: written)
    #expect(try UserConfig.load(path: written.path).minutes == 2)
  }

  @Test("a flag wins over the file, and the file over the built-in default")
  func precedence() {
    let file = UserConfig(
      minutes: 4, sessionMinutes: 30, pause: false, focus: "data-eng", color: .always)
    let none = UserConfig()

    #expect(file.minutes(flag: 2) == 2)
    #expect(file.minutes(flag: nil) == 4)
    #expect(none.minutes(flag: nil) == nil)

    #expect(file.sessionMinutes(flag: 10) == 10)
    #expect(file.sessionMinutes(flag: nil) == 30)
    #expect(none.sessionMinutes(flag: nil) == nil)

    #expect(file.pausesAfterFeedback(flag: true) == true)
    #expect(file.pausesAfterFeedback(flag: nil) == false)
    #expect(none.pausesAfterFeedback(flag: nil) == true)
    #expect(none.pausesAfterFeedback(flag: false) == false)

    #expect(file.focus(flag: "other", off: false) == "other")
    #expect(file.focus(flag: nil, off: false) == "data-eng")
    #expect(file.focus(flag: nil, off: true) == nil)
    #expect(none.focus(flag: nil, off: false) == nil)

    #expect(file.color(flag: .never) == .never)
    #expect(file.color(flag: nil) == .always)
    #expect(none.color(flag: nil) == .auto)
  }

  @Test(
    "colour: auto follows the terminal and NO_COLOR; always and never override both",
    arguments: [
      (ColorChoice.auto, true, nil, true), (.auto, true, "1", false), (.auto, true, "", true),
      (.auto, false, nil, false), (.always, false, "1", true), (.always, true, nil, true),
      (.never, true, nil, false), (.never, false, nil, false),
    ] as [(ColorChoice, Bool, String?, Bool)])
  func colour(choice: ColorChoice, isTerminal: Bool, noColor: String?, colored: Bool) {
    let environment = noColor.map { ["NO_COLOR": $0] } ?? [:]
    #expect(choice.colors(isTerminal: isTerminal, environment: environment) == colored)
    #expect(
      TextStyle.forStream(isTerminal: isTerminal, environment: environment, color: choice)
        .colored == colored)
  }
}
