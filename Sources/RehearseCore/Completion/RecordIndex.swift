/// What completion reads of the session store: the ids of the sessions and debriefs kept.
///
/// The store's side opens the database read-only and never creates or migrates it
/// (`RehearseStore.StoreRecordIndex`).
public protocol RecordIndex {
  /// Every session's id, newest first.
  func sessionIDs() throws -> [Int64]
  /// Every debrief's id, the newest interview first (the later saved first within a day).
  func debriefIDs() throws -> [Int64]
}
