import Foundation
import Testing

@testable import RehearseCore

/// The draw follows the study: due, then weak points, then new; resting questions wait; the
/// sources and tags choose.
@Suite("Study-ordered draw")
struct StudyDrawTests {
  static let today = LocalDay(number: 20_000)

  static func schedule(_ id: String, lastReview: Int, due: Int) -> QuestionSchedule {
    QuestionSchedule(
      questionID: id, memory: MemoryState(stability: 3, difficulty: 5),
      lastReview: today.adding(lastReview), due: today.adding(due), reviews: 1, lapses: 0,
      lastRating: .good)
  }

  static func bank() throws -> Bank {
    try Bank.load(from: Repository.root)
  }

  @Test("standing: due beats resting, resting beats weak, weak beats new beats seen")
  func standing() {
    let study = StudyState(
      today: Self.today,
      schedules: [
        "due": Self.schedule("due", lastReview: -1, due: 0),
        "resting": Self.schedule("resting", lastReview: -2, due: 4),
        "weak": Self.schedule("weak", lastReview: -5, due: 3),
        "seen": Self.schedule("seen", lastReview: -5, due: 3),
        "restingWeak": Self.schedule("restingWeak", lastReview: -1, due: 3),
      ], weakQuestions: ["weak": 2, "restingWeak": 1, "due": 1])
    #expect(study.standing(of: "due") == .due)
    #expect(study.standing(of: "resting") == .resting)
    #expect(study.standing(of: "restingWeak") == .resting)
    #expect(study.standing(of: "weak") == .weak)
    #expect(study.standing(of: "seen") == .seen)
    #expect(study.standing(of: "never") == .new)
  }

  @Test("each component's slot goes to a due question, then a weak one, before new ones")
  func order() throws {
    let bank = try Self.bank()
    let sql = bank.questions.filter { $0.component == .sqlPython }.map(\.id)
    let cloud = bank.questions.filter { $0.component == .cloudPlatforms }.map(\.id)
    let study = StudyState(
      today: Self.today,
      schedules: [
        sql[3]: Self.schedule(sql[3], lastReview: -6, due: -2),
        sql[4]: Self.schedule(sql[4], lastReview: -6, due: 0),
        cloud[2]: Self.schedule(cloud[2], lastReview: -8, due: 5),
        cloud[5]: Self.schedule(cloud[5], lastReview: -1, due: 1),
      ], weakQuestions: [cloud[2]: 1, cloud[5]: 3])
    for seed in UInt64(1)...20 {
      var selection = SessionSelection(
        components: [.sqlPython, .cloudPlatforms], count: 4, seed: seed)
      selection.study = study
      let ids = try SessionPlan.draw(from: bank, selection).plan.items.map(\.questionID)
      #expect(Array(ids.prefix(2)) == [sql[3], sql[4]], "due, most overdue first")
      #expect(ids[2] == cloud[2], "the weak question before new ones")
      #expect(!ids.contains(cloud[5]), "answered yesterday and not due: resting")
    }
  }

  @Test("--due, --weak and --new take only that kind; none left is a clear error")
  func sources() throws {
    let bank = try Self.bank()
    let sql = bank.questions.filter { $0.component == .sqlPython }.map(\.id)
    let study = StudyState(
      today: Self.today,
      schedules: [
        sql[0]: Self.schedule(sql[0], lastReview: -6, due: -1),
        sql[1]: Self.schedule(sql[1], lastReview: -6, due: 4),
      ], weakQuestions: [sql[1]: 1])
    func draw(_ source: DrawSource) throws -> [String] {
      var selection = SessionSelection(seed: 3)
      selection.study = study
      selection.source = source
      return try SessionPlan.draw(from: bank, selection).plan.items.map(\.questionID)
    }
    #expect(try draw(.due) == [sql[0]])
    #expect(try draw(.weak) == [sql[1]])
    let new = try draw(.new)
    #expect(new.count == Component.allCases.count && !new.contains(sql[0]))
    var none = SessionSelection(seed: 3)
    none.study = StudyState(today: Self.today)
    none.source = .due
    #expect(throws: SessionSelectionError.self) { try SessionPlan.draw(from: bank, none) }
  }

  @Test("--tag keeps only questions carrying one of the tags, any case")
  func tags() throws {
    let bank = try Self.bank()
    let tag = try #require(bank.questions.first { !$0.tags.isEmpty }?.tags.first)
    var selection = SessionSelection(count: 50, seed: 9)
    selection.tags = [tag.uppercased()]
    let plan = try SessionPlan.draw(from: bank, selection).plan
    #expect(!plan.items.isEmpty)
    for item in plan.items {
      #expect(bank.questions.first { $0.id == item.questionID }?.tags.contains(tag) == true)
    }
  }

  @Test("study days are local calendar days: 23:50 and 07:00 the next morning are a day apart")
  func calendarDays() {
    let zone = TimeZone(identifier: "Asia/Shanghai")!
    // 2026-12-03 23:50 and 2026-12-04 07:00 in Shanghai (UTC+8): one day in UTC.
    let late = Date(timeIntervalSince1970: 1_796_313_000)
    let morning = late.addingTimeInterval(7 * 3600 + 10 * 60)
    #expect(LocalDay(morning, timeZone: zone).days(since: LocalDay(late, timeZone: zone)) == 1)
    #expect(LocalDay(late, timeZone: zone).iso == "2026-12-03")
    #expect(
      LocalDay(morning, timeZone: TimeZone(secondsFromGMT: 0)!)
        == LocalDay(late, timeZone: TimeZone(secondsFromGMT: 0)!))
  }
}
