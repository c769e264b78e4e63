import Foundation
import GRDB
import RehearseCore
import RehearseStore

// What the study commands cost on a large store: N sessions of seven answers each, made in one
// transaction in a temporary home, then `history`, `weak` and `progress` timed as the commands run them.
// Run it release-built:
//   swift run -c release StoreBenchmark [--sessions N] [--rounds N] [--only NAME]
// It reports the median and the best time of each, and the peak memory of the process.

var sessionCount = 10_000
var rounds = 5
/// Only the cases whose names start with this, so that the peak memory is theirs.
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--sessions": sessionCount = arguments.next().flatMap(Int.init) ?? sessionCount
  case "--rounds": rounds = max(1, arguments.next().flatMap(Int.init) ?? rounds)
  case "--only": only = arguments.next()
  default:
    FileHandle.standardError.write(
      Data("usage: StoreBenchmark [--sessions N] [--rounds N] [--only NAME]\n".utf8))
    exit(64)
  }
}

let home = FileManager.default.temporaryDirectory
  .appendingPathComponent("rehearse-store-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: home) }

// The schema comes from the store itself; the rows are written in bulk beside it.
let clock = ContinuousClock()
let fillStart = clock.now
do {
  let store = try SessionStore(home: home)
  _ = store
  let queue = try DatabaseQueue(path: home.appendingPathComponent(RehearseHome.databaseName).path)
  let components = Component.allCases
  let plan = SessionPlan(
    items: components.enumerated().map {
      .init(questionID: "q-\($0.offset)", component: $0.element, limitSeconds: 240)
    }, sessionLimitSeconds: 1680, seed: 1)
  let planText = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
  let start = Date(timeIntervalSince1970: 1_800_000_000)
  try queue.write { database in
    for session in 0..<sessionCount {
      let began = start.timeIntervalSince1970 + Double(session) * 3_600
      try database.execute(
        sql: """
          INSERT INTO session (started_at, ended_at, ending, plan, bank, planned)
          VALUES (?, ?, 'completed', ?, '/bank', 7)
          """, arguments: [began, began + 1_500, planText])
      let sessionID = database.lastInsertedRowID
      for position in 0..<7 {
        let question = "q-\((session * 7 + position) % 150)"
        let score = (session * 31 + position * 17) % 101
        let scored = ScoredAnswer(
          question: question, score: score, band: Band(score: score),
          hits: [.init(point: "point a of \(question)", weight: 1, required: false, evidence: [])],
          misses: [
            .init(
              point: "point b of \(question)", weight: 1, required: false, credit: 0,
              evidence: [])
          ], misconceptions: [], cappedByRequired: false)
        let scoredText = String(decoding: try JSONEncoder().encode(scored), as: UTF8.self)
        let answered = began + Double(position) * 200
        try database.execute(
          sql: """
            INSERT INTO answer (session_id, position, question_id, component, prompt, text,
              outcome, started_at, answered_at, seconds_used, hints_used, score, band, scored)
            VALUES (?, ?, ?, ?, 'A prompt', 'An answer of a few words.', 'answered', ?, ?, 180,
              0, ?, ?, ?)
            """,
          arguments: [
            sessionID, position, question, components[position].rawValue, answered - 180,
            answered, score, Band(score: score).rawValue, scoredText,
          ])
        let answerID = database.lastInsertedRowID
        for (point, credit) in [("point a of \(question)", 1.0), ("point b of \(question)", 0)] {
          try database.execute(
            sql: """
              INSERT INTO answer_point (answer_id, question_id, point, credit, answered_at)
              VALUES (?, ?, ?, ?, ?)
              """, arguments: [answerID, question, point, credit, answered])
        }
      }
    }
  }
  try queue.close()
} catch {
  FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
  exit(70)
}
let fillSeconds = (clock.now - fillStart) / .seconds(1)
// The day after the last session: the store spans 10,000 hours, about 14 months.
let progressToday = Date(timeIntervalSince1970: 1_800_000_000 + Double(sessionCount) * 3_600)

func seconds(_ duration: Duration) -> Double { duration / .seconds(1) }

/// The times of `rounds` runs of `body`, each on a store opened afresh as a command does.
@MainActor func measure(_ body: (SessionStore) throws -> Int) throws -> [Double] {
  var times: [Double] = []
  for _ in 0..<rounds {
    let began = clock.now
    let store = try SessionStore(home: home)
    _ = try body(store)
    times.append(seconds(clock.now - began))
  }
  return times.sorted()
}

func peakMemoryMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

do {
  print(
    String(
      format: "store: %d sessions, %d answers, made in %.1f s", sessionCount, sessionCount * 7,
      fillSeconds))
  let cases: [(String, (SessionStore) throws -> Int)] = [
    ("opening the store alone", { _ in 0 }),
    (
      "history",
      {
        try Rehearse.history(TranscriptRequest(format: .text), archive: $0).standardOutput
          .utf8.count
      }
    ),
    ("history's query alone", { try $0.summaries(.all).count }),
    (
      "history --limit 20",
      {
        try Rehearse.history(
          TranscriptRequest(format: .text), filter: HistoryFilter(limit: 20), archive: $0
        ).standardOutput.utf8.count
      }
    ),
    ("weak", { try Rehearse.weak(WeakRequest(), archive: $0).standardOutput.utf8.count }),
    (
      "progress",
      {
        try Rehearse.progress(ProgressRequest(today: progressToday), archive: $0).standardOutput
          .utf8.count
      }
    ),
    (
      "progress --format html",
      {
        try Rehearse.progress(ProgressRequest(format: .html, today: progressToday), archive: $0)
          .standardOutput.utf8.count
      }
    ),
    (
      "progress's queries alone",
      { try $0.practiceLog(.all, timeZone: .current).tallies.count }
    ),
  ]
  for (name, body) in cases where only.map({ name.hasPrefix($0) }) ?? true {
    let times = try measure(body)
    print(
      String(
        format: "%@: median %.1f ms, best %.1f ms", name, times[times.count / 2] * 1000,
        times[0] * 1000))
  }
  print(String(format: "peak memory: %.0f MB", peakMemoryMegabytes()))
} catch {
  FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
  exit(70)
}
