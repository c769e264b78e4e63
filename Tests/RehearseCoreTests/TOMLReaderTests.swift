import Foundation
import RehearseCore
import Testing

/// The TOML subset of the config file: every form it takes, and every form it refuses with
/// the line it is on.
@Suite("TOML reader")
struct TOMLReaderTests {
  static func value(_ line: String) throws -> TOMLValue {
    let entries = try TOMLReader.entries(in: "key = \(line)\n", file: "c.toml")
    return try #require(entries.first).value
  }

  @Test(
    "each documented value form reads as TOML says",
    arguments: [
      (#""plain""#, TOMLValue.string("plain")),
      (
        #""tab\there \"q\" back\\slash \u00e9 \U0001F600 \n""#,
        .string("tab\there \"q\" back\\slash é 😀 \n")
      ),
      (#"'C:\path\no escapes'"#, .string(#"C:\path\no escapes"#)),
      (#""""#, .string("")), ("''", .string("")),
      ("42", .integer(42)), ("+7", .integer(7)), ("-3", .integer(-3)), ("0", .integer(0)),
      ("1_000", .integer(1000)),
      ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), ("5e-1", .float(0.5)),
      ("1_0.5E+1", .float(105)), ("inf", .float(.infinity)), ("-inf", .float(-.infinity)),
      ("true", .boolean(true)), ("false", .boolean(false)),
    ])
  func valueForms(text: String, expected: TOMLValue) throws {
    #expect(try Self.value(text) == expected)
  }

  @Test("nan is a float that is not a number")
  func notANumber() throws {
    guard case .float(let value) = try Self.value("nan") else {
      Issue.record("nan is not a float")
      return
    }
    #expect(value.isNaN)
  }

  @Test("comments, blank lines, spaces, tabs and CRLF line ends are taken; lines are counted")
  func layout() throws {
    let text =
      "# defaults\r\n\r\n  \t\nminutes = 5   # per answer\r\n\tpause=false\n"
      + "focus-name_2 = \"a # not a comment\" # but this is\n# end"
    let entries = try TOMLReader.entries(in: text, file: "c.toml")
    #expect(
      entries == [
        TOMLEntry(key: "minutes", value: .integer(5), line: 4),
        TOMLEntry(key: "pause", value: .boolean(false), line: 5),
        TOMLEntry(key: "focus-name_2", value: .string("a # not a comment"), line: 6),
      ])
  }

  @Test(
    "a form the subset does not take is an error naming its line",
    arguments: [
      ("[session]", "table header"), ("[[focus]]", "table header"),
      ("a.b = 1", "dotted keys"), (#""quoted" = 1"#, "quoted keys"),
      ("minutes 5", "expected '='"), ("= 5", "expected a key"), ("minutes =", "missing"),
      ("minutes = # none", "missing"), (#"focus = "open"#, "not closed"),
      ("focus = 'open", "not closed"), (#"focus = "bad \q""#, "not an escape"),
      (#"focus = "\u12""#, "hexadecimal"), (#"focus = """many""""#, "multi-line"),
      ("focus = '''many'''", "multi-line"), ("tags = [1, 2]", "arrays"),
      ("limits = { a = 1 }", "inline tables"), ("day = 2026-12-04", "dates"),
      ("mask = 0x1F", "only decimal"), ("count = 007", "not a value"),
      ("count = 1__0", "not a value"), ("count = 1.", "not a value"),
      ("count = .5", "not a value"), ("pause = yes", "not a value"),
      ("pause = True", "not a value"), ("minutes = 5 6", "unexpected text"),
      ("focus = \"a\u{07}b\"", "control character"),
    ])
  func refusedForms(line: String, message: String) {
    let text = "# first\nminutes = 1\n\(line)\n"
    #expect {
      try TOMLReader.entries(in: text, file: "c.toml")
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.line == 3 && error.exitStatus == .dataError
        && error.description.hasPrefix("c.toml:3: ") && error.description.contains(message)
    }
  }

  @Test("a key given twice is an error on the second line, naming the first")
  func duplicateKey() {
    #expect(throws: ConfigError.duplicateKey(file: "c.toml", line: 4, key: "pause", firstLine: 2)) {
      try TOMLReader.entries(in: "\npause = true\nminutes = 3\npause = false\n", file: "c.toml")
    }
  }
}
