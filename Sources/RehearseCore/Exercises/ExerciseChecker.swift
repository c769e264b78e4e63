/// Runs the code of answers to executable questions: SQL in an in-memory SQLite database, Python
/// in a `python3` subprocess.
public struct ExerciseChecker: Sendable {
  public var python: PythonChecker
  public var limits: ExerciseLimits
  /// Whether the user asked to stop (Ctrl-C): a SQL query running then is stopped at its next
  /// look at the clock, and its report says grading was interrupted. Asked from the thread that
  /// grades, often; it must be quick.
  public var isInterrupted: @Sendable () -> Bool

  public init(
    python: PythonChecker, limits: ExerciseLimits = .standard,
    isInterrupted: @escaping @Sendable () -> Bool = { false }
  ) {
    self.python = python
    self.limits = limits
    self.isInterrupted = isInterrupted
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
      return SQLChecker.check(
        answer, exercise: exercise, limits: limits, isInterrupted: isInterrupted)
    }
    if let exercise = question.python {
      return python.check(answer, exercise: exercise, limits: limits)
    }
    return nil
  }
}
