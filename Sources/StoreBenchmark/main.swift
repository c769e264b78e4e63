import Foundation
import GRDB
import RehearseCore
import RehearseStore

// What the study commands cost on a large store: N sessions of seven answers each (to the shipped
// bank's questions, each rated as its band rates it), made in one transaction in a temporary
// home, then `history`, `weak`, `today`, `progress`, what `mock` reads before its first prompt,
// and `reschedule` timed as the commands run them.
// Run it release-built:
//   swift run -c release StoreBenchmark [--sessions N] [--rounds N] [--only NAME] [--keep]
// --only times only the cases whose names start with NAME, so that the peak memory is theirs;
// --keep leaves the store and names its home, to time the commands themselves on it.
// It reports the median and the best time of each, and the peak memory of the process: after the
// store is made, and at the end. The targets at 10,000 sessions: each command within 100 ms,
// the process within 50 MB.

var sessionCount = 10_000
var rounds = 5
var keep = false
/// Only the cases whose names start with this, so that the peak memory is theirs.
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--sessions": sessionCount = arguments.next().flatMap(Int.init) ?? sessionCount
  case "--rounds": rounds = max(1, arguments.next().flatMap(Int.init) ?? rounds)
  case "--keep": keep = true
  case "--only": only = arguments.next()
  default:
    FileHandle.standardError.write(
      Data("usage: StoreBenchmark [--sessions N] [--rounds N] [--only NAME] [--keep]\n".utf8))
    exit(64)
  }
}

let home = FileManager.default.temporaryDirectory
  .appendingPathComponent("rehearse-store-benchmark-\(UUID().uuidString)")
defer {
  if keep {
    print("kept the store: REHEARSE_HOME=\(home.path)")
  } else {
    try? FileManager.default.removeItem(at: home)
  }
}

// The bank as the commands load it: from its compiled cache under the home after the first time.
let bankSource = BankSource(
  explicitPath: nil, environment: ProcessInfo.processInfo.environment,
  executablePath: ProgramPath.current(),
  currentDirectory: FileManager.default.currentDirectoryPath,
  cacheFolder: home.appendingPathComponent("cache"))
let bank: Bank
do {
  bank = try bankSource.load()
} catch {
  FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
  exit(66)
}
let questionsByComponent = Component.allCases.map { component in
  bank.questions.filter { $0.component == component }.map(\.id)
}

// The schema comes from the store itself; the rows are written in bulk beside it, and the
// store's triggers keep its counts as they go, as they do for every answer saved. Each statement
// is prepared once: preparing one compiles the triggers it fires too.
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
    let insertSession = try database.makeStatement(
      sql: """
        INSERT INTO session (started_at, ended_at, ending, plan, bank, planned)
        VALUES (?, ?, 'completed', ?, '/bank', 7)
        """)
    let insertAnswer = try database.makeStatement(
      sql: """
        INSERT INTO answer (session_id, position, question_id, component, prompt, text,
          outcome, started_at, answered_at, seconds_used, hints_used, score, band, scored, rating)
        VALUES (?, ?, ?, ?, 'A prompt', 'An answer of a few words.', 'answered', ?, ?, 180,
          0, ?, ?, ?, ?)
        """)
    let insertPoint = try database.makeStatement(
      sql: """
        INSERT INTO answer_point (answer_id, question_id, point, credit, answered_at)
        VALUES (?, ?, ?, ?, ?)
        """)
    for session in 0..<sessionCount {
      let began = start.timeIntervalSince1970 + Double(session) * 3_600
      try insertSession.execute(arguments: [began, began + 1_500, planText])
      let sessionID = database.lastInsertedRowID
      for position in 0..<7 {
        let pool = questionsByComponent[position]
        let question = pool[(session * 3 + position) % pool.count]
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
        try insertAnswer.execute(
          arguments: [
            sessionID, position, question, components[position].rawValue, answered - 180,
            answered, score, Band(score: score).rawValue, scoredText,
            ReviewRating(
              band: Band(score: score), hintsUsed: 0, secondsUsed: 180, secondsAllowed: 240
            ).rawValue,
          ])
        let answerID = database.lastInsertedRowID
        for (point, credit) in [("point a of \(question)", 1.0), ("point b of \(question)", 0)] {
          try insertPoint.execute(arguments: [answerID, question, point, credit, answered])
        }
      }
    }
  }
  try queue.close()
  // The schedules, replayed from the ratings as an upgrade or `reschedule` does.
  _ = try store.rebuildSchedules()
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

/// The evening after the last session.
let lastDay = Date(timeIntervalSince1970: 1_800_000_000 + Double(sessionCount) * 3_600 + 3_600)

do {
  print(
    String(
      format: "store: %d sessions, %d answers, made in %.1f s (peak memory so far %.0f MB)",
      sessionCount, sessionCount * 7, fillSeconds, peakMemoryMegabytes()))
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
    (
      // Every session here has every component: the filter is checked on each of them.
      "history --component ci-cd",
      {
        try Rehearse.history(
          TranscriptRequest(format: .text), filter: HistoryFilter(component: .ciCd), archive: $0
        ).standardOutput.utf8.count
      }
    ),
    ("weak", { try Rehearse.weak(WeakRequest(), archive: $0).standardOutput.utf8.count }),
    (
      "today",
      {
        try Rehearse.today(TodayRequest(bank: bankSource), archive: $0, now: lastDay)
          .standardOutput.utf8.count
      }
    ),
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
      // What `mock` reads of the store before its first prompt, to draw the session.
      "mock's draw (study state and plan)",
      {
        var selection = SessionSelection(seed: 1)
        selection.study = try $0.studyState(on: LocalDay(lastDay, timeZone: .current))
        return try SessionPlan.draw(from: bank, selection).plan.items.count
      }
    ),
    (
      "progress's queries alone",
      { try $0.practiceLog(.all, timeZone: .current).tallies.count }
    ),
    ("reschedule", { try $0.rebuildSchedules() }),
    ("the bank, as today and mock load it", { _ in try bankSource.load().questions.count }),
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
