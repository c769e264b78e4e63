import Foundation
import GRDB

extension SessionStore {
  /// The v5 migration: counts that `history` and `weak` read instead of aggregating every answer,
  /// kept by triggers in the transaction that saves each answer and its points.
  ///
  /// Each session row keeps its answers' count, score total, seconds used, components (each
  /// once, comma-separated) and last position, recounted from the session's own answers whenever
  /// one is saved, replaced or removed, so a `:continue` replacement is never counted twice.
  /// The `question_point` table keeps, per question and talking point, the newest credit (by
  /// answered_at, then answer id, then the order saved: the order the window query of v4 ranked
  /// them in) and how often and when last it was missed. Triggers rather than calls in `record`
  /// keep the counts right for every writer of the tables, whatever path saves a row.
  ///
  /// Released as "v5: kept counts"; like every migration, never edited once released, nor are
  /// the statements below that it is made of.
  static func keepCounts(_ database: Database) throws {
    try database.alter(table: "session") { table in
      table.add(column: "answers", .integer).notNull().defaults(to: 0)
      table.add(column: "score_total", .integer).notNull().defaults(to: 0)
      table.add(column: "seconds_used", .double).notNull().defaults(to: 0)
      table.add(column: "components", .text)
      table.add(column: "last_position", .integer)
    }
    try database.execute(
      sql: """
        CREATE TABLE question_point (
          question_id TEXT NOT NULL,
          point TEXT NOT NULL,
          -- The newest answer's credit for the point, and that answer.
          credit DOUBLE NOT NULL,
          answered_at DOUBLE NOT NULL,
          answer_id INTEGER NOT NULL,
          -- How many answers missed it or made it in part, and when last.
          misses INTEGER NOT NULL,
          last_missed DOUBLE,
          PRIMARY KEY (question_id, point)
        ) WITHOUT ROWID;

        -- A session's counts, from its own answers: a handful of rows found by the index.
        CREATE TRIGGER answer_counts_insert AFTER INSERT ON answer BEGIN
          \(recountSession("NEW.session_id"))
        END;
        CREATE TRIGGER answer_counts_update
        AFTER UPDATE OF session_id, position, component, score, seconds_used ON answer BEGIN
          \(recountSession("NEW.session_id"))
          \(recountSession("OLD.session_id", unless: "OLD.session_id = NEW.session_id"))
        END;
        CREATE TRIGGER answer_counts_delete AFTER DELETE ON answer BEGIN
          \(recountSession("OLD.session_id"))
        END;

        -- A point saved counts once more, and is the newest only when strictly newer: of two
        -- saved with the same time and answer, the first stays the newest.
        CREATE TRIGGER answer_point_insert AFTER INSERT ON answer_point BEGIN
          INSERT INTO question_point (
            question_id, point, credit, answered_at, answer_id, misses, last_missed)
          VALUES (
            NEW.question_id, NEW.point, NEW.credit, NEW.answered_at, NEW.answer_id,
            NEW.credit < 1, CASE WHEN NEW.credit < 1 THEN NEW.answered_at END)
          ON CONFLICT (question_id, point) DO UPDATE SET
            credit = CASE WHEN \(isNewer) THEN excluded.credit ELSE credit END,
            answered_at = CASE WHEN \(isNewer) THEN excluded.answered_at ELSE answered_at END,
            answer_id = CASE WHEN \(isNewer) THEN excluded.answer_id ELSE answer_id END,
            misses = misses + excluded.misses,
            last_missed = COALESCE(
              MAX(last_missed, excluded.last_missed), last_missed, excluded.last_missed);
        END;
        -- A point removed (its answer replaced) may have been the newest: recount its question's.
        CREATE TRIGGER answer_point_delete AFTER DELETE ON answer_point BEGIN
          \(recountPoint(question: "OLD.question_id", point: "OLD.point"))
        END;
        CREATE TRIGGER answer_point_update AFTER UPDATE ON answer_point BEGIN
          \(recountPoint(question: "OLD.question_id", point: "OLD.point"))
          \(recountPoint(question: "NEW.question_id", point: "NEW.point"))
        END;
        """)
    // Filled from the rows saved so far, once.
    try database.execute(sql: "UPDATE session SET \(sessionCounts)")
    try database.execute(
      sql: """
        INSERT INTO question_point (
          question_id, point, credit, answered_at, answer_id, misses, last_missed)
        SELECT question_id, point, credit, answered_at, answer_id, misses, last_missed
        FROM (
          SELECT question_id, point, credit, answered_at, answer_id,
            ROW_NUMBER() OVER newest AS rank, SUM(credit < 1) OVER keyed AS misses,
            MAX(CASE WHEN credit < 1 THEN answered_at END) OVER keyed AS last_missed
          FROM answer_point
          WINDOW keyed AS (PARTITION BY question_id, point),
            newest AS (keyed ORDER BY answered_at DESC, answer_id DESC, rowid)
        )
        WHERE rank = 1
        """)
  }

  /// The assignment of a session row's counts from its answers, for `UPDATE session SET`.
  private static let sessionCounts = """
    (answers, score_total, seconds_used, components, last_position) = (
      SELECT COUNT(*), COALESCE(SUM(score), 0), COALESCE(SUM(seconds_used), 0),
        GROUP_CONCAT(DISTINCT component), MAX(position)
      FROM answer WHERE answer.session_id = session.id)
    """

  /// Whether the point being saved, `excluded`, is newer than the one kept.
  private static let isNewer =
    "(excluded.answered_at, excluded.answer_id) > (answered_at, answer_id)"

  /// The statement that recounts the session `id` (an expression of the trigger's row), unless
  /// `condition` holds.
  private static func recountSession(_ id: String, unless condition: String = "0") -> String {
    "UPDATE session SET \(sessionCounts) WHERE id = \(id) AND NOT (\(condition));"
  }

  /// The statements that recount one question's point from every answer's saved points.
  private static func recountPoint(question: String, point: String) -> String {
    let key = "question_id = \(question) AND point = \(point)"
    return """
      DELETE FROM question_point WHERE \(key);
      INSERT INTO question_point (
        question_id, point, credit, answered_at, answer_id, misses, last_missed)
      SELECT question_id, point, credit, answered_at, answer_id,
        (SELECT COUNT(*) FROM answer_point WHERE \(key) AND credit < 1),
        (SELECT MAX(answered_at) FROM answer_point WHERE \(key) AND credit < 1)
      FROM answer_point WHERE \(key)
      ORDER BY answered_at DESC, answer_id DESC, rowid
      LIMIT 1;
      """
  }
}
