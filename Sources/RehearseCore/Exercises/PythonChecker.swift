import Foundation

/// Grades a Python answer by running its function on the question's test calls, in a `python3`
/// subprocess in a fresh temporary folder, under wall-clock, processor-time and memory limits.
///
/// Each test is one check: its call's value must equal the expected value (floats within a
/// relative 1e-6, containers compared item by item, lists and tuples not interchangeable).
public struct PythonChecker: Sendable {
  /// The interpreter to run, or why there is none.
  public enum Interpreter: Sendable, Equatable {
    case found(path: String)
    case missing(reason: String)
  }

  public var interpreter: Interpreter

  public init(interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  /// Finds the interpreter: `REHEARSE_PYTHON` when set (empty turns Python answers off), else
  /// `python3` on `PATH`.
  public static func locate(environment: [String: String]) -> PythonChecker {
    if let chosen = environment["REHEARSE_PYTHON"] {
      guard !chosen.isEmpty else {
        return PythonChecker(
          interpreter: .missing(reason: "REHEARSE_PYTHON is empty, which turns Python tests off"))
      }
      guard isProgram(chosen) else {
        return PythonChecker(
          interpreter: .missing(reason: "REHEARSE_PYTHON is \(chosen), which is not a program"))
      }
      return PythonChecker(interpreter: .found(path: chosen))
    }
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders where !folder.isEmpty {
      let path = "\(folder)/python3"
      if isProgram(path) {
        return PythonChecker(interpreter: .found(path: path))
      }
    }
    return PythonChecker(
      interpreter: .missing(
        reason: "python3 was not found on PATH (install Python 3, or set REHEARSE_PYTHON to it)"))
  }

  /// Whether `path` is a file someone may execute (not a folder, and with an execute bit: `root`
  /// may run any file, which says nothing of whether it is a program).
  static func isProgram(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    return status.st_mode & S_IFMT == S_IFREG && status.st_mode & 0o111 != 0
  }

  /// Whether Python answers can be run here.
  public var isAvailable: Bool {
    if case .found = interpreter { return true }
    return false
  }

  /// Runs the function in `answer` on every test of `exercise`.
  public func check(
    _ answer: String, exercise: PythonExercise, limits: ExerciseLimits = .standard
  ) -> ExecutionReport {
    let python: String
    switch interpreter {
    case .found(let path): python = path
    case .missing(let reason):
      return ExecutionReport(
        language: .python, outcome: .unavailable, checks: [], message: reason, code: "")
    }
    do {
      let run = try PythonRun(python: python, exercise: exercise, limits: limits)
      defer { run.removeFolder() }
      return try run.execute(answer)
    } catch {
      return ExecutionReport(
        language: .python, outcome: .unavailable, checks: [],
        message: "the tests could not be run: \(error)", code: "")
    }
  }
}

/// One run of the harness, in its own temporary folder.
private struct PythonRun {
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
    var checks = exercise.tests.map { ExecutionReport.Check(name: $0.call, passed: false) }
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
