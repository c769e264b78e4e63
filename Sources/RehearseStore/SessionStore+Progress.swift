import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// The answers `filter` selects, counted in SQL per local day of `timeZone` and component,
  /// with the questions answered and the talking points cleared: no answer's JSON is decoded,
  /// so `progress` stays fast however many answers are kept.
  ///
  /// The cleared points read every talking point saved, the most costly pass; it runs at the
  /// same time as the counts, on a second read-only connection of its own.
  public func practiceLog(_ filter: ProgressFilter, timeZone: TimeZone) throws(StoreError)
    -> PracticeLog
  {
    let results = ProgressPasses()
    let path = path
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      if part == 0 {
        results.counts = Result { try self.counts(filter, timeZone: timeZone) }
      } else {
        results.cleared = Result {
          var configuration = Configuration()
          configuration.readonly = true
          configuration.busyMode = .timeout(5)
          let connection = try DatabaseQueue(path: path, configuration: configuration)
          return try Self.clearedPoints(filter, in: connection, path: path)
        }
      }
    }
    do {
      let (tallies, questions) = try results.counts.get()
      return PracticeLog(tallies: tallies, questions: questions, cleared: try results.cleared.get())
    } catch let error as StoreError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: "\(error)")
    }
  }

  /// The answers per local day and component, and per question.
  private func counts(_ filter: ProgressFilter, timeZone: TimeZone) throws
    -> ([PracticeLog.Tally], [PracticeLog.Question])
  {
    let arguments: StatementArguments = [
      "since": filter.since?.timeIntervalSince1970, "component": filter.component?.rawValue,
    ]
    let (tallyRows, questionRows) = try read { database in
      // The sessions' span gives the offsets from UTC to look up: every answer is given after
      // its session starts, and within a year of the newest session's start.
      let span = try Row.fetchOne(
        database, sql: "SELECT MIN(started_at) AS first, MAX(started_at) AS last FROM session")
      guard let first = span?["first"] as Double?, let last = span?["last"] as Double? else {
        return ([Row](), [Row]())
      }
      let (offset, offsetArguments) = Self.utcOffsetSQL(
        timeZone, from: Date(timeIntervalSince1970: first),
        to: Date(timeIntervalSince1970: last + 366 * 86_400))
      var tallyArguments = arguments
      tallyArguments += offsetArguments
      // The local day: shifted by the offset in force, then whole days counted from an epoch
      // a million days back, so that a division that truncates also rounds down.
      let tallies = try Row.fetchAll(
        database,
        sql: """
          SELECT CAST((a.answered_at + \(offset) + 86400000000.0) / 86400 AS INTEGER) - 1000000
              AS day,
            a.component, COUNT(*) AS answers, SUM(a.score) AS score_total,
            SUM(a.band = 'strong') AS strong, SUM(a.band = 'adequate') AS adequate,
            SUM(a.band = 'weak') AS weak
          FROM answer a
          WHERE \(Self.selects)
          GROUP BY day, a.component
          ORDER BY day
          """, arguments: tallyArguments)
      // Without a filter the questions are counted from their index alone.
      let questions =
        filter == .all
        ? try Row.fetchAll(
          database,
          sql: "SELECT question_id, COUNT(*) AS answers FROM answer GROUP BY question_id")
        : try Row.fetchAll(
          database,
          sql: """
            SELECT a.question_id, COUNT(*) AS answers FROM answer a
            WHERE \(Self.selects) GROUP BY a.question_id
            """, arguments: arguments)
      return (tallies, questions)
    }
    let tallies = try tallyRows.map { row in
      PracticeLog.Tally(
        day: LocalDay(number: row["day"]), component: try Self.component(row, path: path),
        answers: row["answers"], scoreTotal: row["score_total"], strong: row["strong"],
        adequate: row["adequate"], weak: row["weak"])
    }
    return (
      tallies,
      questionRows.map { PracticeLog.Question(id: $0["question_id"], answers: $0["answers"]) }
    )
  }

  /// The answers `filter` selects, as a condition on `answer a`.
  private static let selects = """
    (:since IS NULL OR a.answered_at >= :since) AND (:component IS NULL OR a.component = :component)
    """

  /// The talking points the selected answers cleared: made by the newest answer to their
  /// question after an earlier one missed them. The store keeps each question's point with its
  /// newest credit and answer and its count of misses (`question_point`, v5), so this reads
  /// those rows rather than every answer's points.
  private static func clearedPoints(
    _ filter: ProgressFilter, in connection: DatabaseQueue, path: String
  ) throws -> [PracticeLog.ClearedPoint] {
    let rows = try connection.read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT n.question_id, n.point, n.answered_at, n.misses, a.component
          FROM question_point n JOIN answer a ON a.id = n.answer_id
          WHERE n.credit >= 1 AND n.misses > 0 AND \(selects)
          ORDER BY n.answered_at, n.question_id, n.point
          """,
        arguments: [
          "since": filter.since?.timeIntervalSince1970, "component": filter.component?.rawValue,
        ])
    }
    return try rows.map { row in
      PracticeLog.ClearedPoint(
        point: row["point"], questionID: row["question_id"],
        component: try component(row, path: path),
        clearedAt: Date(timeIntervalSince1970: row["answered_at"]), misses: row["misses"])
    }
  }

  /// The component of a row, which the store only ever saves from a known one.
  private static func component(_ row: Row, path: String) throws -> Component {
    let name: String = row["component"]
    guard let component = Component(rawValue: name) else {
      throw StoreError.damagedRecord(
        path: path, what: "an answer", reason: "unknown component '\(name)'")
    }
    return component
  }

  /// An SQL expression for the offset from UTC, in seconds, of `timeZone` at `a.answered_at`
  /// for answers between two moments, with its arguments: one value, or a `CASE` over the
  /// offset changes between them, the newest first.
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
}

/// What the two passes of `practiceLog` found, each written by its own thread before either is
/// read.
private final class ProgressPasses: @unchecked Sendable {
  private let lock = NSLock()
  private var countsResult: Result<([PracticeLog.Tally], [PracticeLog.Question]), any Error> =
    .success(([], []))
  private var clearedResult: Result<[PracticeLog.ClearedPoint], any Error> = .success([])

  var counts: Result<([PracticeLog.Tally], [PracticeLog.Question]), any Error> {
    get { lock.withLock { countsResult } }
    set { lock.withLock { countsResult = newValue } }
  }

  var cleared: Result<[PracticeLog.ClearedPoint], any Error> {
    get { lock.withLock { clearedResult } }
    set { lock.withLock { clearedResult = newValue } }
  }
}
