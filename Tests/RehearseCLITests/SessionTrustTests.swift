import Foundation
import RehearseCore
import RehearseStore
import Testing

/// The session a candidate can trust: feedback read before the next clock starts, answers with
/// paragraphs, nothing typed lost to a closed terminal or Ctrl-\, one process per session, and
/// feedback a driver can read as it comes.
@Suite("Sessions that keep what is typed", .serialized)
struct SessionTrustTests {
  /// Two open questions, so every answer ends at a single `.`.
  static let twoOpenQuestions = ["mock", "--component", "database-concepts", "--count", "2"]

  /// The limit shown in the header of question `number`, in seconds.
  static func limit(ofQuestion number: Int, on screen: String) -> Int? {
    guard let header = Screen(screen).lines.last(where: { $0.hasPrefix("Question \(number) of") }),
      let clock = header.split(separator: " ").last
    else { return nil }
    let parts = clock.split(separator: ":").compactMap { Int($0) }
    return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
  }

  @Test("time on the feedback screen leaves the next question its full time")
  func feedbackBeforeTheClock() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("session "))
    session.type("Indexes speed up reads at the cost of writes.\r.\r")
    #expect(session.waitFor("Enter: question 2 of 2"))
    #expect(session.waitFor("clock stopped"))
    // Time passes on the feedback screen; none of it may be the next question's.
    usleep(2_500_000)
    session.type("\r")
    #expect(session.waitFor("Question 2 of 2"))
    #expect(eventually { TerminalSessionTests.countdown(on: session.screen) != nil })
    let limit = try #require(Self.limit(ofQuestion: 2, on: session.screen))
    let shown = try #require(TerminalSessionTests.countdown(on: session.screen))
    #expect(shown == limit, "the next question starts with \(shown) of its \(limit) s")
    session.type(":quit\r")
    #expect(session.exitStatus() == 0)
  }

  @Test("with --no-pause the next question is asked with the feedback")
  func noPause() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions + ["--no-pause"], home: home)
    #expect(session.waitFor("session "))
    session.type("An answer.\r.\r")
    #expect(session.waitFor("Question 2 of 2"))
    #expect(!session.screen.contains("clock stopped"))
    session.type(":quit\r")
    #expect(session.exitStatus() == 0)
  }

  @Test("a blank line inside an answer keeps it open; :continue adds to an answer sent early")
  func paragraphsAndContinue() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("session "))
    session.type("First paragraph.\r\rSecond paragraph.\r.\r")
    #expect(session.waitFor("Enter: question 2 of 2"))
    #expect(try home.savedAnswers().map(\.text) == ["First paragraph.\n\nSecond paragraph."])
    session.type(":continue\r")
    #expect(session.waitFor("Continuing question 1 of 2"))
    session.type("A third, sent after going back.\r.\r")
    #expect(eventually { (try? home.savedAnswers().first?.text.contains("third")) == true })
    let answers = try home.savedAnswers()
    #expect(answers.count == 1, "the continued answer replaced the first")
    #expect(
      answers.first?.text
        == "First paragraph.\n\nSecond paragraph.\nA third, sent after going back."
    )
    session.type(":quit\r")
    #expect(session.exitStatus() == 0)
  }

  @Test("closing the terminal mid-line keeps the typed text as interrupted")
  func hangUp() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("session "))
    session.type("a whole first line\r")
    session.type("and half a seco")
    #expect(session.waitFor("and half a seco"))
    session.hangUp()
    #expect(session.exitStatus() == 129)
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.outcome == .interrupted)
    #expect(answer.text == "a whole first line\nand half a seco")
  }

  @Test("Ctrl-\\ (SIGQUIT) ends the session like SIGTERM: text saved, no crash report")
  func quitSignal() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("session "))
    session.type("typed before Ctrl-\\")
    #expect(session.waitFor("typed before Ctrl-\\"))
    kill(session.process.processIdentifier, SIGQUIT)
    #expect(session.exitStatus() == 131)
    #expect(session.isInNormalMode)
    #expect(try home.savedAnswers().map(\.text) == ["typed before Ctrl-\\"])
    #expect(!session.screen.contains("crashed") && !session.screen.contains("Backtrace"))
  }

  @Test("--resume of a session running elsewhere exits 75, and the running session saves on")
  func oneProcessPerSession() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("session "))
    let second = try home.run(["mock", "--resume"], input: "an answer from elsewhere\n.\n")
    #expect(second.status == 75)
    #expect(second.standardError.contains("running in another terminal"))
    session.type("The first terminal's answer.\r.\r")
    #expect(session.waitFor("Enter: question 2 of 2"))
    #expect(try home.savedAnswers().map(\.text) == ["The first terminal's answer."])
    session.type(":quit\r")
    #expect(session.exitStatus() == 0)
    // Once it has stopped, the session can be resumed.
    let resumed = try home.run(["mock", "--resume"], input: "Resumed here.\n.\n")
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(
      try home.savedAnswers().map(\.text) == ["The first terminal's answer.", "Resumed here."])
  }

  @Test("a piped driver reads each answer's feedback before it sends the next answer")
  func pipedFeedbackAsItComes() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try RunningSession(Self.twoOpenQuestions, home: home)
    #expect(session.waitFor("Question 1 of 2"))
    try session.send("Indexes speed up reads.\n.\n")
    #expect(session.waitForOutput("score "), "the first feedback arrives before the next answer")
    #expect(!session.output.contains("rehearse review"), "the summary comes only at the end")
    #expect(session.waitFor("Question 2 of 2"))
    try session.send("Normalisation removes redundancy.\n.\n")
    let ended = session.wait()
    #expect(ended.status == 0)
    #expect(ended.output.components(separatedBy: "score ").count - 1 >= 2)
    #expect(try home.savedAnswers().count == 2)
  }
}

