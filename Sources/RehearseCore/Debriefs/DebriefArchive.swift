/// Where debriefs are kept: the store under `REHEARSE_HOME`, beside the sessions.
///
/// Declared here so that the debrief logic and its tests need no database; `RehearseStore`
/// provides the SQLite implementation.
public protocol DebriefArchive {
  /// Saves a new debrief with its questions, in one transaction, and returns its id.
  func saveDebrief(_ debrief: Debrief) throws -> Int64
  /// Every debrief, newest interview first (the later saved first within a day).
  func debriefs() throws -> [Debrief]
  /// One debrief: `d3`, `3`, or `last` for the newest.
  func debrief(_ id: String) throws -> Debrief
  /// Deletes a debrief and its questions.
  func removeDebrief(_ id: Int64) throws
  /// Records that question `position` (from 1) of debrief `id` became own question
  /// `questionID`.
  func linkOwnQuestion(debrief id: Int64, position: Int, questionID: String) throws
}
