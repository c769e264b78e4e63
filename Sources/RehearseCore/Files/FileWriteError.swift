/// Why a file (or standard output) could not be written.
public enum FileWriteError: RehearseError, Equatable, Sendable {
  /// The file, or the temporary file beside it, cannot be created: its folder is missing, or
  /// not writable, or the file system is read-only; `reason` is the system's (`strerror`).
  case cannotCreate(file: String, reason: String)
  /// The path names a folder where a file is expected.
  case folder(file: String)
  /// Writing or flushing the bytes failed, such as on a full disk; `reason` is the system's.
  case ioFailure(file: String, reason: String)

  /// A file that cannot be created is 73; a write that fails on the way is an I/O error, 74.
  public var exitStatus: ExitStatus {
    switch self {
    case .cannotCreate, .folder: .cannotCreate
    case .ioFailure: .ioError
    }
  }

  /// The file as the user gave it, or a name such as "standard output".
  public var file: String {
    switch self {
    case .cannotCreate(let file, _), .folder(let file), .ioFailure(let file, _): file
    }
  }

  /// `file: cannot create: reason`, `file is a folder, not a file`, or `file: reason` (as in
  /// "standard output: No space left on device").
  public var description: String {
    switch self {
    case .cannotCreate(let file, let reason):
      located("cannot create: \(reason)", file: file, line: nil)
    case .folder(let file): TextFileError.folder(file: file).description
    case .ioFailure(let file, let reason): located(reason, file: file, line: nil)
    }
  }
}
