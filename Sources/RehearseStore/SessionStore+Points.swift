import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The table of every saved answer's talking points with the credit each earned.
  static func createPointTable(_ database: Database) throws {
    try database.create(table: "answer_point") { table in
      table.column("answer_id", .integer).notNull().indexed()
        .references("answer", onDelete: .cascade)
      table.column("question_id", .text).notNull()
      table.column("point", .text).notNull()
      table.column("credit", .double).notNull()
      table.column("answered_at", .double).notNull()
    }
    try database.create(
      index: "answer_point_question", on: "answer_point", columns: ["question_id", "point"])
  }

  /// Saves the talking points of `scored`, an answer to `questionID`, under `answerID`, in place
  /// of any saved before (an answer continued with `:continue`); from v5, triggers keep each
  /// question's points in `question_point` as these rows are written.
  static func savePoints(
    _ scored: ScoredAnswer, answerID: Int64, questionID: String, answeredAt: Double,
    in database: Database
  ) throws {
    try database.execute(
      sql: "DELETE FROM answer_point WHERE answer_id = ?", arguments: [answerID])
    for (point, credit) in WeakPoint.credits(of: scored) {
      try database.execute(
        sql: """
          INSERT INTO answer_point (answer_id, question_id, point, credit, answered_at)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [answerID, questionID, point, credit, answeredAt])
    }
  }

  /// The talking points still missed, most often missed first: a point is still missed while
  /// the newest answer to a question asking it missed it or made it in part; one made since is
  /// cleared. Read from `question_point`, kept as each answer's points are saved.
  public func weakPoints(limit: Int?) throws(StoreError) -> [WeakPoint] {
    let rows = try read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT point, SUM(misses) AS misses, GROUP_CONCAT(question_id) AS questions,
            MAX(last_missed) AS last_missed
          FROM question_point
          WHERE credit < 1
          GROUP BY point
          ORDER BY misses DESC, last_missed DESC, point
          LIMIT ?
          """,
        arguments: [limit ?? -1])
    }
    return rows.map { row in
      WeakPoint(
        point: row["point"], misses: row["misses"],
        questions: ((row["questions"] as String?) ?? "").split(separator: ",").map(String.init)
          .sorted(),
        lastMissed: Date(timeIntervalSince1970: row["last_missed"]))
    }
  }
}
