import RehearseCore

/// A failure of the session store, naming the database file.
public enum StoreError: RehearseError, Equatable {
  /// The folder or the database file cannot be created or opened.
  case cannotOpen(path: String, reason: String)
  /// The file exists but is not a Rehearse database (or is damaged); it is left untouched.
  case notADatabase(path: String, reason: String)
  /// The database was written by a newer version of Rehearse, whose schema this one does not know.
  case newerSchema(path: String)
  /// Saving failed (a full disk, a read-only file); what was saved before is kept.
  case cannotWrite(path: String, reason: String)
  /// A saved row cannot be read back; `what` names the session and answer.
  case damagedRecord(path: String, what: String, reason: String)
  /// No session has this id (or `last` with no session saved yet).
  case unknownSession(String)
  /// No debrief has this id (or `last` with no debrief saved yet).
  case unknownDebrief(String)
  /// `--resume` found no session left unfinished.
  case nothingToResume
  /// The session is running in another process (`processID`, when its lock file names it).
  case sessionRunning(session: Int64, processID: Int32?)

  public var exitStatus: ExitStatus {
    switch self {
    case .cannotOpen: .noInput
    case .notADatabase, .newerSchema, .damagedRecord: .dataError
    case .cannotWrite: .noInput
    case .unknownSession, .unknownDebrief: .usage
    case .nothingToResume: .noInput
    case .sessionRunning: .busy
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      "\(path): cannot open the session store: \(reason)"
    case .notADatabase(let path, let reason):
      "\(path): not a Rehearse session store (\(reason)); it was left as it is: move it away "
        + "to start a new one"
    case .newerSchema(let path):
      "\(path): written by a newer version of rehearse; update rehearse to read it"
    case .cannotWrite(let path, let reason):
      "\(path): cannot save: \(reason); the answers saved before are kept"
    case .damagedRecord(let path, let what, let reason):
      "\(path): \(what) cannot be read: \(reason)"
    case .unknownSession(let id):
      id == "last"
        ? "no session saved yet (start one with 'rehearse mock')"
        : "no session with id '\(id)' (see 'rehearse history')"
    case .unknownDebrief(let id):
      DebriefError.unknownDebrief(id).description
    case .nothingToResume:
      "no unfinished session to resume (see 'rehearse history')"
    case .sessionRunning(let session, let processID):
      "session \(session) is running in another terminal"
        + (processID.map { " (process \($0))" } ?? "")
        + "; finish or quit it there (:quit), then resume it here"
    }
  }
}
