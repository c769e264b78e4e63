import Foundation

/// How text output is decorated and laid out: ANSI colour on a terminal, plain otherwise, in
/// lines of `width` columns.
public struct TextStyle: Sendable {
  public var colored: Bool
  /// Whether each escape code is wrapped in `\u{01}`…`\u{02}` for a readline prompt.
  public var promptEscapes = false
  /// The columns a line may take: prose is wrapped to it, long values are cut to it. Code keeps
  /// its lines whatever their length.
  public var width: Int

  public init(colored: Bool, width: Int = TextStyle.defaultWidth) {
    self.colored = colored
    self.width = width
  }

  /// No colour, 80 columns: for files, pipes, `NO_COLOR` and `--color never`.
  public static let plain = TextStyle(colored: false)

  /// The width when nothing gives one: a terminal's classic 80 columns.
  public static let defaultWidth = 80
  /// The narrowest and widest lines laid out: below 40 columns nothing reads well, and prose
  /// wider than 100 is hard to read even on a wide terminal.
  public static let widthRange = 40...100

  /// How output to a stream is styled: coloured as `color` decides for it
  /// (`ColorChoice.colors(isTerminal:environment:)`); as wide as
  /// `lineWidth(isTerminal:terminalColumns:environment:)` says.
  public static func forStream(
    isTerminal: Bool, environment: [String: String], color: ColorChoice = .auto,
    terminalColumns: Int? = nil
  ) -> TextStyle {
    TextStyle(
      colored: color.colors(isTerminal: isTerminal, environment: environment),
      width: lineWidth(
        isTerminal: isTerminal, terminalColumns: terminalColumns, environment: environment))
  }

  /// The width of lines for a stream: a terminal's own width (`terminalColumns`, which the
  /// program measures with `TIOCGWINSZ`), else `COLUMNS` when it holds a positive number, else
  /// 80; kept within `widthRange`.
  ///
  /// A terminal's measured width comes first because `COLUMNS` is often stale (a shell exports
  /// it once, and the window is resized after); off a terminal, `COLUMNS` lets a script choose.
  public static func lineWidth(
    isTerminal: Bool, terminalColumns: Int?, environment: [String: String]
  ) -> Int {
    let measured = isTerminal ? terminalColumns.flatMap { $0 > 0 ? $0 : nil } : nil
    let named = Int(environment["COLUMNS"]?.trimmingCharacters(in: .whitespaces) ?? "")
      .flatMap { $0 > 0 ? $0 : nil }
    let columns = measured ?? named ?? defaultWidth
    return min(max(columns, widthRange.lowerBound), widthRange.upperBound)
  }

  private func wrap(_ text: String, _ code: String) -> String {
    guard colored else { return text }
    return promptEscapes
      ? "\u{01}\u{1B}[\(code)m\u{02}\(text)\u{01}\u{1B}[0m\u{02}"
      : "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func underline(_ text: String) -> String { wrap(text, "4") }
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
