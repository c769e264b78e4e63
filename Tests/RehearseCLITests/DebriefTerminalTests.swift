import Foundation
import RehearseCore
import Testing

@Suite("Debrief at a terminal", .serialized)
struct DebriefTerminalTests {
  @Test("Tab completes a rating, and Ctrl-C mid-answer keeps the debrief, incomplete, exit 130")
  func interruptKeepsDebrief() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(
      ["debrief", "--company", "Acme", "--round", "technical 1", "--date", "2026-11-20"],
      home: home)
    #expect(session.waitFor("Role"))
    session.type("\r")
    #expect(session.waitFor("Interviewer"))
    session.type("\r")
    #expect(session.waitFor("Question 1"))
    session.type("Explain Kafka partitions.\r")
    #expect(session.waitFor("How did it go?"))
    session.type("par\t\r")
    #expect(session.waitFor("What you answered"))
    session.type("Ordering per partition.\r")
    #expect(session.waitFor("…"))
    session.process.interrupt()
    #expect(session.exitStatus() == 130)
    #expect(session.waitFor("marked incomplete"))
    let saved = try #require(try home.json(["debrief", "show", "d1"]) as? [String: Any])
    #expect(saved["complete"] as? Bool == false)
    let questions = try #require(saved["questions"] as? [[String: Any]])
    #expect(questions.first?["rating"] as? String == "partly")
    #expect(questions.first?["answer"] as? String == "Ordering per partition.")
  }
}
