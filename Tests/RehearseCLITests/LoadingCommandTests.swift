import Foundation
import Testing

/// The processor time `process` has used so far, in seconds, as `/proc` counts it.
private func processorSeconds(_ process: Process) -> Double {
  guard
    let text = try? String(
      contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
    let end = text.lastIndex(of: ")")
  else { return 0 }
  // After the command name: state, then 10 fields, then utime and stime (fields 14 and 15).
  let fields = text[text.index(after: end)...].split(separator: " ")
  guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
    return 0
  }
  return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Whether `/proc/locks` shows a process waiting for an `flock` on the file with `inode`.
private func someoneWaits(onInode inode: UInt64) -> Bool {
  guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
    return false
  }
  // A waiter's line reads "1: -> FLOCK  ADVISORY  WRITE 1234 00:2f:5678 0 EOF".
  return text.split(separator: "\n").contains {
    $0.contains("-> FLOCK") && $0.contains(":\(inode) ")
  }
}

/// Waits, for at most `seconds`, for `session` to end; ends it with SIGKILL otherwise.
private func ended(_ session: RunningSession, within seconds: Double) -> Bool {
  let done = eventually(within: seconds) { !session.process.isRunning }
  if !done { kill(session.process.processIdentifier, SIGKILL) }
  session.process.waitUntilExit()
  return done
}

@Suite("Signals while a session is prepared", .serialized)
struct LoadingCommandTests {
  @Test(
    "Ctrl-C or SIGTERM while mock waits to open the store ends it at once (130, 143)",
    arguments: [(SIGINT, 130), (SIGTERM, 143)] as [(Int32, Int32)])
  func waitingForStore(signal: Int32, status: Int32) throws {
    let home = SharedHome()
    defer { home.remove() }
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    // The lock the store takes while it opens, held here: the session waits for it.
    let lockPath = home.databasePath + ".lock"
    let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    try #require(lock >= 0)
    defer { close(lock) }
    #expect(flock(lock, LOCK_EX) == 0)
    var lockStatus = stat()
    #expect(fstat(lock, &lockStatus) == 0)

    let session = try RunningSession(["mock", "--count", "1"], home: home)
    #expect(eventually(within: 30) { someoneWaits(onInode: UInt64(lockStatus.st_ino)) })
    kill(session.process.processIdentifier, signal)
    #expect(ended(session, within: 10), "the signal ended the wait")
    #expect(session.process.terminationReason == .exit)
    #expect(session.process.terminationStatus == status)
    #expect(!session.conversationText.contains("Session"))
  }

  @Test("Ctrl-C during a slow bank load exits 130 at once, before the session is saved")
  func slowLoad() throws {
    let bank = try RehearseProcess.copyOfShippedBank()
    defer { try? FileManager.default.removeItem(at: bank) }
    // Four files of 3.5 MiB, under the size limit: seconds of processor time to read.
    for file in 0..<4 {
      var text = ""
      var rubric = 0
      while text.utf8.count < 7 * 512 * 1024 {
        text +=
          "zz-slow-\(file)-\(rubric):\n  points:\n    - label: A point of no question\n"
          + "      phrasings: [alpha beta, [gamma, delta], claim: epsilon zeta]\n"
        rubric += 1
      }
      try Data(text.utf8).write(to: bank.appendingPathComponent("rubrics/zz-slow-\(file).yaml"))
    }
    let home = SharedHome()
    defer { home.remove() }

    let session = try RunningSession(["mock", "--bank", bank.path, "--count", "1"], home: home)
    // Starting and opening the store take a small part of this; reading the bank, far more.
    #expect(eventually(within: 60) { processorSeconds(session.process) >= 0.3 })
    session.process.interrupt()
    #expect(ended(session, within: 10), "Ctrl-C ended the load")
    #expect(session.process.terminationReason == .exit)
    #expect(session.process.terminationStatus == 130)
    // Ended during the load: the bank's problems were never reported, no session was saved.
    #expect(!session.conversationText.contains("the bank has"), "\(session.conversationText)")
    #expect(!session.conversationText.contains("Session"))
    #expect(try home.savedAnswers().isEmpty)
    let history = try home.run(["history", "--format", "json"])
    let sessions = try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8))
    #expect((sessions as? [Any])?.isEmpty == true, "\(history.standardOutput)")
  }
}
