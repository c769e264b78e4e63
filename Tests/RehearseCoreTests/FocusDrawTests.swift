import Foundation
import Testing

@testable import RehearseCore

/// `mock --focus`: the draw leans on the focus's heaviest components and the questions asking
/// its terms, reproducibly, without losing the study order.
@Suite("Focused draw")
struct FocusDrawTests {
  static func focus(bank: Bank, _ relative: String = ReconTests.netease) throws -> FocusDraw {
    let report = try ReconTests.read(relative, bank: bank)
    return FocusDraw(Focus(name: "job", report: report), bank: bank)
  }

  @Test(
    "over 100 seeded default sessions, at least 60% of the questions come from the top two",
    arguments: [ReconTests.netease, ReconTests.analytics])
  func topTwoShare(relative: String) throws {
    let bank = try ReconTests.bank()
    let focus = try Self.focus(bank: bank, relative)
    let top = Set(
      focus.weights.sorted { $0.value > $1.value }.prefix(2).map(\.key))
    var fromTop = 0
    var total = 0
    for seed in UInt64(0)..<100 {
      var selection = SessionSelection(seed: seed)
      selection.focus = focus
      let plan = try SessionPlan.draw(from: bank, selection).plan
      #expect(plan.items.count == Component.allCases.count, "a default session keeps 7 questions")
      #expect(plan.focus == "job")
      total += plan.items.count
      fromTop += plan.items.count { top.contains($0.component) }
    }
    #expect(Double(fromTop) / Double(total) >= 0.6, "\(fromTop) of \(total)")
  }

  @Test("without a focus the default session still asks one question per component")
  func unfocused() throws {
    let plan = try SessionPlan.draw(from: try ReconTests.bank(), SessionSelection(seed: 7)).plan
    #expect(plan.components == Component.allCases)
    #expect(plan.focus == nil)
  }

  @Test("the same seed draws the same focused session; another seed may differ")
  func reproducible() throws {
    let bank = try ReconTests.bank()
    var selection = SessionSelection(count: 10, seed: 42)
    selection.focus = try Self.focus(bank: bank)
    let first = try SessionPlan.draw(from: bank, selection).plan
    let second = try SessionPlan.draw(from: bank, selection).plan
    #expect(first == second)
    let others = try (0..<20).map { seed -> SessionPlan in
      selection.seed = UInt64(seed)
      return try SessionPlan.draw(from: bank, selection).plan
    }
    #expect(Set(others.map { $0.items.map(\.questionID) }).count > 1)
  }

  @Test("within a component, questions asking the focus's terms come first")
  func termsFirst() throws {
    let bank = try ReconTests.bank()
    let focus = try Self.focus(bank: bank)
    for seed in UInt64(0)..<20 {
      var selection = SessionSelection(components: [.cloudPlatforms], count: 3, seed: seed)
      selection.focus = focus
      let plan = try SessionPlan.draw(from: bank, selection).plan
      #expect(plan.items.allSatisfy { focus.questionIDs.contains($0.questionID) })
    }
  }

  @Test("a due question still comes before the focus's questions")
  func studyFirst() throws {
    let bank = try ReconTests.bank()
    // A focus asking every cloud question but one, which is due.
    let cloud = bank.questions.filter { $0.component == .cloudPlatforms }.map(\.id)
    let lastID = try #require(cloud.last)
    let unfocused = try #require(bank.question(id: lastID))
    var focus = try Self.focus(bank: bank)
    focus.questionIDs = Set(cloud.dropLast())
    let today = StudyDrawTests.today
    var selection = SessionSelection(components: [.cloudPlatforms], count: 1, seed: 3)
    selection.focus = focus
    selection.study = StudyState(
      today: today,
      schedules: [unfocused.id: StudyDrawTests.schedule(unfocused.id, lastReview: -5, due: 0)],
      weakQuestions: [:])
    let plan = try SessionPlan.draw(from: bank, selection).plan
    #expect(plan.items.map(\.questionID) == [unfocused.id])
  }
}
