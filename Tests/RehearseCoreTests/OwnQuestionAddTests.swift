import Foundation
import Testing

@testable import RehearseCore

@Suite("Adding own questions through the core entry points")
struct OwnQuestionAddTests {
  /// A bank, an own bank folder, and a request for them.
  private func setUp() throws -> (TestBank, URL, BankSource) {
    let bank = try TestBank()
    let own = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-own-add-\(UUID().uuidString)")
    let source = BankSource(
      explicitPath: bank.root.path, environment: [:], executablePath: "/bin/sh",
      currentDirectory: "/", ownBank: own)
    return (bank, own, source)
  }

  @Test(
    "prefilled fields round-trip through the written YAML, whatever the text holds",
    arguments: [
      "One line: with a colon, \"quotes\" and # a hash",
      "Two lines\nthe second # not a comment",
      "  leading spaces\nand a second line",
      "A tab\there and a paragraph\n\nafter an empty line",
      "Yes: a queue decouples producers from consumers",
    ])
  func roundTrip(modelAnswer: String) throws {
    let (bank, own, source) = try setUp()
    defer {
      bank.remove()
      try? FileManager.default.removeItem(at: own)
    }
    let request = BankAddRequest(
      bank: source,
      question: OwnQuestionDraft(
        component: .systemDesign, prompt: "Design: a \"queue\"?", modelAnswer: modelAnswer,
        tags: ["kafka", "a, b"], difficulty: 3, minutes: 12))
    let draft = try Rehearse.bankAddDraft(request)
    #expect(draft.id == "own-design-a-queue")
    let id = try Rehearse.bankAddFinish(request, draft: draft)
    #expect(id == draft.id)
    #expect(!FileManager.default.fileExists(atPath: draft.folder.path))
    let loaded = try source.loadStrict()
    let question = try #require(loaded.question(id: id))
    #expect(question.isOwn)
    #expect(question.prompt == "Design: a \"queue\"?")
    #expect(question.modelAnswer == modelAnswer.trimmedWhitespace)
    #expect(question.tags == ["kafka", "a, b"])
    #expect(question.component == .systemDesign)
    #expect(question.difficulty == 3 && question.minutes == 12)
    #expect(loaded.rubrics[id]?.examples.map(\.answer) == [modelAnswer.trimmedWhitespace])
    let result = BankTester.run(loaded)
    #expect(result.failures.filter { $0.question == id }.isEmpty)
    #expect(result.selfTestFailures.filter { $0.question == id }.isEmpty)
  }

  @Test("an id is numbered past one taken, and a given id must be free and well formed")
  func ids() throws {
    let (bank, own, source) = try setUp()
    defer {
      bank.remove()
      try? FileManager.default.removeItem(at: own)
    }
    func add(_ id: String? = nil) throws -> String {
      let request = BankAddRequest(
        bank: source,
        question: OwnQuestionDraft(
          component: .cloudPlatforms, prompt: "What is S3?", modelAnswer: "Object storage.",
          id: id))
      return try Rehearse.bankAddFinish(request, draft: try Rehearse.bankAddDraft(request))
    }
    #expect(try add() == "own-what-is-s3")
    #expect(try add() == "own-what-is-s3-2")
    #expect(throws: OwnBankError.invalidID("Bad_Id")) { try add("Bad_Id") }
    #expect(throws: OwnBankError.self) { try add("dbc-sharding") }
    #expect(throws: OwnBankError.self) { try add("own-what-is-s3") }
  }
}
