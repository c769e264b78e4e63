import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The answers `filter` selects, counted in SQL per local day of `timeZone` and component,
  /// with the questions answered and the talking points cleared: no answer's JSON is decoded,
  /// so `progress` stays fast however many answers are kept.
  public func practiceLog(_ filter: ProgressFilter, timeZone: TimeZone) throws(StoreError)
    -> PracticeLog
  {
    let selection: StatementArguments = [
      "since": filter.since?.timeIntervalSince1970, "component": filter.component?.rawValue,
    ]
    let selects = """
      (:since IS NULL OR a.answered_at >= :since) AND (:component IS NULL OR a.component = :component)
      """
    let (tallyRows, questionRows, clearedRows) = try read { database in
      let range = try Row.fetchOne(
        database,
        sql: "SELECT MIN(a.answered_at) AS first, MAX(a.answered_at) AS last FROM answer a "
          + "WHERE \(selects)", arguments: selection)
      guard let first = range?["first"] as Double?, let last = range?["last"] as Double? else {
        return ([Row](), [Row](), [Row]())
      }
      let (offset, offsetArguments) = Self.utcOffsetSQL(
        timeZone, from: Date(timeIntervalSince1970: first), to: Date(timeIntervalSince1970: last))
      var arguments = selection
      arguments += offsetArguments
      // The local day: shifted by the offset in force, then whole days counted from an epoch a
      // million days back, so that a division that truncates also rounds down.
      let tallies = try Row.fetchAll(
        database,
        sql: """
          SELECT CAST((a.answered_at + \(offset) + 86400000000.0) / 86400 AS INTEGER) - 1000000
              AS day,
            a.component, COUNT(*) AS answers, SUM(a.score) AS score_total,
            SUM(a.band = 'strong') AS strong, SUM(a.band = 'adequate') AS adequate,
            SUM(a.band = 'weak') AS weak
          FROM answer a
          WHERE \(selects)
          GROUP BY day, a.component
          ORDER BY day, a.component
          """, arguments: arguments)
      let questions = try Row.fetchAll(
        database,
        sql: """
          SELECT a.component, a.question_id, COUNT(*) AS answers
          FROM answer a
          WHERE \(selects)
          GROUP BY a.component, a.question_id
          ORDER BY a.component, a.question_id
          """, arguments: selection)
      // A point is cleared when the newest answer to its question made it and an earlier one
      // did not: the newest row of each question's point (SQLite takes the bare columns from
      // the row holding the MAX) with the count of rows short of full credit.
      let cleared = try Row.fetchAll(
        database,
        sql: """
          WITH newest AS (
            SELECT question_id, point, MAX(answered_at) AS answered_at, credit, answer_id,
              SUM(credit < 1) AS misses
            FROM answer_point
            GROUP BY question_id, point
          )
          SELECT n.question_id, n.point, n.answered_at, n.misses, a.component
          FROM newest n JOIN answer a ON a.id = n.answer_id
          WHERE n.credit >= 1 AND n.misses > 0 AND \(selects)
          ORDER BY n.answered_at, n.question_id, n.point
          """, arguments: selection)
      return (tallies, questions, cleared)
    }
    return PracticeLog(
      tallies: try tallyRows.map { row throws(StoreError) in
        PracticeLog.Tally(
          day: LocalDay(number: row["day"]), component: try component(row),
          answers: row["answers"], scoreTotal: row["score_total"], strong: row["strong"],
          adequate: row["adequate"], weak: row["weak"])
      },
      questions: try questionRows.map { row throws(StoreError) in
        PracticeLog.Question(
          component: try component(row), id: row["question_id"], answers: row["answers"])
      },
      cleared: try clearedRows.map { row throws(StoreError) in
        PracticeLog.ClearedPoint(
          point: row["point"], questionID: row["question_id"], component: try component(row),
          clearedAt: Date(timeIntervalSince1970: row["answered_at"]), misses: row["misses"])
      })
  }

  /// An SQL expression for the offset from UTC, in seconds, of `timeZone` at `a.answered_at`
  /// for answers between two moments, with its arguments: one value, or a `CASE` over the
  /// offset changes between them.
  static func utcOffsetSQL(_ timeZone: TimeZone, from start: Date, to end: Date)
    -> (String, StatementArguments)
  {
    let offsets = LocalDay.utcOffsets(of: timeZone, from: start, to: end)
    var arguments: StatementArguments = ["offset0": offsets[0].seconds]
    guard offsets.count > 1 else { return (":offset0", arguments) }
    var cases = "CASE"
    for index in offsets.indices.dropFirst().reversed() {
      cases += " WHEN a.answered_at >= :change\(index) THEN :offset\(index)"
      arguments += [
        "change\(index)": offsets[index].from.timeIntervalSince1970,
        "offset\(index)": offsets[index].seconds,
      ]
    }
    return (cases + " ELSE :offset0 END", arguments)
  }

  private func component(_ row: Row) throws(StoreError) -> Component {
    let name: String = row["component"]
    guard let component = Component(rawValue: name) else {
      throw .damagedRecord(path: path, what: "an answer", reason: "unknown component '\(name)'")
    }
    return component
  }
}
