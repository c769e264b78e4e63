import Foundation
import RehearseCore
import Testing

/// What a terminal session does between questions, with paragraphs, and while stopped: the
/// feedback is read with every clock stopped, an answer ended by mistake can be continued, and
/// empty lines keep an answer open.
@Suite("Session pauses and paragraphs")
struct SessionPauseTests {
  typealias Base = SessionMachineTests

  static func pausing(plan: SessionPlan = Base.plan()) throws -> SessionMachine {
    try SessionMachine(
      plan: plan, bank: try #require(Base.bank), mode: .terminal, pausesAfterFeedback: true)
  }

  static func pause(_ outputs: [SessionMachine.Output]) -> SessionMachine.Pause? {
    outputs.lazy.compactMap { output -> SessionMachine.Pause? in
      if case .paused(let pause) = output { pause } else { nil }
    }.first
  }

  @Test("empty lines separate paragraphs at a terminal; a single dot submits")
  func paragraphs() throws {
    var machine = try Base.machine()
    _ = machine.start(at: Base.t0)
    for line in ["Shards are independent databases.", "", "", "Each holds part of the rows."] {
      #expect(Base.recorded(Base.feed(&machine, .line(line), at: Base.at(5))).isEmpty)
    }
    #expect(machine.state == .asking(position: 0), "the blank lines left the answer open")
    let answer = try #require(Base.recorded(Base.feed(&machine, .line("."), at: Base.at(9))).first)
    #expect(answer.text == "Shards are independent databases.\n\n\nEach holds part of the rows.")
  }

  @Test("the feedback is read with the clocks stopped: the next question gets all its time")
  func feedbackBeforeTheClock() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    _ = Base.feed(&machine, .line("Shards are independent databases"), at: Base.at(10))
    let outputs = Base.feed(&machine, .line("."), at: Base.at(12))
    #expect(Base.recorded(outputs).count == 1)
    #expect(Base.asked(outputs).isEmpty, "no question is asked while the feedback is read")
    let pause = try #require(Self.pause(outputs))
    #expect(pause == .init(answered: 0, next: 1, total: 2, continueSeconds: 48, rating: .hard))
    #expect(machine.state == .paused(position: 0))
    #expect(machine.deadline == nil && machine.timeLeft(at: Base.at(500)) == nil)
    #expect(machine.pause == pause)
    // Nothing runs out while the candidate reads, however long.
    #expect(Base.feed(&machine, .timeout(partial: ""), at: Base.at(400)).isEmpty)

    // Read for 20 s, then Enter: the next question starts with its whole minute, and the
    // session has lost only the 12 s of the answer.
    let next = Base.feed(&machine, .line(""), at: Base.at(32))
    #expect(Base.asked(next) == [Base.etl])
    #expect(machine.deadline == Base.at(92))
    #expect(
      machine.timeLeft(at: Base.at(32))
        == .init(question: 60, questionLimit: 60, session: 108, sessionLimit: 120))
  }

  @Test("each answer rates its question; :again and :easy change the rating between questions")
  func ratings() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    _ = Base.feed(&machine, .line("Shards are independent databases"), at: Base.at(10))
    let outputs = Base.feed(&machine, .line("."), at: Base.at(12))
    let answer = try #require(Base.recorded(outputs).first)
    #expect(answer.scored.band == .adequate && answer.rating == .hard)
    #expect(Self.pause(outputs)?.rating == .hard)
    let easy = Base.feed(&machine, .line(":easy"), at: Base.at(14))
    guard case .rated(let rated) = easy.first else {
      Issue.record("expected the answer rated again, got \(easy)")
      return
    }
    #expect(rated.rating == .easy && rated.position == 0 && rated.text == answer.text)
    #expect(machine.answers.first?.rating == .easy, "the machine keeps the rating chosen")
    #expect(machine.state == .paused(position: 0), "rating does not move the session on")
    #expect(Base.asked(Base.feed(&machine, .line(""), at: Base.at(16))) == [Base.etl])
    // While a question is open there is nothing to rate yet.
    let early = Base.feed(&machine, .line(":again"), at: Base.at(17))
    guard case .notice(let text) = early.first else {
      Issue.record("expected a notice, got \(early)")
      return
    }
    #expect(text.contains("once it is given"))
  }

  @Test("a strong answer without hints in under half the time rates easy; with a hint, good")
  func ratingFromBandHintsAndTime() {
    #expect(ReviewRating(band: .weak, hintsUsed: 0, secondsUsed: 10, secondsAllowed: 600) == .again)
    #expect(
      ReviewRating(band: .adequate, hintsUsed: 0, secondsUsed: 10, secondsAllowed: 600) == .hard)
    #expect(
      ReviewRating(band: .strong, hintsUsed: 0, secondsUsed: 299, secondsAllowed: 600) == .easy)
    #expect(
      ReviewRating(band: .strong, hintsUsed: 0, secondsUsed: 300, secondsAllowed: 600) == .good)
    #expect(
      ReviewRating(band: .strong, hintsUsed: 1, secondsUsed: 10, secondsAllowed: 600) == .good)
    #expect(
      ReviewRating(band: .strong, hintsUsed: 0, secondsUsed: 10, secondsAllowed: nil) == .good)
  }

  @Test("between questions, text is not kept, :help lists what works there, Ctrl-C ends")
  func betweenQuestions() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    _ = Base.feed(&machine, .line("an answer"), at: Base.at(5))
    _ = Base.feed(&machine, .line("."), at: Base.at(6))
    let typed = Base.feed(&machine, .line("the next answer, too early"), at: Base.at(7))
    guard case .notice(let text) = typed.first else {
      Issue.record("expected a notice, got \(typed)")
      return
    }
    #expect(text.contains("not kept"))
    #expect(machine.state == .paused(position: 0))
    #expect(
      Base.feed(&machine, .line(":help"), at: Base.at(8))
        == [.help(SessionMachine.Command.betweenQuestions)])
    #expect(Base.feed(&machine, .line(":hint"), at: Base.at(8)).count == 1)
    #expect(machine.state == .paused(position: 0))
    #expect(
      Base.feed(&machine, .interrupt(partial: ""), at: Base.at(9)) == [.finished(.interrupted)])
    #expect(machine.answers.count == 1, "the answer given stays saved")
  }

  @Test("the last answer is followed by the summary at once, without a wait")
  func noWaitAfterTheLast() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    _ = Base.feed(&machine, .line("first"), at: Base.at(5))
    _ = Base.feed(&machine, .line("."), at: Base.at(5))
    _ = Base.feed(&machine, .line(""), at: Base.at(6))
    _ = Base.feed(&machine, .line("second"), at: Base.at(8))
    let outputs = Base.feed(&machine, .line("."), at: Base.at(9))
    #expect(Self.pause(outputs) == nil)
    #expect(outputs.last == .finished(.completed))
  }

  @Test(":continue goes back to the answer with its time left, and the answer is saved anew")
  func continueAnAnswer() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    _ = Base.feed(&machine, .line(":hint"), at: Base.at(2))
    _ = Base.feed(&machine, .line("Shards are independent databases"), at: Base.at(10))
    _ = Base.feed(&machine, .line("."), at: Base.at(12))
    let first = try #require(machine.answers.first)

    let back = Base.feed(&machine, .line(":continue"), at: Base.at(40))
    guard case .continuing(let asked, let draft, let left) = back.first else {
      Issue.record("expected the answer back, got \(back)")
      return
    }
    #expect(asked.question.id == Base.sharding && asked.position == 0)
    #expect(draft == first.text)
    #expect(left == 48)
    #expect(machine.state == .asking(position: 0))
    #expect(machine.answers.isEmpty, "the answer is open again")
    #expect(machine.deadline == Base.at(88), "48 s left, from 40 s")
    #expect(machine.draft == ["Shards are independent databases"])

    _ = Base.feed(&machine, .line("on separate nodes."), at: Base.at(50))
    let outputs = Base.feed(&machine, .line("."), at: Base.at(52))
    let again = try #require(Base.recorded(outputs).first)
    #expect(again.position == 0)
    #expect(again.text == "Shards are independent databases\non separate nodes.")
    #expect(again.secondsUsed == 24, "12 s before and 12 s after going back")
    #expect(again.hintsUsed == first.hintsUsed)
    #expect(machine.answers.map(\.position) == [0])
    // The 28 s of reading counted against no clock: the session lost 24 s.
    let next = Base.feed(&machine, .line(""), at: Base.at(60))
    #expect(Base.asked(next) == [Base.etl])
    #expect(machine.timeLeft(at: Base.at(60))?.session == 96)
  }

  @Test("an answer that timed out cannot be continued")
  func continueAfterTimeout() throws {
    var machine = try Self.pausing()
    _ = machine.start(at: Base.t0)
    let outputs = Base.feed(&machine, .timeout(partial: "half"), at: Base.at(60))
    #expect(Self.pause(outputs)?.continueSeconds == nil)
    let refused = Base.feed(&machine, .line(":continue"), at: Base.at(61))
    guard case .notice(let text) = refused.first else {
      Issue.record("expected a notice, got \(refused)")
      return
    }
    #expect(text.contains("no time left"))
    #expect(machine.state == .paused(position: 0))
  }

  @Test("time spent stopped with Ctrl-Z counts against no clock")
  func stopped() throws {
    var machine = try Base.machine()
    _ = machine.start(at: Base.t0)
    #expect(machine.deadline == Base.at(60))
    machine.stopped(for: 300)
    #expect(machine.deadline == Base.at(360))
    #expect(
      machine.timeLeft(at: Base.at(310))
        == .init(question: 50, questionLimit: 60, session: 110, sessionLimit: 120))
  }
}
