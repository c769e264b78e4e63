import Foundation

/// The user's defaults, from the optional config file (`config.toml`, found by
/// `UserConfig.path(environment:)`): what a command does when its flag is not given.
///
/// Precedence is the same for every key: a command-line flag wins over the file, and the file
/// wins over the built-in default. The file is read whole before any command runs: a syntax
/// error or a wrong value stops the command (`ConfigError`, exit 65), so nothing runs on half a
/// config; an unknown key is kept as a warning (`warnings`) and the rest of the file applies.
public struct UserConfig: Equatable, Sendable {
  /// The time for each answer of `mock` and `ask`, in minutes (`--minutes`).
  public var minutes: Double?
  /// The time for a whole session of `mock` and `ask`, in minutes (`--session-minutes`).
  public var sessionMinutes: Double?
  /// Whether a session at a terminal waits after each answer's feedback (`false` is
  /// `--no-pause`).
  public var pause: Bool?
  /// The saved focus `mock`, `today` and `progress` use when no `--focus` is given.
  public var focus: String?
  /// When to colour the output (`--color`).
  public var color: ColorChoice?
  /// Whether answers are also read by meaning, blended into the rubric's score (`false` is
  /// `--no-semantic`).
  public var semantic: Bool?
  /// The file these defaults were read from; `nil` when there is none.
  public var file: String?
  /// The keys of the file that were ignored (`ConfigError.unknownKey`), to show as warnings.
  public var warnings: [ConfigError] = []

  public init(
    minutes: Double? = nil, sessionMinutes: Double? = nil, pause: Bool? = nil,
    focus: String? = nil, color: ColorChoice? = nil
  ) {
    self.minutes = minutes
    self.sessionMinutes = sessionMinutes
    self.pause = pause
    self.focus = focus
    self.color = color
  }

  /// The keys the file takes.
  public static let keys = ["color", "focus", "minutes", "pause", "semantic", "session-minutes"]
  /// The times `minutes` and `session-minutes` may hold: those `--minutes` and
  /// `--session-minutes` take (`SessionPlan`), from 3 seconds to a day.
  public static let minuteRange = SessionPlan.minimumMinutes...SessionPlan.maximumMinutes
  /// The largest config file read: a few lines need far less.
  public static let maximumBytes = 64 * 1024

  /// The defaults in the file at `path`; no defaults (and no error) when there is no file.
  public static func load(path: String) throws(ConfigError) -> UserConfig {
    let text: String
    do {
      text = try TextFile.read(path: path, limit: maximumBytes, regularFileOnly: true)
    } catch .missing {
      return UserConfig()
    } catch {
      throw .unreadable(error)
    }
    return try parse(text, file: path)
  }

  /// The defaults `text` sets; `file` names it in messages.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> UserConfig {
    var config = UserConfig()
    config.file = file
    for entry in try TOMLReader.entries(in: text, file: file) {
      try config.apply(entry, file: file)
    }
    return config
  }

  private mutating func apply(_ entry: TOMLEntry, file: String) throws(ConfigError) {
    func wrongType(_ expected: String) -> ConfigError {
      .wrongType(
        file: file, line: entry.line, key: entry.key, expected: expected, found: entry.value.kind)
    }
    func invalid(_ message: String) -> ConfigError {
      .invalidValue(file: file, line: entry.line, key: entry.key, message: message)
    }
    switch entry.key {
    case "minutes", "session-minutes":
      let number: Double
      switch entry.value {
      case .integer(let value): number = Double(value)
      case .float(let value): number = value
      default: throw wrongType("a number of minutes, such as 5 or 1.5")
      }
      guard Self.minuteRange.contains(number) else {
        throw invalid(
          "\(Self.number(number)) minutes is outside \(Self.number(Self.minuteRange.lowerBound)) to "
            + "\(Self.number(Self.minuteRange.upperBound))")
      }
      if entry.key == "minutes" { minutes = number } else { sessionMinutes = number }
    case "pause":
      guard case .boolean(let value) = entry.value else { throw wrongType("true or false") }
      pause = value
    case "semantic":
      guard case .boolean(let value) = entry.value else { throw wrongType("true or false") }
      semantic = value
    case "focus":
      guard case .string(let name) = entry.value else { throw wrongType("a focus name in quotes") }
      guard Focus.isValidName(name) else {
        throw invalid(
          "'\(name)' is not a focus name: use lowercase letters, digits and single hyphens")
      }
      focus = name
    case "color":
      guard case .string(let name) = entry.value else {
        throw wrongType("\"auto\", \"always\" or \"never\"")
      }
      guard let choice = ColorChoice(rawValue: name) else {
        throw invalid("'\(name)' is not auto, always or never")
      }
      color = choice
    default:
      warnings.append(
        .unknownKey(
          file: file, line: entry.line, key: entry.key,
          suggestions: EditDistance.nearest(to: entry.key, among: Self.keys, count: 1)))
    }
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  // MARK: - Precedence: the flag, else the file, else the built-in default

  /// When to colour: `flag` (`--color`, or `never` for `--no-color`), else the file's, else
  /// `auto`.
  public func color(flag: ColorChoice?) -> ColorChoice { flag ?? color ?? .auto }

  /// The time for each answer: `flag` (`--minutes`), else the file's, else `nil` (each
  /// question's own).
  public func minutes(flag: Double?) -> Double? { flag ?? minutes }

  /// The time for the session: `flag` (`--session-minutes`), else the file's, else `nil` (the
  /// sum of the answers' times).
  public func sessionMinutes(flag: Double?) -> Double? { flag ?? sessionMinutes }

  /// Whether a session at a terminal waits after feedback: `flag` (`--pause` or `--no-pause`),
  /// else the file's, else yes.
  public func pausesAfterFeedback(flag: Bool?) -> Bool { flag ?? pause ?? true }

  /// Whether answers are read by meaning: not with `off` (`--no-semantic`), else the file's,
  /// else yes.
  public func readsMeaning(off: Bool) -> Bool { off ? false : semantic ?? true }

  /// The focus to use: none with `off` (`--no-focus`), else `flag` (`--focus`), else the
  /// file's.
  public func focus(flag: String?, off: Bool) -> String? { off ? nil : flag ?? focus }
}
