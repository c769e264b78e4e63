/// How text output is decorated: ANSI colour on a terminal, plain otherwise.
public struct TextStyle: Sendable {
  public var colored: Bool
  /// Whether each escape code is wrapped in `\u{01}`…`\u{02}` for a readline prompt.
  public var promptEscapes = false

  public init(colored: Bool) {
    self.colored = colored
  }

  /// No colour: for files, pipes and `NO_COLOR`.
  public static let plain = TextStyle(colored: false)

  /// Whether output to a stream should be coloured: only on a terminal, only without `NO_COLOR`.
  public static func forStream(
    isTerminal: Bool, environment: [String: String], noColorFlag: Bool
  ) -> TextStyle {
    let disabled = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
    return TextStyle(colored: isTerminal && !disabled)
  }

  private func wrap(_ text: String, _ code: String) -> String {
    guard colored else { return text }
    return promptEscapes
      ? "\u{01}\u{1B}[\(code)m\u{02}\(text)\u{01}\u{1B}[0m\u{02}"
      : "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }

  /// A band's name in its colour: green, yellow or red.
  public func band(_ band: Band) -> String {
    switch band {
    case .strong: green(band.rawValue)
    case .adequate: yellow(band.rawValue)
    case .weak: red(band.rawValue)
    }
  }
}
