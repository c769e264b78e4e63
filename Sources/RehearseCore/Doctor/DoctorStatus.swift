/// How one of `rehearse doctor`'s checks came out.
public enum DoctorStatus: String, Encodable, Sendable {
  /// It works.
  case ok
  /// It works, but something deserves a look (a stale folder, an unknown config key, no
  /// `python3` for Python questions).
  case warning
  /// Something a command needs does not work: `doctor` exits 1.
  case failed
}
