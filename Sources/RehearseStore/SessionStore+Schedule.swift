import Foundation
import GRDB
import RehearseCore

extension SessionStore {
  /// Adds each answer's rating and the schedule of every question answered: migration v6.
  ///
  /// Answers saved before it get the rating their band, hints and time give (the limit comes
  /// from their session's plan), and the schedule is replayed from them, with days taken in
  /// `timeZone`.
  static func registerScheduleMigration(_ migrator: inout DatabaseMigrator, timeZone: TimeZone) {
    migrator.registerMigration("v6: schedule") { database in
      try database.alter(table: "answer") { table in
        table.add(column: "rating", .integer)
      }
      try database.create(table: "schedule") { table in
        table.primaryKey("question_id", .text)
        table.column("stability", .double).notNull()
        table.column("difficulty", .double).notNull()
        table.column("last_review", .integer).notNull()
        table.column("due", .integer).notNull().indexed()
        table.column("reviews", .integer).notNull()
        table.column("lapses", .integer).notNull()
        table.column("last_rating", .integer).notNull()
      }
      // `today` reads the newest answers first (the streak) and the last 30 days (the means).
      try database.create(index: "answer_answered_at", on: "answer", columns: ["answered_at"])
      var limits: [Int64: [Int]] = [:]
      for row in try Row.fetchAll(database, sql: "SELECT id, plan FROM session") {
        let text: String = row["plan"]
        guard let plan = try? JSONDecoder().decode(SessionPlan.self, from: Data(text.utf8))
        else { continue }
        limits[row["id"]] = plan.items.map(\.limitSeconds)
      }
      for row in try Row.fetchAll(
        database,
        sql: """
          SELECT id, session_id, position, question_id, outcome, band, hints_used, seconds_used
          FROM answer
          """)
      {
        guard let outcome = AnswerOutcome(rawValue: row["outcome"]),
          let band = Band(rawValue: row["band"])
        else { continue }
        let position: Int = row["position"]
        let limit = limits[row["session_id"]].flatMap { position < $0.count ? $0[position] : nil }
        guard
          let rating = ReviewRating.of(
            questionID: row["question_id"], outcome: outcome, band: band,
            hintsUsed: row["hints_used"], secondsUsed: row["seconds_used"],
            secondsAllowed: limit.map(Double.init))
        else { continue }
        try database.execute(
          sql: "UPDATE answer SET rating = ? WHERE id = ?",
          arguments: [rating.rawValue, row["id"] as Int64])
      }
      try rebuildSchedules(timeZone: timeZone, in: database)
    }
  }

  /// Replays the rated answers of `questionID` into its schedule, in place of the one saved.
  static func reschedule(questionID: String, timeZone: TimeZone, in database: Database) throws {
    let rows = try Row.fetchAll(
      database,
      sql: """
        SELECT answered_at, rating FROM answer
        WHERE question_id = ? AND rating IS NOT NULL ORDER BY answered_at, id
        """,
      arguments: [questionID])
    try save(
      schedule(questionID, rows: rows, timeZone: timeZone), questionID: questionID, in: database)
  }

  /// Replays every rated answer into the schedule, which is cleared first; returns how many
  /// questions are scheduled.
  @discardableResult
  static func rebuildSchedules(timeZone: TimeZone, in database: Database) throws -> Int {
    try database.execute(sql: "DELETE FROM schedule")
    // One question's reviews at a time, read through a cursor: a large store is never held whole.
    var reviews: [(day: LocalDay, rating: ReviewRating)] = []
    var current: String?
    var schedules: [QuestionSchedule] = []
    func close() {
      if let current, let schedule = StudyScheduler().replay(questionID: current, reviews) {
        schedules.append(schedule)
      }
      reviews.removeAll(keepingCapacity: true)
    }
    let rows = try Row.fetchCursor(
      database,
      sql: """
        SELECT question_id, answered_at, rating FROM answer
        WHERE rating IS NOT NULL ORDER BY question_id, answered_at, id
        """)
    while let row = try rows.next() {
      let questionID: String = row["question_id"]
      if questionID != current {
        close()
        current = questionID
      }
      if let rating = ReviewRating(rawValue: row["rating"]) {
        reviews.append(
          (LocalDay(Date(timeIntervalSince1970: row["answered_at"]), timeZone: timeZone), rating))
      }
    }
    close()
    for schedule in schedules { try save(schedule, questionID: schedule.questionID, in: database) }
    return schedules.count
  }

