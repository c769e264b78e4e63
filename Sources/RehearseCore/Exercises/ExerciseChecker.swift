/// Runs the code of answers to executable questions: SQL in an in-memory SQLite database, Python
/// in a `python3` subprocess.
public struct ExerciseChecker: Sendable {
  public var python: PythonChecker
  public var limits: ExerciseLimits

  public init(python: PythonChecker, limits: ExerciseLimits = .standard) {
    self.python = python
    self.limits = limits
  }

  /// A checker for this machine: `python3` found as `PythonChecker.locate` finds it.
  public static func locate(environment: [String: String]) -> ExerciseChecker {
    ExerciseChecker(python: .locate(environment: environment))
  }

  /// Whether `question` carries code to run.
  public static func isExecutable(_ question: Question) -> Bool {
    question.sql != nil || question.python != nil
  }

  /// Whether this machine can run the answers to `question`: a Python question needs `python3`.
  public func canRun(_ question: Question) -> Bool {
    question.python == nil || python.isAvailable
  }

  /// The report of running `answer` for `question`; `nil` when the question has no code to run.
  public func check(_ answer: String, for question: Question) -> ExecutionReport? {
    if let exercise = question.sql {
      return SQLChecker.check(answer, exercise: exercise, limits: limits)
    }
    if let exercise = question.python {
      return python.check(answer, exercise: exercise, limits: limits)
    }
    return nil
  }
}
