/// What `rehearse doctor` found of the session store, which it looks at without creating or
/// changing it.
public enum StoreInspection: Equatable, Sendable {
  /// There is no store file yet: the first session makes it.
  case notCreated
  /// The store's schema: `applied` of the program's `known` migrations, the newest named
  /// `newest` (the next command that opens it applies any missing).
  case schema(applied: Int, known: Int, newest: String)
  /// The store was brought to a newer schema by a newer version of Rehearse, which this one
  /// cannot use.
  case newer(applied: Int, known: Int)
  /// The store cannot be read: not a database, no permission.
  case unreadable(reason: String)
}
