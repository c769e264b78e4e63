/// Why a focus could not be saved, found, read or removed.
public enum FocusError: RehearseError, Equatable {
  /// A name that is not lowercase letters, digits and single hyphens.
  case invalidName(String)
  /// No focus has this name; `existing` are the saved ones, `suggestions` the nearest of them.
  case unknownFocus(String, existing: [String], suggestions: [String])
  /// A focus with this name is saved already and `--force` was not given.
  case exists(name: String, path: String)
  /// The focus file does not parse; each problem names the file and line.
  case damaged([BankProblem])
  /// The focus folder cannot be made or read, or a focus cannot be removed.
  case cannotWrite(path: String, reason: String)
  /// A focus file cannot be written (no room on the disk, no permission).
  case unwritable(FileWriteError)
  /// The focus folder cannot be listed.
  case cannotRead(path: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .invalidName, .unknownFocus: .usage
    case .exists, .cannotWrite: .cannotCreate
    case .damaged(let problems):
      problems.first.map { $0.exitStatus == .noInput ? .noInput : .dataError } ?? .dataError
    case .unwritable(let error): error.exitStatus
    case .cannotRead: .noInput
    }
  }

  public var description: String {
    switch self {
    case .invalidName(let name):
      "'\(name)' is not a focus name: use lowercase letters, digits and single hyphens"
    case .unknownFocus(let name, let existing, let suggestions):
      "no focus '\(name)'"
        + (suggestions.isEmpty ? "" : "; did you mean \(Self.quoted(suggestions))?")
        + (existing.isEmpty
          ? "; none is saved yet: 'rehearse recon FILE --save NAME' saves one"
          : " (saved: \(existing.joined(separator: ", ")))")
    case .exists(let name, let path):
      "a focus '\(name)' is saved already (\(path)): give --force to replace it, or choose "
        + "another name"
    case .damaged(let problems):
      problems.map(\.description).joined(separator: "\n")
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .unwritable(let error): error.description
    case .cannotRead(let path, let reason): "\(path): cannot read: \(reason)"
    }
  }

  private static func quoted(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: " or ")
  }
}
