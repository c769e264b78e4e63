import Foundation
import RehearseCore
import RehearseStore
import Testing

@Suite("Story rehearsal at a terminal", .serialized)
struct StoryTerminalTests {
  @Test("a rehearsal shows the countdown, scores the retelling and saves it for review")
  func rehearsal() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let session = try PseudoTerminalSession(
      ["story", "rehearse", "control-tower-pipeline", "--minutes", "2"], home: home)
    #expect(session.waitFor("session "))
    #expect(TerminalSessionTests.countdown(on: session.screen) == 120)
    let moved = eventually(within: 10) {
      (TerminalSessionTests.countdown(on: session.screen) ?? 120) < 120
    }
    #expect(moved, "the countdown moves: \(session.screen)")
    session.type(":hint\r")
    #expect(session.waitFor("Hint 1 of 4: Situation"))
    session.type("At a manufacturing site we needed a dashboard fed from SAP and InfluxDB.\r")
    #expect(session.waitFor("…"))
    session.type(
      "I built the pipeline into SQL Server and the load went from 1 day to 1 hour.\r.\r")
    #expect(session.waitFor("summary"))
    #expect(session.exitStatus() == 0)
    #expect(session.screen.contains("Fact: InfluxDB"))

    let review = try home.run(["review", "last"])
    #expect(review.status == 0)
    #expect(review.standardOutput.contains("story:control-tower-pipeline"))
    #expect(review.standardOutput.contains("I built the pipeline into SQL Server"))
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.outcome == .answered)
    #expect(answer.hintsUsed == 1)
    #expect(answer.scored.star?.star.action == true)
  }
}
