/// Whether output is coloured, as `--color` and the config file's `color` choose.
///
/// An explicit choice (`always`, `never`) wins over `NO_COLOR`, as no-color.org asks of
/// command-line flags and configuration; `auto` follows the stream and `NO_COLOR`.
public enum ColorChoice: String, CaseIterable, Sendable {
  /// Colour only on a terminal, and only when `NO_COLOR` is unset or empty (the default).
  case auto
  /// Colour everywhere, off a terminal and with `NO_COLOR` set too.
  case always
  /// Never colour (`--no-color`).
  case never

  /// Whether a stream is coloured under this choice: `isTerminal` says whether it is a
  /// terminal, `environment` holds `NO_COLOR`.
  public func colors(isTerminal: Bool, environment: [String: String]) -> Bool {
    switch self {
    case .always: true
    case .never: false
    case .auto: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
  }
}
