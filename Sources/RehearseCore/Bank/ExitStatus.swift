import Foundation

/// The process exit codes of the command-line contract (DESIGN.md).
public enum ExitStatus: Int32, Sendable {
  case success = 0
  /// A check ran and found failures (for example `bank test` with examples off their band).
  case checkFailed = 1
  /// The command line was wrong: an unknown id, a bad flag value.
  case usage = 64
  /// A data file (bank, rubric, story, TSV, answer) is malformed.
  case dataError = 65
  /// An input file or folder does not exist or cannot be read.
  case noInput = 66
  /// Something the command needs is not on this machine (`python3` for a Python question).
  case unavailable = 69
  /// An output file cannot be created (its folder is missing or not writable, or it is a
  /// folder).
  case cannotCreate = 73
  /// Writing failed on the way (a full disk, an I/O error), to a file or to standard output.
  case ioError = 74
  /// The session asked for is running in another process; try again when it has ended.
  case busy = 75
  /// The terminal hung up (SIGHUP) during a session.
  case hangUp = 129
  /// The user interrupted with Ctrl-C (SIGINT).
  case interrupted = 130
  /// The user quit with Ctrl-\ (SIGQUIT) during a session.
  case quitSignal = 131
  /// The process was asked to stop (SIGTERM) during a session.
  case terminated = 143

  /// The status for a session stopped by `signal`: 128 plus the signal's number, as shells
  /// report it.
  public static func stopped(by signal: Int32) -> ExitStatus {
    switch signal {
    case 1: .hangUp
    case 3: .quitSignal
    case 15: .terminated
    default: .interrupted
    }
  }
}

/// Why a file operation failed, as the system says it ("No such file or directory"), rather than
/// Foundation's wrapper sentence.
func fileErrorReason(_ error: any Error) -> String {
  let nsError = error as NSError
  if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
    underlying.domain == NSPOSIXErrorDomain
  {
    return String(cString: strerror(Int32(underlying.code)))
  }
  return nsError.localizedDescription
}
