import Foundation
import Synchronization

/// Grades a Python answer by running its function on the question's test calls, in `python3`
/// confined to a `PythonSandbox`, under wall-clock, processor-time and memory limits.
///
/// Each test is one check: its call's value must equal the expected value (floats within a
/// relative 1e-6, containers compared item by item, lists and tuples not interchangeable). The
/// answer's calls run in one process and are judged in another (`PythonRun`), so no output of
/// the answer can pass a test.
public struct PythonChecker: Sendable {
  /// The interpreter to run, or why there is none.
  public enum Interpreter: Sendable, Equatable {
    case found(path: String)
    case missing(reason: String)
  }

  public var interpreter: Interpreter
  /// Where answers run: what it hides comes from the environment the checker was made for.
  var sandbox: PythonSandbox
  /// The interpreter behind a script (a version manager's shim), found once per checker.
  private let programs = ProgramCache()

  /// A checker for `interpreter` that hides the home, data and temporary folders of this
  /// process's environment from the answers.
  public init(interpreter: Interpreter) {
    self.init(interpreter: interpreter, environment: ProcessInfo.processInfo.environment)
  }

  /// A checker for `interpreter` that hides the home, data and temporary folders of
  /// `environment` from the answers.
  public init(interpreter: Interpreter, environment: [String: String]) {
    self.interpreter = interpreter
    self.sandbox = .forEnvironment(environment)
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
      return PythonChecker(interpreter: .found(path: chosen), environment: environment)
    }
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders where !folder.isEmpty {
      let path = "\(folder)/python3"
      if isProgram(path) {
        return PythonChecker(interpreter: .found(path: path), environment: environment)
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
      let run = PythonRun(
        python: program(for: python, limits: limits), exercise: exercise, limits: limits,
        sandbox: sandbox)
      return try run.execute(answer)
    } catch {
      return ExecutionReport(
        language: .python, outcome: .unavailable, checks: [],
        message: "the tests could not be run: \(error)", code: "")
    }
  }
}

extension PythonChecker {
  /// The program to start for `python`: itself, or when it is a script (pyenv's `python3` is a
  /// shell script that looks up a version and starts it, for some 100 ms a run), the interpreter
  /// the script starts, asked once in the sandbox (`sys.executable`) and then started directly.
  func program(for python: String, limits: ExerciseLimits) -> String {
    if let known = programs.program(for: python) { return known }
    var program = python
    if Self.isScript(python),
      let run = try? sandbox.run(
        program: python,
        arguments: ["-I", "-S", "-c", "import os, sys; os.write(3, sys.executable.encode())"],
        environment: PythonRun.environment, input: Data(), seconds: limits.pythonSeconds,
        outputLimit: 4096),
      run.signal == 0, run.status == 0
    {
      let found = String(decoding: run.output, as: UTF8.self)
      if found.hasPrefix("/") && Self.isProgram(found) { program = found }
    }
    programs.remember(program, for: python)
    return program
  }

  /// Whether the file at `path` starts with `#!`.
  static func isScript(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 2)) == Data("#!".utf8)
  }
}

/// The programs found behind interpreters, shared by the copies of one checker.
private final class ProgramCache: Sendable {
  private let found = Mutex<[String: String]>([:])

  func program(for python: String) -> String? {
    found.withLock { $0[python] }
  }

  func remember(_ program: String, for python: String) {
    found.withLock { $0[python] = program }
  }
}
