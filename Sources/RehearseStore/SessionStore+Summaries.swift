import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The sessions `filter` selects, newest first, from the counts kept on each session's row:
  /// no answer is read, so listing stays fast however many sessions are kept.
  public func summaries(_ filter: HistoryFilter) throws(StoreError) -> [SessionSummary] {
    try read { database in
      // Columns are read by their place in the SELECT: a lookup by name costs more than the
      // query itself over ten thousand sessions.
      let rows = try Row.fetchCursor(
        database,
        sql: """
          SELECT id, started_at, ended_at, ending, resumed, planned, story, answers, score_total,
            seconds_used, components, last_position
          FROM session
          WHERE (?1 IS NULL OR started_at >= ?1)
            AND (?2 IS NULL OR instr(',' || components || ',', ',' || ?2 || ',') > 0)
          ORDER BY id DESC
          LIMIT ?3
          """,
        arguments: [
          filter.since?.timeIntervalSince1970, filter.component?.rawValue, filter.limit ?? -1,
        ])
      var summaries: [SessionSummary] = []
      // Most sessions share a few lists of components; each is parsed once.
      var componentLists: [String: [Component]] = [:]
      while let row = try rows.next() {
        let list: String = row[10] ?? ""
        let components =
          componentLists[list]
          ?? {
            let parsed = list.split(separator: ",").compactMap { Component(rawValue: String($0)) }
              .sorted()
            componentLists[list] = parsed
            return parsed
          }()
        summaries.append(try summary(row, components: components))
      }
      return summaries
    }
  }

  /// Every answer saved to a question whose id starts with `prefix` (the retellings of stories,
  /// `story:`), oldest first; only those answers are read.
  public func answers(withQuestionIDPrefix prefix: String) throws(StoreError) -> [AnswerRecord] {
    try read { database in
      let rows = try Row.fetchAll(
        database,
        sql: """
          SELECT * FROM answer WHERE substr(question_id, 1, length(?1)) = ?1
          ORDER BY answered_at, id
          """,
        arguments: [prefix])
      return try rows.map { try answer($0, session: $0["session_id"]) }
    }
  }

  /// The summary of one row of the query in `summaries`, with its components parsed.
  private func summary(_ row: Row, components: [Component]) throws(StoreError) -> SessionSummary {
    let id: Int64 = row[0]
    var ending: SessionEnding?
    if let raw = row[3] as String? {
      guard let known = SessionEnding(rawValue: raw) else {
        throw .damagedRecord(path: path, what: "session \(id)", reason: "unknown ending '\(raw)'")
      }
      ending = known
    }
    return SessionSummary(
      id: id, startedAt: Date(timeIntervalSince1970: row[1]),
      endedAt: (row[2] as Double?).map(Date.init(timeIntervalSince1970:)),
      ending: ending, resumed: row[4], planned: row[5], story: row[6], answers: row[7],
      scoreTotal: row[8], secondsUsed: row[9], components: components, lastPosition: row[11])
  }
}