@Suite("History filters", .serialized)
struct HistoryFilterTests {
  @Test("history lists the sessions of a component, since a day, up to a number")
  func filters() throws {
    let home = SharedHome()
    defer { home.remove() }
    for component in ["database-concepts", "behavioural"] {
      let run = try home.run(
        ["mock", "--component", component, "--count", "1"], input: "An answer.\n.\n")
      #expect(run.status == 0, "\(run.standardError)")
    }
    func ids(_ arguments: [String]) throws -> [Int] {
      let run = try home.run(["history", "--format", "json"] + arguments)
      #expect(run.status == 0, "\(run.standardError)")
      let rows = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
      return (rows as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }
    #expect(try ids([]) == [2, 1])
    #expect(try ids(["--component", "behavioural"]) == [2])
    #expect(try ids(["--limit", "1"]) == [2])
    #expect(try ids(["--since", "2999-01-01"]) == [])
    #expect(try ids(["--since", "2000-01-01"]) == [2, 1])
    let text = try home.run(["history", "--since", "2999-01-01"])
    #expect(text.standardOutput.contains("No session matches"))
    for wrong in [["--since", "2026-02-30"], ["--since", "yesterday"], ["--limit", "0"]] {
      #expect(try home.run(["history"] + wrong).status == 64, "\(wrong)")
    }
  }
}

@Suite("Weak talking points from the command line", .serialized)
struct WeakCommandTests {
  static let question = "dbc-sharding-vs-partitioning"

  func weakPoints(_ home: SharedHome) throws -> [String] {
    let run = try home.run(["weak", "--format", "json"])
    #expect(run.status == 0, "\(run.standardError)")
    let rows = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
    return (rows as? [[String: Any]] ?? []).compactMap { $0["point"] as? String }
  }

  @Test("weak lists the points a session missed; answering them well clears them")
  func missedThenMade() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try weakPoints(home).isEmpty)
    let empty = try home.run(["weak"])
    #expect(empty.standardOutput.contains("No weak talking points"))

    let weakAnswer = try home.run(["ask", Self.question], input: "It is about databases.\n.\n")
    #expect(weakAnswer.status == 0, "\(weakAnswer.standardError)")
    let missed = try weakPoints(home)
    #expect(!missed.isEmpty, "the weak answer's missed points are remembered")
    let text = try home.run(["weak"])
    #expect(text.standardOutput.contains(Self.question))

    let shown = try home.run(["bank", "show", Self.question, "--format", "json"])
    let question = try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8))
    let model = try #require((question as? [String: Any])?["model_answer"] as? String)
    let strong = try home.run(["ask", Self.question], input: model + "\n.\n")
    #expect(strong.status == 0, "\(strong.standardError)")
    let left = try weakPoints(home)
    #expect(left.count < missed.count, "points made by the model answer are cleared: \(left)")
    #expect(Set(left).isSubset(of: Set(missed)))
  }
}
