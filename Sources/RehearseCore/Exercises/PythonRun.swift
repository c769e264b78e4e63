import Foundation

/// One grading of a Python answer: the answer's calls in one sandboxed process
/// (`PythonHarness`), then the comparison with the expected values in another (`PythonJudge`).
///
/// The answer's process never sees an expected value, and only reports values; a test passes
/// only when the judge, which runs no answer code and starts after the answer's process group is
/// killed, finds the value equal to the expected one. What the answer prints, on any descriptor,
/// is never read as a result.
struct PythonRun {
  /// What the runner writes, one JSON object a line.
  private struct RunnerEvent: Decodable {
    var event: String
    var index: Int?
    var code: String?
    var error: String?
    var memory: Bool?
    var missing: Bool?
    var value: String?
  }

  /// What the judge writes, one JSON object a line.
  private struct Verdict: Decodable {
    var event: String
    var index: Int?
    var expected: String?
    var actual: String?
    var passed: Bool?
    var memory: Bool?
  }

  /// The most either process may write on its result descriptor.
  static let outputLimit = 8 << 20

  /// The whole environment of both processes (the sandbox adds `HOME` and `TMPDIR`).
  static let environment = [
    "PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
  ]

  let python: String
  let exercise: PythonExercise
  let limits: ExerciseLimits
  let sandbox: PythonSandbox

  func execute(_ answer: String) throws -> ExecutionReport {
    let settings: [String: Any] = [
      "cpu": limits.pythonCPUSeconds, "memory": limits.pythonMemoryBytes,
      "wall": limits.pythonSeconds, "function": exercise.functionName,
    ]
    let settingsText = String(
      decoding: try JSONSerialization.data(withJSONObject: settings), as: UTF8.self)
    let given = try JSONSerialization.data(withJSONObject: [
      "answer": answer, "calls": exercise.tests.map(\.call),
    ])
    let run = try sandbox.run(
      program: python, arguments: ["-I", "-S", "-B", "-c", PythonHarness.runner, settingsText],
      environment: Self.environment, input: given, seconds: limits.pythonSeconds,
      outputLimit: Self.outputLimit)
    let events = Self.lines(run.output).compactMap {
      try? JSONDecoder().decode(RunnerEvent.self, from: $0)
    }
    // The last word on each call: a value, or the exception it raised.
    var outcomes: [Int: RunnerEvent] = [:]
    for event in events where event.event == "value" || event.event == "raised" {
      if let index = event.index, exercise.tests.indices.contains(index) {
        outcomes[index] = event
      }
    }
    let verdicts = try judge(outcomes, settings: settingsText)
    return report(events: events, verdicts: verdicts, run: run)
  }

  /// The judge's verdict on each call that ended, by index, or why the judge failed (the end of
  /// its standard error).
  private func judge(_ outcomes: [Int: RunnerEvent], settings: String) throws -> Judgement {
    guard !outcomes.isEmpty else { return Judgement(verdicts: [:], failure: nil) }
    let tests: [[String: Any]] = outcomes.keys.sorted().map { index in
      let event = outcomes[index]!
      let outcome: [String: Any] =
        if event.event == "value" {
          ["value": event.value ?? ""]
        } else {
          ["error": event.error ?? "an exception", "memory": event.memory == true]
        }
      return ["index": index, "expected": exercise.tests[index].expected, "outcome": outcome]
    }
    let run = try sandbox.run(
      program: python, arguments: ["-I", "-S", "-B", "-c", PythonJudge.source, settings],
      environment: Self.environment,
      input: try JSONSerialization.data(withJSONObject: ["tests": tests]),
      seconds: limits.pythonSeconds, outputLimit: Self.outputLimit)
    let lines = Self.lines(run.output).compactMap {
      try? JSONDecoder().decode(Verdict.self, from: $0)
    }
    guard lines.contains(where: { $0.event == "done" }) else {
      let detail = run.errors.trimmedWhitespace.suffix(400)
      return Judgement(
        verdicts: [:],
        failure: "the values could not be compared: "
          + (detail.isEmpty ? "the judge ended with status \(run.status)" : String(detail)))
    }
    var verdicts: [Int: Verdict] = [:]
    for line in lines where line.event == "test" {
      if let index = line.index { verdicts[index] = line }
    }
    return Judgement(verdicts: verdicts, failure: nil)
  }

  /// What the judge found: a verdict per call, or why it could not give them.
  private struct Judgement {
    var verdicts: [Int: Verdict]
    var failure: String?
  }

  private static func lines(_ data: Data) -> [Data] {
    data.split(separator: UInt8(ascii: "\n")).map { Data($0) }
  }

  private func report(events: [RunnerEvent], verdicts: Judgement, run: PythonSandbox.Run)
    -> ExecutionReport
  {
    // The first code event is the runner's own: it comes before any answer code runs.
    let code = events.first { $0.event == "code" }?.code ?? ""
    var checks = exercise.tests.map {
      ExecutionReport.Check(name: $0.call, passed: false, trivial: $0.isTrivial)
    }
    let results = verdicts.verdicts
    var running: Int?
    for event in events {
      switch event.event {
      case "start": running = event.index
      case "value", "raised": running = nil
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
    let signal = run.signal
    // The run ended early: say where, and mark the rest as not run.
    let stopped: (ExecutionReport.Outcome, String)? =
      if run.timedOut || signal == SIGALRM {
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
    if let failure = verdicts.failure {
      return report(.error, failure)
    }
    guard events.contains(where: { $0.event == "done" }) else {
      for index in checks.indices where results[index] == nil { checks[index].actual = "not run" }
      let detail =
        run.outputOverflowed
        ? "it wrote more than \(Self.outputLimit >> 20) MB of results"
        : run.errors.trimmedWhitespace.isEmpty
          ? "exit status \(run.status)" : String(run.errors.trimmedWhitespace.suffix(400))
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
