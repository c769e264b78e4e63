/// Scores every graded example and model answer of a bank and compares each with its band.
public enum BankTester {
  /// One example or model answer scored.
  public struct Check: Codable, Equatable, Sendable {
    public enum Subject: String, Codable, Sendable {
      case example
      case modelAnswer = "model_answer"
    }

    public var question: String
    public var subject: Subject
    public var file: String
    public var line: Int
    public var expected: Band
    public var got: Band
    public var score: Int
    /// The rubric's score before the blend with meaning; `nil` when the answer was not read by
    /// meaning.
    public var rubricScore: Int?

    /// Whether the answer is on its band: by the rubric alone, its band exactly; blended, within
    /// `SemanticBlend.bandTolerance` of it (`allowedScores`).
    public var passed: Bool {
      guard let rubricScore else { return expected == got }
      return Band(score: rubricScore) == expected && allowedScores.contains(score)
    }

    /// The blended scores that pass: the expected band's scores, widened by
    /// `SemanticBlend.bandTolerance` on each side.
    public var allowedScores: ClosedRange<Int> {
      let tolerance = rubricScore == nil ? 0 : SemanticBlend.bandTolerance
      let range: ClosedRange<Int> =
        switch expected {
        case .weak: 0...(Band.adequateThreshold - 1)
        case .adequate: Band.adequateThreshold...(Band.strongThreshold - 1)
        case .strong: Band.strongThreshold...100
        }
      return max(0, range.lowerBound - tolerance)...min(100, range.upperBound + tolerance)
    }
  }

  /// The outcome of `bank test`.
  public struct Result: Codable, Equatable, Sendable {
    public var checked: Int
    public var failures: [Check]
    /// The rubrics' self-tests that failed (`RubricSelfTest`).
    public var selfTestFailures: [RubricSelfTest.Failure]
    /// What running the executable questions' code found; `nil` when it was not run.
    public var exercises: ExerciseTester.Result?

    /// Whether everything is as it should be.
    public var passed: Bool {
      failures.isEmpty && selfTestFailures.isEmpty && (exercises?.failures.isEmpty ?? true)
    }
  }

  /// Checks every graded example against its band, and every model answer against `strong`, each
  /// graded by its rubric as a candidate's answer would be (`Grader`, without running code); runs
  /// the self-tests of every open and behavioural rubric (`RubricSelfTest`); with a `checker`,
  /// also runs the code of every executable question (`ExerciseTester`). With `semantics`, the
  /// examples and model answers are read by meaning too, as a candidate's are; a strong example
  /// is then compared with the other strong answers, not with itself
  /// (`SemanticReference.similarity`). The self-tests read by the rubric alone.
  public static func run(
    _ bank: Bank, checker: ExerciseChecker? = nil, semantics: SemanticScorer? = nil
  ) -> Result {
    let grader = Grader(bank: bank, semantics: semantics)
    // The self-tests hold the rubric itself to its properties, so they read by the rubric alone:
    // meaning only lowers a salad or a pasted prompt further, and would double the work.
    let rubricGrader = semantics == nil ? grader : Grader(bank: bank)
    var checks: [Check] = []
    var selfTestFailures: [RubricSelfTest.Failure] = []
    for question in bank.questions {
      guard let rubric = grader.rubric(for: question.id) else { continue }
      if RubricSelfTest.applies(to: question) {
        selfTestFailures += RubricSelfTest.run(question, rubric: rubric.rubric) {
          rubricGrader.grade($0, questionID: question.id)
        }
      }
      let model = grader.grade(question.modelAnswer, questionID: question.id)
      checks.append(
        Check(
          question: question.id, subject: .modelAnswer, file: question.location.file,
          line: question.location.line, expected: .strong, got: model.band, score: model.score,
          rubricScore: model.semantic?.rubricScore))
      for example in rubric.rubric.examples {
        let scored = grader.grade(example.answer, questionID: question.id)
        checks.append(
          Check(
            question: question.id, subject: .example, file: example.location.file,
            line: example.location.line, expected: example.band, got: scored.band,
            score: scored.score, rubricScore: scored.semantic?.rubricScore))
      }
    }
    return Result(
      checked: checks.count, failures: checks.filter { !$0.passed },
      selfTestFailures: selfTestFailures,
      exercises: checker.map { ExerciseTester.run(bank, checker: $0) })
  }

  public static func text(_ result: Result, style: TextStyle) -> String {
    var lines = result.failures.map { check in
      let subject =
        check.subject == .example ? "\(check.expected.rawValue) example" : "model answer"
      var line =
        TerminalText.safe("\(check.file):\(check.line): \(check.question): ")
        + "\(subject) scored \(check.score) (\(style.band(check.got))), expected "
        + style.band(check.expected)
      if let rubricScore = check.rubricScore {
        line +=
          "; the rubric alone \(rubricScore) (\(style.band(Band(score: rubricScore)))), the blend "
          + "may take it to \(check.allowedScores.lowerBound)-\(check.allowedScores.upperBound)"
      }
      return line
    }
    lines += result.selfTestFailures.map { failure in
      TerminalText.safe(
        "\(failure.file):\(failure.line): \(failure.question): \(failure.test.rawValue): "
          + failure.detail)
    }
    let verdict =
      result.failures.isEmpty
      ? style.green("all on their band")
      : style.red("\(result.failures.count) off their band")
    lines.append(
      "bank test: \(result.checked) answers scored (graded examples and model answers); \(verdict)")
    lines.append(
      "self-tests: "
        + (result.selfTestFailures.isEmpty
          ? style.green("all passed")
          : style.red("\(result.selfTestFailures.count) failed")))
    if let exercises = result.exercises {
      lines += ExerciseTester.text(exercises, style: style)
    }
    return lines.joined(separator: "\n")
  }
}
