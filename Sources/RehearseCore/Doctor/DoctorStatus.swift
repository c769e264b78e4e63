/// How one of `rehearse doctor`'s checks came out.
public enum DoctorStatus: String, Codable, Sendable, Comparable {
  /// It works.
  case ok
  /// It works, but something deserves a look (a stale folder, an unknown config key, no
  /// `python3` for Python questions).
  case warning
  /// Something a command needs does not work: `doctor` exits 1.
  case failed

  public static func < (left: DoctorStatus, right: DoctorStatus) -> Bool {
    let order: [DoctorStatus] = [.ok, .warning, .failed]
    return order.firstIndex(of: left)! < order.firstIndex(of: right)!
  }
}
