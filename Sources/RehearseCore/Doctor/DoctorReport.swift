/// What `rehearse doctor` found: one check per thing a command relies on.
public struct DoctorReport: Encodable, Equatable, Sendable {
  /// The program's version (`RehearseVersion.current`).
  public var version: String
  /// The running program's real path, from which the bank beside it is found.
  public var program: String
  public var checks: [DoctorCheck]

  public init(version: String, program: String, checks: [DoctorCheck]) {
    self.version = version
    self.program = program
    self.checks = checks
  }

  /// Whether no check failed (warnings allowed).
  public var ok: Bool { !checks.contains { $0.status == .failed } }

  enum CodingKeys: String, CodingKey {
    case version, program, checks, ok
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(program, forKey: .program)
    try container.encode(checks, forKey: .checks)
    try container.encode(ok, forKey: .ok)
  }

  /// One line per check, its status and name in aligned columns, with its details indented
  /// below it, then a closing line naming the checks that failed. Paths and messages are shown
  /// `TerminalText.safe`.
  public func text(style: TextStyle) -> String {
    let nameWidth = checks.map(\.name.count).max() ?? 0
    var lines: [String] = []
    lines.append("rehearse \(version) (\(TerminalText.safe(program)))")
    for check in checks {
      let mark =
        switch check.status {
        case .ok: style.green("ok  ")
        case .warning: style.yellow("warn")
        case .failed: style.red("FAIL")
        }
      // Not wrapped: paths and `file:line` stay whole, to copy or open from the terminal.
      lines.append(
        "\(mark)  \(TextLayout.pad(style.bold(check.name), to: nameWidth))  "
          + TerminalText.safe(check.summary))
      let indent = String(repeating: " ", count: 6 + nameWidth + 2)
      for detail in check.details {
        lines.append(indent + TerminalText.safe(detail))
      }
    }
    let failed = checks.filter { $0.status == .failed }.map(\.name)
    let warned = checks.filter { $0.status == .warning }.count
    lines.append("")
    if failed.isEmpty {
      lines.append(
        "Everything a command needs works"
          + (warned == 0 ? "." : "; \(warned) warning\(warned == 1 ? "" : "s") above."))
    } else {
      lines.append(
        style.red("\(failed.count) check\(failed.count == 1 ? "" : "s") failed")
          + ": \(failed.joined(separator: ", ")).")
    }
    return lines.joined(separator: "\n")
  }
}
