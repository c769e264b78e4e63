import Foundation
import RehearseCore
import RehearseStore
import Testing

/// Twenty-one evenings of practice, simulated with the test clock: the schedule and the draw
/// must bring back what was answered badly, rest what was answered well, and prefer due and
/// weak questions to new ones.
@Suite("The study loop over 21 days")
struct StudyLoopTests {
  static let utc = TimeZone(secondsFromGMT: 0)!
  /// 2026-11-01 20:00 UTC, an evening.
  static let firstEvening = Date(timeIntervalSince1970: 1_793_563_200)

  /// A candidate who answers a question weak the first time when its id hashes odd (missing
  /// its one point), and strong (making it) every time after, and strong at once otherwise.
  static func band(for questionID: String, seenBefore: Bool) -> Band {
    let odd = questionID.utf8.reduce(0) { $0 &+ Int($1) } % 2 == 1
    return odd && !seenBefore ? .weak : .strong
  }

  static func answer(
    _ item: SessionPlan.Item, position: Int, band: Band, at time: Date
  ) -> AnswerRecord {
    let point = "the point of \(item.questionID)"
    let made = band == .strong
    let scored = ScoredAnswer(
      question: item.questionID, score: made ? 90 : 10, band: band,
      hits: made ? [.init(point: point, weight: 1, required: false, evidence: [])] : [],
      misses: made
        ? [] : [.init(point: point, weight: 1, required: false, credit: 0, evidence: [])],
      misconceptions: [], cappedByRequired: false)
    // Half the limit and more: a strong answer rates good, not easy.
    let used = Double(item.limitSeconds) * 0.75
    var record = AnswerRecord(
      position: position, questionID: item.questionID, component: item.component, prompt: "",
      text: "answer", outcome: .answered, startedAt: time.addingTimeInterval(-used),
      answeredAt: time, hintsUsed: 0, scored: scored)
    record.rating = ReviewRating(
      band: band, hintsUsed: 0, secondsUsed: used, secondsAllowed: Double(item.limitSeconds))
    return record
  }

  /// The checkout, which holds the shipped bank.
  static var repositoryRoot: URL {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return url
  }

