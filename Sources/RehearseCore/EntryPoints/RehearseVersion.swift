/// The version of Rehearse: what `rehearse --version` prints, the man page names, and
/// `rehearse doctor` reports.
///
/// Raised with each release; the store's schema and the bank cache's format keep versions of
/// their own, since a release need not change either.
public enum RehearseVersion {
  /// The version, as `MAJOR.MINOR.PATCH`.
  public static let current = "0.9.0"
}
