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
