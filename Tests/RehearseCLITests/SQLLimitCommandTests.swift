import Foundation
import RehearseCore
import Testing

/// The processor time process `pid` has used so far, in seconds, from `/proc/PID/stat`.
func processorSeconds(of pid: Int32) -> Double? {
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let end = stat.lastIndex(of: ")")
  else { return nil }
  // After the command's name: state, then 10 fields, then user and system time in ticks.
  let fields = stat[stat.index(after: end)...].split(separator: " ")
  guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
    return nil
  }
  return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

@Suite("SQL limits from the command line", .serialized)
struct SQLLimitCommandTests {
  static let sqlID = "sql-total-spend-per-player-left-join"

  @Test("a query that sorts more than SQLite's heap limit holds is stopped as out of memory")
  func heapLimit() throws {
    let query = """
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      SELECT count(*) FROM (SELECT randomblob(50000) AS b FROM n ORDER BY b);
      """
    // In a process of its own: the heap limit holds every SQLite connection of a process.
    let result = try RehearseProcess.run(
      ["score", Self.sqlID, "--format", "json"], input: Data(query.utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let execution = try #require(json["execution"] as? [String: Any])
    #expect(execution["outcome"] as? String == "out_of_memory")
    #expect(execution["message"] as? String == SQLRunFailure.overLimit(.memory).description)
  }

  #if os(Linux)
    @Test(
      "Ctrl-C while an answer's query runs stops it at once: the answer is kept unscored by its checks, and the session ends with 130"
    )
    func interruptDuringGrading() throws {
      let home = SharedHome()
      defer { home.remove() }
      let session = try RunningSession(
        ["mock", "--question", Self.sqlID, "--question", "dbc-sharding-vs-partitioning"],
        home: home)
      #expect(session.waitFor("Question 1 of 2"))
      let pid = session.process.processIdentifier
      let idle = try #require(processorSeconds(of: pid))
      // A query without an end, which the 2 s limit would stop: it runs on the processor, so
      // the time the process uses shows it running.
      try session.send(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n;"
          + "\n.\n")
      #expect(eventually(within: 20) { (processorSeconds(of: pid) ?? idle) - idle >= 0.05 })
      session.process.interrupt()
      let (status, _, _) = session.wait()
      #expect(status == 130)
      // Stopped by the interrupt, not by the time limit (which would say `timed_out`).
      let answers = try home.savedAnswers()
      #expect(answers.count == 1)
      #expect(answers.first?.scored.execution?.outcome == .interrupted)
      #expect(answers.first?.scored.execution?.isScored == false)
    }
  #endif
}