  @Test("weak answers come back within two days, strong ones rest, due and weak come first")
  func twentyOneDays() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url, timeZone: Self.utc)
    let bank = try Bank.load(from: Self.repositoryRoot)
    var seen: Set<String> = []
    var weakOn: [String: LocalDay] = [:]
    var drawnOn: [LocalDay: [String]] = [:]
    var dueDrawn = 0
    var weakDrawn = 0
    for evening in 0..<21 {
      let time = Self.firstEvening.addingTimeInterval(Double(evening) * 86_400)
      let today = LocalDay(time, timeZone: Self.utc)
      let study = try store.studyState(on: today)
      var selection = SessionSelection(seed: UInt64(evening + 1))
      selection.study = study
      let plan = try SessionPlan.draw(from: bank, selection).plan
      drawnOn[today] = plan.items.map(\.questionID)
      // Each component's question is due if any of that component's questions is due, and new
      // only when none of the component is due or weak.
      for item in plan.items {
        let standing = study.standing(of: item.questionID)
        #expect(standing != .resting, "\(item.questionID) was answered less than 3 days ago")
        let others = bank.questions.filter { $0.component == item.component }
          .map { study.standing(of: $0.id) }
        #expect(
          standing <= (others.min() ?? standing),
          "day \(evening): \(item.questionID) is \(standing) while its component has better")
        if standing == .due { dueDrawn += 1 }
        if standing == .weak { weakDrawn += 1 }
      }
      let session = try store.createSession(plan: plan, startedAt: time, bank: "/bank")
      for (position, item) in plan.items.enumerated() {
        let band = Self.band(for: item.questionID, seenBefore: seen.contains(item.questionID))
        try store.record(
          Self.answer(
            item, position: position, band: band, at: time.addingTimeInterval(Double(position))),
          session: session)
        seen.insert(item.questionID)
        if band == .weak { weakOn[item.questionID] = today }
        let schedule = try #require(
          try store.schedules().first { $0.questionID == item.questionID })
        if band == .weak {
          #expect(schedule.due.days(since: today) >= 1 && schedule.due.days(since: today) <= 2)
        } else if schedule.reviews == 1 {
          #expect(schedule.due.days(since: today) >= 3, "a first strong answer rests for days")
        }
      }
      try store.finish(session: session, ending: .completed, at: time.addingTimeInterval(3600))
    }
    // Every question answered weak before the last two evenings was asked again within two days.
    for (question, day) in weakOn
    where day.number <= LocalDay(Self.firstEvening, timeZone: Self.utc).number + 18 {
      let again = (1...2).contains { offset in
        drawnOn[day.adding(offset)]?.contains(question) ?? false
      }
      #expect(again, "\(question), weak on \(day.iso), was not asked again within two days")
    }
    #expect(dueDrawn > 0 && weakDrawn >= 0)
    #expect(!weakOn.isEmpty, "the simulated candidate answered some questions weak")
    // The schedule rebuilt from the saved ratings is the one kept as answers were saved.
    let kept = try store.schedules()
    #expect(try store.rebuildSchedules() == kept.count)
    #expect(try store.schedules() == kept)
  }

  @Test("the streak counts local days up to today, or up to yesterday before today's practice")
  func streak() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let store = try SessionStore(home: home.url, timeZone: shanghai)
    let item = SessionPlan.Item(questionID: "q", component: .ciCd, limitSeconds: 600)
    let plan = SessionPlan(items: [item], sessionLimitSeconds: 600, seed: 0)
    // 2026-12-03 23:50 in Shanghai, then 00:10 and 23:00 the next day, then two days later.
    let late = Date(timeIntervalSince1970: 1_796_313_000)
    let times = [late, late.addingTimeInterval(20 * 60), late.addingTimeInterval(23 * 3600)]
    for time in times {
      let session = try store.createSession(plan: plan, startedAt: time, bank: "/b")
      try store.record(Self.answer(item, position: 0, band: .strong, at: time), session: session)
    }
    let first = LocalDay(late, timeZone: shanghai)
    #expect(
      try store.practiceStreak(endingOn: first.adding(1))
        == PracticeStreak(days: 2, practisedToday: true))
    #expect(
      try store.practiceStreak(endingOn: first.adding(2))
        == PracticeStreak(days: 2, practisedToday: false), "yesterday's run still stands")
    #expect(
      try store.practiceStreak(endingOn: first.adding(3))
        == PracticeStreak(days: 0, practisedToday: false), "a day missed breaks it")
    #expect(
      try store.practiceStreak(endingOn: first)
        == PracticeStreak(days: 1, practisedToday: true), "later answers do not count")
  }

  @Test("a rating chosen with :again or :easy overrides the band's, and is kept with the answer")
  func ratingOverride() throws {
    let home = TemporaryHome()
    defer { home.remove() }
    let store = try SessionStore(home: home.url, timeZone: Self.utc)
    let item = SessionPlan.Item(questionID: "q", component: .ciCd, limitSeconds: 600)
    let plan = SessionPlan(items: [item], sessionLimitSeconds: 600, seed: 0)
    let session = try store.createSession(plan: plan, startedAt: Self.firstEvening, bank: "/b")
    var answer = Self.answer(item, position: 0, band: .strong, at: Self.firstEvening)
    try store.record(answer, session: session)
    let good = try #require(try store.schedules().first)
    #expect(good.lastRating == .good && good.due.days(since: good.lastReview) >= 3)
    answer.rating = .again
    try store.record(answer, session: session, replacing: true)
    let again = try #require(try store.schedules().first)
    #expect(again.lastRating == .again && again.due.days(since: again.lastReview) == 1)
    #expect(again.reviews == 1, "the replaced answer is one review, not two")
    #expect(try store.transcripts().first?.answers.first?.rating == .again)
  }
}
