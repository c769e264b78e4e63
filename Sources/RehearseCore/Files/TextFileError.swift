/// Why a text file (or an open stream such as standard input) could not be read as text.
///
/// Each case names the file as the user gave it, and the line where one applies; readers of a
/// particular format wrap it in their own error rather than word it again.
public enum TextFileError: RehearseError, Equatable, Sendable {
  /// Nothing exists at the path.
  case missing(file: String)
  /// The path names a folder where a file is expected.
  case folder(file: String)
  /// The path names a named pipe, a device or a socket where a file found in a folder (a bank
  /// file, a story) is expected; `kind` says which ("a named pipe").
  case notRegular(file: String, kind: String)
  /// The file exists but cannot be read; `reason` is the system's (`strerror`), such as
  /// "Permission denied".
  case unreadable(file: String, reason: String)
  /// The file is longer than `limit` bytes; `line` is the line the limit falls on.
  case tooLarge(file: String, line: Int, limit: Int)
  /// The file holds a NUL byte or bytes that are not UTF-8; `line` is the line of the first one.
  case notText(file: String, line: Int)

  /// Missing, a folder, not a regular file or unreadable is missing input (66): there is no file
  /// to read there; too large or not text is bad data (65).
  public var exitStatus: ExitStatus {
    switch self {
    case .missing, .folder, .notRegular, .unreadable: .noInput
    case .tooLarge, .notText: .dataError
    }
  }

  /// The file as the user gave it (a path, or a name such as `<stdin>`).
  public var file: String {
    switch self {
    case .missing(let file), .folder(let file), .notRegular(let file, _), .unreadable(let file, _),
      .tooLarge(let file, _, _), .notText(let file, _):
      file
    }
  }

  /// The line the problem is at, when it is at one.
  public var line: Int? {
    switch self {
    case .missing, .folder, .notRegular, .unreadable: nil
    case .tooLarge(_, let line, _), .notText(_, let line): line
    }
  }

  /// What is wrong, without the file and line.
  public var message: String {
    switch self {
    case .missing: "no such file"
    case .folder: "a folder, not a file"
    case .notRegular(_, let kind): "not a regular file (\(kind))"
    case .unreadable(_, let reason): "cannot read: \(reason)"
    case .tooLarge(_, _, let limit): "longer than the limit of \(Self.size(limit))"
    case .notText: "not UTF-8 text (a NUL byte or an invalid byte sequence)"
    }
  }

  /// `file:line: message`, `file: message` when no line applies, and `file is a folder, not a
  /// file` for a folder.
  public var description: String {
    if case .folder(let file) = self { return "\(file) is \(message)" }
    return located(message, file: file, line: line)
  }

  /// `bytes` in the largest unit that divides it: "64 KiB", "16 MiB", "100 bytes".
  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }
}

/// A problem in a file as it is reported everywhere: `file:line: message`, which editors and
/// terminals turn into a link, or `file: message` when no line applies.
func located(_ message: String, file: String, line: Int?) -> String {
  guard let line else { return "\(file): \(message)" }
  return "\(file):\(line): \(message)"
}
