import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The sessions `filter` selects, newest first, each counted in SQL: no answer is decoded, so
  /// listing stays fast however many sessions are kept.
  public func summaries(_ filter: HistoryFilter) throws(StoreError) -> [SessionSummary] {
    let rows = try read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT s.id, s.started_at, s.ended_at, s.ending, s.resumed, s.planned, s.story,
            COUNT(a.id) AS answers, COALESCE(SUM(a.score), 0) AS score_total,
            COALESCE(SUM(a.seconds_used), 0) AS seconds_used,
            GROUP_CONCAT(DISTINCT a.component) AS components, MAX(a.position) AS last_position
          FROM session s LEFT JOIN answer a ON a.session_id = s.id
          WHERE (?1 IS NULL OR s.started_at >= ?1)
            AND (?2 IS NULL OR EXISTS (
              SELECT 1 FROM answer c WHERE c.session_id = s.id AND c.component = ?2))
          GROUP BY s.id
          ORDER BY s.id DESC
          LIMIT ?3
          """,
        arguments: [
          filter.since?.timeIntervalSince1970, filter.component?.rawValue, filter.limit ?? -1,
        ])
    }
    return try rows.map { row throws(StoreError) in try summary(row) }
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

  private func summary(_ row: Row) throws(StoreError) -> SessionSummary {
    let id: Int64 = row["id"]
    var ending: SessionEnding?
    if let raw = row["ending"] as String? {
      guard let known = SessionEnding(rawValue: raw) else {
        throw .damagedRecord(path: path, what: "session \(id)", reason: "unknown ending '\(raw)'")
      }
      ending = known
    }
    let components = ((row["components"] as String?) ?? "").split(separator: ",")
      .compactMap { Component(rawValue: String($0)) }.sorted()
    return SessionSummary(
      id: id, startedAt: Date(timeIntervalSince1970: row["started_at"]),
      endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
      ending: ending, resumed: row["resumed"], planned: row["planned"], story: row["story"],
      answers: row["answers"], scoreTotal: row["score_total"], secondsUsed: row["seconds_used"],
      components: components, lastPosition: row["last_position"])
  }
}
