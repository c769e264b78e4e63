import Foundation
import GRDB
import RehearseCore

/// Debriefs of real interviews, kept beside the sessions.
extension SessionStore: DebriefArchive {
  /// Adds migration "v7: debriefs": a table of debriefs and one of their questions, which
  /// go with their debrief (`ON DELETE CASCADE`).
  static func registerDebriefMigration(_ migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v7: debriefs") { database in
      try database.create(table: "debrief") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("company", .text).notNull()
        // The interview's calendar day, YYYY-MM-DD.
        table.column("day", .text).notNull().indexed()
        table.column("round", .text).notNull()
        table.column("role", .text)
        table.column("interviewer", .text)
        table.column("conclusions", .text).notNull()
        table.column("company_notes", .text).notNull()
        // 0 when the form was stopped and what had been entered was kept.
        table.column("complete", .boolean).notNull()
      }
      try database.create(table: "debrief_question") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("debrief_id", .integer).notNull().indexed()
          .references("debrief", onDelete: .cascade)
        table.column("position", .integer).notNull()
        table.column("text", .text).notNull()
        // well, partly, badly; NULL when not rated.
        table.column("rating", .text)
        table.column("answer", .text).notNull()
        table.column("improve", .text).notNull()
        // The own question made from it, once there is one.
        table.column("own_question_id", .text)
        table.uniqueKey(["debrief_id", "position"])
      }
    }
  }

  public func saveDebrief(_ debrief: Debrief) throws(StoreError) -> Int64 {
    try write { database in
      try database.execute(
        sql: """
          INSERT INTO debrief (company, day, round, role, interviewer, conclusions,
            company_notes, complete)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          debrief.company, debrief.day.iso, debrief.round, debrief.role, debrief.interviewer,
          debrief.conclusions, debrief.companyNotes, debrief.complete,
        ])
      let id = database.lastInsertedRowID
      for (position, asked) in debrief.questions.enumerated() {
        try database.execute(
          sql: """
            INSERT INTO debrief_question (debrief_id, position, text, rating, answer, improve,
              own_question_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, position, asked.text, asked.rating?.rawValue, asked.answer, asked.improve,
            asked.ownQuestionID,
          ])
      }
      return id
    }
  }

  public func debriefs() throws(StoreError) -> [Debrief] {
    try read { database in
      let rows = try Row.fetchAll(
        database, sql: "SELECT * FROM debrief ORDER BY day DESC, id DESC")
      let questions = try Row.fetchAll(
        database, sql: "SELECT * FROM debrief_question ORDER BY debrief_id, position")
      let grouped = Dictionary(grouping: questions) { $0["debrief_id"] as Int64 }
      return try rows.map { try debrief($0, questions: grouped[$0["id"]] ?? []) }
    }
  }

  public func debrief(_ id: String) throws(StoreError) -> Debrief {
    let found: Debrief? = try read { database in
      let row: Row?
      if id == "last" {
        row = try Row.fetchOne(
          database, sql: "SELECT * FROM debrief ORDER BY day DESC, id DESC LIMIT 1")
      } else if let number = Debrief.number(in: id, bareNumber: true) {
        row = try Row.fetchOne(
          database, sql: "SELECT * FROM debrief WHERE id = ?", arguments: [number])
      } else {
        row = nil
      }
      guard let row else { return nil }
      let questions = try Row.fetchAll(
        database, sql: "SELECT * FROM debrief_question WHERE debrief_id = ? ORDER BY position",
        arguments: [row["id"] as Int64])
      return try debrief(row, questions: questions)
    }
    guard let found else { throw .unknownDebrief(id) }
    return found
  }

  public func removeDebrief(_ id: Int64) throws(StoreError) {
    try write { database in
      try database.execute(sql: "DELETE FROM debrief WHERE id = ?", arguments: [id])
    }
  }

  public func linkOwnQuestion(debrief id: Int64, position: Int, questionID: String)
    throws(StoreError)
  {
    try write { database in
      // Positions are stored from 0.
      try database.execute(
        sql: """
          UPDATE debrief_question SET own_question_id = ? WHERE debrief_id = ? AND position = ?
          """,
        arguments: [questionID, id, position - 1])
    }
  }

  private func debrief(_ row: Row, questions: [Row]) throws -> Debrief {
    let id: Int64 = row["id"]
    let what = "debrief \(Debrief.label(id))"
    let dayText: String = row["day"]
    guard let day = LocalDay(iso: dayText) else {
      throw StoreError.damagedRecord(path: path, what: what, reason: "date '\(dayText)'")
    }
    return Debrief(
      id: id, company: row["company"], day: day, round: row["round"], role: row["role"],
      interviewer: row["interviewer"],
      questions: try questions.map { question in
        let rating = (question["rating"] as String?).map { raw in
          (raw, DebriefRating(rawValue: raw))
        }
        if let rating, rating.1 == nil {
          throw StoreError.damagedRecord(
            path: path, what: what, reason: "unknown rating '\(rating.0)'")
        }
        return AskedQuestion(
          text: question["text"], rating: rating?.1, answer: question["answer"],
          improve: question["improve"], ownQuestionID: question["own_question_id"])
      }, conclusions: row["conclusions"], companyNotes: row["company_notes"],
      complete: row["complete"])
  }
}
