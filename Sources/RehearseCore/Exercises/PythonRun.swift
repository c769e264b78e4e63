import Foundation

/// One run of the harness, in its own temporary folder.
struct PythonRun {
  /// What the harness writes, one JSON object a line.
  private struct Event: Decodable {
    var event: String
    var index: Int?
    var code: String?
    var error: String?
    var memory: Bool?
    var missing: Bool?
    var expected: String?
    var actual: String?
    var passed: Bool?
  }

  /// Why the run could not start.
  enum SetupError: Error, CustomStringConvertible {
    /// No private temporary folder could be made; the system's reason.
    case noTemporaryFolder(String)

    var description: String {
      switch self {
      case .noTemporaryFolder(let reason): "no temporary folder (\(reason))"
      }
    }
  }

  let python: String
  let exercise: PythonExercise
  let limits: ExerciseLimits
  let folder: URL

  init(python: String, exercise: PythonExercise, limits: ExerciseLimits) throws {
    self.python = python
    self.exercise = exercise
    self.limits = limits
    var template = Array((NSTemporaryDirectory() + "/rehearse-python-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw SetupError.noTemporaryFolder(String(cString: strerror(errno)))
    }
    folder = URL(fileURLWithPath: String(cString: made), isDirectory: true)
  }

  func removeFolder() {
    try? FileManager.default.removeItem(at: folder)
  }

  func execute(_ answer: String) throws -> ExecutionReport {
    let settings: [String: Any] = [
      "cpu": limits.pythonCPUSeconds, "memory": limits.pythonMemoryBytes,
      "wall": limits.pythonSeconds,
      "function": exercise.functionName,
    ]
    let tests = exercise.tests.map { ["call": $0.call, "expected": $0.expected] }
    try Data(PythonHarness.source.utf8).write(to: folder.appending(path: "harness.py"))
    try Data(answer.utf8).write(to: folder.appending(path: "answer.py"))
    try JSONSerialization.data(withJSONObject: tests).write(
      to: folder.appending(path: "tests.json"))
    let settingsText = String(
      decoding: try JSONSerialization.data(withJSONObject: settings), as: UTF8.self)
    let resultsURL = folder.appending(path: "results.jsonl")
    let errorsURL = folder.appending(path: "stderr.txt")
    try Data().write(to: errorsURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-I", "-S", "-B", "harness.py", settingsText, resultsURL.path, "answer.py", "tests.json",
    ]
    process.currentDirectoryURL = folder
    process.environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
      "HOME": folder.path, "TMPDIR": folder.path,
    ]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errors = try FileHandle(forWritingTo: errorsURL)
    defer { try? errors.close() }
    process.standardError = errors
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var wallClockExceeded = false
    if finished.wait(timeout: .now() + limits.pythonSeconds) == .timedOut {
      wallClockExceeded = true
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    let events = ((try? String(contentsOf: resultsURL, encoding: .utf8)) ?? "")
      .split(separator: "\n")
      .compactMap { try? JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
    let stderrTail = String(
      ((try? String(contentsOf: errorsURL, encoding: .utf8)) ?? "").trimmedWhitespace.suffix(400))
    let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : 0
    return report(
      events: events, wallClockExceeded: wallClockExceeded, signal: signal,
      status: process.terminationReason == .exit ? process.terminationStatus : 0,
      stderrTail: stderrTail)
  }

  private func report(
    events: [Event], wallClockExceeded: Bool, signal: Int32, status: Int32, stderrTail: String
  ) -> ExecutionReport {
    let code = events.first { $0.event == "code" }?.code ?? ""
    var checks = exercise.tests.map {
      ExecutionReport.Check(name: $0.call, passed: false, trivial: $0.isTrivial)
    }
    var results: [Int: Event] = [:]
    var running: Int?
    for event in events {
      switch event.event {
      case "start": running = event.index
      case "test":
        if let index = event.index { results[index] = event }
        running = nil
      default: break
      }
    }
    for (index, result) in results where checks.indices.contains(index) {
      checks[index].passed = result.passed ?? false
      checks[index].expected = result.expected
      checks[index].actual = result.actual
    }
    func report(_ outcome: ExecutionReport.Outcome, _ message: String?) -> ExecutionReport {
      ExecutionReport(
        language: .python, outcome: outcome, checks: checks, message: message, code: code)
    }
    // The run ended early: say where, and mark the rest as not run.
    let stopped: (ExecutionReport.Outcome, String)? =
      if wallClockExceeded || signal == SIGALRM {
        (
          .timedOut,
          "the code ran for more than \(limits.pythonSeconds.formatted()) s and was stopped"
        )
      } else if signal == SIGXCPU || signal == SIGKILL {
        (
          .timedOut,
          "the code used more than \(limits.pythonCPUSeconds) s of processor time and was stopped"
        )
      } else if signal != 0 {
        (.error, "Python was ended by signal \(signal)")
      } else {
        nil
      }
    let load = events.first { $0.event == "load" }
    if let load, let error = load.error {
      for index in checks.indices { checks[index].actual = error }
      let outcome: ExecutionReport.Outcome =
        load.missing == true ? .noCode : load.memory == true ? .outOfMemory : .error
      return report(outcome, error)
    }
    if let (outcome, message) = stopped {
      var place = ""
      if let running, checks.indices.contains(running) {
        checks[running].actual = message
        place = ", in test \(running + 1): \(checks[running].name)"
      } else if load == nil {
        place = ", while loading the answer"
      }
      for index in checks.indices where results[index] == nil && index != running {
        checks[index].actual = "not run"
      }
      return report(outcome, message + place)
    }
    guard events.contains(where: { $0.event == "done" }) else {
      for index in checks.indices where results[index] == nil { checks[index].actual = "not run" }
      let detail = stderrTail.isEmpty ? "exit status \(status)" : stderrTail
      return report(.error, "Python stopped before the tests ended: \(detail)")
    }
    if results.values.contains(where: { $0.memory == true }) {
      return report(
        .outOfMemory, "a test ran out of memory (the limit is \(limits.pythonMemoryBytes >> 20) MB)"
      )
    }
    return report(checks.allSatisfy(\.passed) ? .passed : .failed, nil)
  }
}
