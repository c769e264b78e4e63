/// What completion reads of the session store: the ids of the sessions and debriefs kept.
///
/// The store's side opens the database read-only and never creates or migrates it
/// (`RehearseStore.StoreRecordIndex`).
public protocol RecordIndex {
  /// Every session's id, newest first.
  func sessionIDs() throws -> [Int64]
  /// Every debrief's id, the newest interview first (the later saved first within a day).
  func debriefIDs() throws -> [Int64]
  /// How many questions the debrief `id` (`d3`, `3` or `last`) records; 0 for no such debrief.
  func debriefQuestionCount(_ id: String) throws -> Int
}
