import Foundation

/// Runs the code of every executable question of a bank: its reference, its model answer and its
/// graded examples, each held to what it must do.
///
/// The reference and the model answer must pass every check; a `strong` example must pass every
/// check, and an `adequate` or `weak` one must fail at least one (they are the plausible wrong
/// answers); each question needs at least `minimumWrongExamples` of those, and a shipped question
/// at least `minimumWeakExamples` graded `weak`, so that the bank shows wrong code scoring low and
/// not only near misses. A SQL reference must return rows, or there is nothing to compare.
public enum ExerciseTester {
  /// How many failing examples an executable question needs.
  public static let minimumWrongExamples = 2

  /// How many of those a shipped question needs graded `weak`; a question of the user's own bank
  /// is not held to it.
  public static let minimumWeakExamples = 2

  /// One piece of code run, and what was wrong with how it went.
  public struct Failure: Codable, Equatable, Sendable {
    public enum Subject: String, Codable, Sendable {
      case reference
      case modelAnswer = "model_answer"
      case example
      case question
    }

    public var question: String
    public var subject: Subject
    public var file: String
    public var line: Int
    /// What should have happened: `pass`, `fail`, or a rule of the question.
    public var expected: String
    /// What happened, in a sentence.
    public var got: String
  }

  /// The outcome of the executable part of `bank test`.
  public struct Result: Codable, Equatable, Sendable {
    /// Pieces of code run.
    public var run: Int
    /// Executable questions checked.
    public var questions: Int
    public var failures: [Failure]
    /// Questions not run, with why (no `python3`).
    public var skipped: [String]
    public var skipReason: String?
  }

  /// Runs every executable question of `bank`, several at once.
  public static func run(_ bank: Bank, checker: ExerciseChecker) -> Result {
    let questions = bank.questions.filter(ExerciseChecker.isExecutable)
    let runnable = questions.filter(checker.canRun)
    let skipped = questions.filter { !checker.canRun($0) }.map(\.id)
    let outcomes = ConcurrentResults<QuestionOutcome>(count: runnable.count)
    DispatchQueue.concurrentPerform(iterations: runnable.count) { index in
      outcomes.set(
        index,
        test(
          runnable[index], examples: bank.rubrics[runnable[index].id]?.examples ?? [],
          checker: checker))
    }
    let results = outcomes.values
    var reason: String?
    if !skipped.isEmpty, case .missing(let why) = checker.python.interpreter { reason = why }
    return Result(
      run: results.reduce(0) { $0 + $1.run }, questions: runnable.count,
      failures: results.flatMap(\.failures), skipped: skipped, skipReason: reason)
  }

  /// How many pieces of code one question ran, and what was wrong.
  struct QuestionOutcome: Sendable {
    var run: Int
    var failures: [Failure]
  }

  /// Runs one question's reference, model answer and examples.
  static func test(_ question: Question, examples: [GradedExample], checker: ExerciseChecker)
    -> QuestionOutcome
  {
    var failures: [Failure] = []
    var run = 0
    func failure(
      _ subject: Failure.Subject, line: Int, file: String? = nil, _ expected: String,
      _ got: String
    ) {
      failures.append(
        Failure(
          question: question.id, subject: subject, file: file ?? question.location.file,
          line: line, expected: expected, got: got))
    }
    if let exercise = question.sql {
      switch SQLChecker.referenceResult(exercise, limits: checker.limits) {
      case .failure(let error):
        failure(
          .reference, line: question.location.line, "pass",
          "the fixture or reference query fails: \(error)"
        )
        return QuestionOutcome(run: 1, failures: failures)
      case .success(let result) where result.rows.isEmpty:
        failure(
          .reference, line: question.location.line, "rows",
          "the reference query returns no rows, so any query that returns none would pass")
      case .success: break
      }
    }
    let reference = question.sql?.referenceQuery ?? question.python?.referenceSolution ?? ""
    for (subject, text) in [
      (Failure.Subject.reference, reference), (.modelAnswer, question.modelAnswer),
    ] {
      guard let report = checker.check(text, for: question) else { continue }
      run += 1
      if report.outcome != .passed {
        failure(subject, line: question.location.line, "pass", summary(report))
      }
    }
    var wrong = 0
    var weak = 0
    for example in examples {
      guard let report = checker.check(example.answer, for: question) else { continue }
      run += 1
      let passed = report.outcome == .passed
      if example.band == .strong && !passed {
        failure(
          .example, line: example.location.line, file: example.location.file, "pass",
          "the strong example " + summary(report))
      } else if example.band != .strong && passed {
        failure(
          .example, line: example.location.line, file: example.location.file, "fail",
          "the \(example.band.rawValue) example passes every check, so it is not a wrong answer")
      } else if !passed {
        wrong += 1
        if example.band == .weak { weak += 1 }
      }
    }
    if wrong < minimumWrongExamples {
      failure(
        .question, line: question.location.line, "at least \(minimumWrongExamples) wrong examples",
        "\(wrong) adequate or weak example(s) fail the checks")
    } else if !question.isOwn && weak < minimumWeakExamples {
      failure(
        .question, line: question.location.line, "at least \(minimumWeakExamples) weak examples",
        "\(weak) weak example(s) fail the checks")
    }
    return QuestionOutcome(run: run, failures: failures)
  }

  /// How a run went, in a few words: `passes 2/4 checks: no such column: x`.
  static func summary(_ report: ExecutionReport) -> String {
    var text =
      report.isScored
      ? "passes \(report.passedCount)/\(report.checks.count) checks" : "was not run"
    if let message = report.message { text += ": \(message)" }
    let failed = report.checks.filter { !$0.passed }.map(\.name)
    if report.message == nil, !failed.isEmpty {
      text += " (fails: \(failed.prefix(3).joined(separator: ", ")))"
    }
    return text
  }

  public static func text(_ result: Result, style: TextStyle) -> [String] {
    var lines = result.failures.map { failure in
      let subject =
        switch failure.subject {
        case .reference: "the reference"
        case .modelAnswer: "the model answer"
        case .example, .question: ""
        }
      return TerminalText.safe(
        "\(failure.file):\(failure.line): \(failure.question): "
          + (subject.isEmpty ? "" : subject + " ") + failure.got)
    }
    let verdict =
      result.failures.isEmpty
      ? style.green("all as expected")
      : style.red("\(result.failures.count) not as expected")
    lines.append(
      "bank test: \(result.questions) executable questions run (\(result.run) references, model "
        + "answers and graded examples); \(verdict)")
    if !result.skipped.isEmpty {
      lines.append(
        style.yellow("bank test: ")
          + "\(result.skipped.count) Python questions not run: "
          + TerminalText.safe(result.skipReason ?? "no python3")
      )
    }
    return lines
  }
}