  private static func schedule(
    _ questionID: String, rows: some Collection<Row>, timeZone: TimeZone
  ) -> QuestionSchedule? {
    let reviews = rows.compactMap { row -> (day: LocalDay, rating: ReviewRating)? in
      guard let rating = ReviewRating(rawValue: row["rating"]) else { return nil }
      return (LocalDay(Date(timeIntervalSince1970: row["answered_at"]), timeZone: timeZone), rating)
    }
    return StudyScheduler().replay(questionID: questionID, reviews)
  }

  private static func save(
    _ schedule: QuestionSchedule?, questionID: String, in database: Database
  ) throws {
    guard let schedule else {
      try database.execute(
        sql: "DELETE FROM schedule WHERE question_id = ?", arguments: [questionID])
      return
    }
    try database.execute(
      sql: """
        INSERT OR REPLACE INTO schedule
          (question_id, stability, difficulty, last_review, due, reviews, lapses, last_rating)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        questionID, schedule.memory.stability, schedule.memory.difficulty,
        schedule.lastReview.number, schedule.due.number, schedule.reviews, schedule.lapses,
        schedule.lastRating.rawValue,
      ])
  }

  /// The schedule of every question answered, soonest due first.
  public func schedules() throws(StoreError) -> [QuestionSchedule] {
    try read { database in
      try Row.fetchAll(database, sql: "SELECT * FROM schedule ORDER BY due, question_id").map {
        row in
        QuestionSchedule(
          questionID: row["question_id"],
          memory: MemoryState(stability: row["stability"], difficulty: row["difficulty"]),
          lastReview: LocalDay(number: row["last_review"]), due: LocalDay(number: row["due"]),
          reviews: row["reviews"], lapses: row["lapses"],
          lastRating: ReviewRating(rawValue: row["last_rating"]) ?? .good)
      }
    }
  }

  /// Rebuilds every question's schedule from the stored answers' ratings, with days taken in
  /// the store's time zone: for `rehearse reschedule`, after the scheduler changes. Returns how
  /// many questions are scheduled.
  public func rebuildSchedules() throws(StoreError) -> Int {
    let timeZone = self.timeZone
    return try write { try Self.rebuildSchedules(timeZone: timeZone, in: $0) }
  }
}

extension SessionStore {
  /// The run of consecutive days with at least one answer up to `today` (`PracticeStreak`), in
  /// the store's time zone.
  ///
  /// The answers are read newest first and only until the run breaks; a day's start is worked
  /// out once per day, not per answer.
  public func practiceStreak(endingOn today: LocalDay) throws(StoreError) -> PracticeStreak {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let timeZone = self.timeZone
    return try read { database in
      let times = try Double.fetchCursor(
        database, sql: "SELECT answered_at FROM answer ORDER BY answered_at DESC")
      var streak = PracticeStreak(endingOn: today)
      // When the day last counted starts: answers from then on are on it.
      var countedStart = Double.infinity
      while let time = try times.next() {
        if time >= countedStart { continue }
        let date = Date(timeIntervalSince1970: time)
        let day = LocalDay(date, timeZone: timeZone)
        guard streak.add(day) else { break }
        if day <= today { countedStart = calendar.startOfDay(for: date).timeIntervalSince1970 }
      }
      return streak
    }
  }

  /// Each component's answers since `since` and their mean score, computed in SQL.
  public func componentMeans(since: Date) throws(StoreError) -> [ComponentMean] {
    try read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT component, COUNT(*) AS answers, AVG(score) AS mean FROM answer
          WHERE answered_at >= ? AND substr(question_id, 1, 6) != 'story:'
          GROUP BY component
          """,
        arguments: [since.timeIntervalSince1970]
      ).compactMap { row in
        Component(rawValue: row["component"]).map {
          ComponentMean(component: $0, answers: row["answers"], mean: row["mean"])
        }
      }
    }
  }
}
