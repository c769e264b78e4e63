import Foundation
import RehearseCore
import Testing

@Suite("Python answers run against their tests")
struct PythonCheckerTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)
  static let pythonQuestions: [Question] = bank?.questions.filter { $0.python != nil } ?? []
  static let checker = PythonChecker.locate(environment: ProcessInfo.processInfo.environment)
  static let hasPython = checker.isAvailable

  static let double = PythonExercise(
    signature: "def double(values):",
    referenceSolution: "def double(values):\n    return [2 * v for v in values]\n",
    tests: [
      .init(call: "double([])", expected: "[]"),
      .init(call: "double([1, 2])", expected: "[2, 4]"),
      .init(call: "double([0.1])", expected: "[0.2]"),
    ])

  static func check(_ answer: String, limits: ExerciseLimits = .standard) -> ExecutionReport {
    checker.check(answer, exercise: double, limits: limits)
  }

  @Test(
    "each shipped question's reference solution and model answer pass every test",
    .enabled(if: hasPython), arguments: pythonQuestions)
  func referencesPass(question: Question) throws {
    let exercise = try #require(question.python)
    let reference = Self.checker.check(exercise.referenceSolution, exercise: exercise)
    #expect(
      reference.outcome == .passed, "\(question.id): \(reference.checks.filter { !$0.passed })")
    #expect(reference.checks.count == exercise.tests.count)
    let model = Self.checker.check(question.modelAnswer, exercise: exercise)
    #expect(model.outcome == .passed, "\(question.id) model answer: \(model.message ?? "")")
  }

  @Test(
    "strong examples pass and the wrong solutions among the others fail",
    .enabled(if: hasPython), arguments: pythonQuestions)
  func gradedExamples(question: Question) throws {
    let exercise = try #require(question.python)
    let rubric = try #require(Self.bank?.rubrics[question.id])
    var wrong = 0
    for example in rubric.examples {
      let report = Self.checker.check(example.answer, exercise: exercise)
      if example.band == .strong {
        #expect(
          report.outcome == .passed,
          "\(question.id) line \(example.location.line): \(report.checks.filter { !$0.passed })")
      } else {
        #expect(report.outcome != .passed, "\(question.id) line \(example.location.line)")
        #expect(report.score < Band.strongThreshold)
        wrong += 1
      }
    }
    #expect(wrong >= 2, "\(question.id) has \(wrong) wrong solutions")
  }

  @Test(
    "a test a do-nothing function passes is trivial",
    arguments: [
      ("f([])", "[]", true), ("f({})", "({}, 0)", true), ("f('')", "None", true),
      ("f([(1, 3)])", "[(1, 3)]", true),
      ("(lambda xs: [f(xs), xs][1])([(5, 6), (1, 2)])", "[(5, 6), (1, 2)]", true),
      ("f([1, 2])", "[2, 4]", false), ("f([1, 1])", "({}, 4)", false), ("f([])", "[[]]", true),
      ("type(f([1])).__name__", "'generator'", false),
    ])
  func trivialTests(call: String, expected: String, trivial: Bool) {
    #expect(PythonExercise.TestCase(call: call, expected: expected).isTrivial == trivial)
  }

  @Test(
    "a function that passes only the trivial tests of a shipped question is weak",
    .enabled(if: hasPython))
  func onlyTrivialTests() throws {
    let bank = try #require(Self.bank)
    let question = try bank.requireQuestion(id: "py-merge-overlapping-intervals")
    let exercise = try #require(question.python)
    let identity = "def merge_intervals(intervals):\n    return list(intervals)\n"
    let report = Self.checker.check(identity, exercise: exercise)
    #expect(report.passedCount >= 2)
    #expect(report.checks.allSatisfy { !$0.passed || $0.trivial })
    #expect(Band(score: report.score) == .weak)
  }

  @Test("a wrong solution reports each test with expected and actual", .enabled(if: hasPython))
  func wrongSolution() {
    let report = Self.check(
      """
      def double(values):
          return [v + v for v in values[1:]]

      I skip the header row.
      """)
    #expect(report.outcome == .failed)
    #expect(report.checks.map(\.passed) == [true, false, false])
    #expect(report.checks[1].name == "double([1, 2])")
    #expect(report.checks[1].expected == "[2, 4]")
    #expect(report.checks[1].actual == "[4]")
    // The one test it passes is the empty input, which earns nothing.
    #expect(report.checks.map(\.trivial) == [true, false, false])
    #expect(report.score == 0)
    #expect(report.code.hasPrefix("def double") && !report.code.contains("header"))
  }

  @Test(
    "the function is found among thousands of paragraphs of prose", .enabled(if: hasPython),
    .timeLimit(.minutes(1)))
  func functionAmongProse() {
    let answer =
      "I would write:\n\ndef double(values):\n    return [2 * v for v in values]\n"
      + String(repeating: "\nIt doubles each value.\n", count: 2_500)
    #expect(answer.utf8.count < 65_536)
    let report = Self.check(answer)
    #expect(report.outcome == .passed, "\(report.message ?? "")")
    #expect(report.code == "def double(values):\n    return [2 * v for v in values]")
  }

  @Test(
    "an endless loop is stopped at the time limit, and the tests before it still count",
    .enabled(if: hasPython))
  func endlessLoop() {
    let report = Self.check(
      """
      def double(values):
          if len(values) == 2:
              while True:
                  pass
          return [2 * v for v in values]
      """, limits: ExerciseLimits(pythonSeconds: 1.5, pythonCPUSeconds: 5))
    #expect(report.outcome == .timedOut)
    #expect(report.message?.contains("more than 1.5 s") == true, "\(report.message ?? "")")
    #expect(report.message?.contains("test 2: double([1, 2])") == true)
    #expect(report.checks.map(\.passed) == [true, false, false])
    #expect(report.checks[2].actual == "not run")
  }

  @Test("a loop that burns processor time is stopped by the CPU limit", .enabled(if: hasPython))
  func cpuLimit() {
    let report = Self.check(
      "x = 0\nwhile True:\n    x += 1\n\ndef double(values):\n    return values\n",
      limits: ExerciseLimits(pythonSeconds: 10, pythonCPUSeconds: 1))
    #expect(report.outcome == .timedOut)
    #expect(report.message?.contains("processor time") == true, "\(report.message ?? "")")
    #expect(report.message?.contains("while loading the answer") == true)
  }

  @Test("memory past the limit is reported as such", .enabled(if: hasPython))
  func memoryLimit() {
    let report = Self.check(
      "def double(values):\n    grab = [0] * (10 ** 10)\n    return values\n",
      limits: ExerciseLimits(pythonMemoryBytes: 256 << 20))
    #expect(report.outcome == .outOfMemory)
    #expect(report.checks.allSatisfy { $0.actual?.hasPrefix("MemoryError") == true })
  }

  @Test("a syntax error, an exception and a missing function are reported", .enabled(if: hasPython))
  func brokenAnswers() {
    let syntax = Self.check("def double(values)\n    return values\n")
    #expect(syntax.outcome == .error)
    #expect(syntax.message?.hasPrefix("SyntaxError") == true, "\(syntax.message ?? "")")
    let raises = Self.check("def double(values):\n    return [v * 2 for v in vals]\n")
    #expect(raises.outcome == .failed)
    #expect(raises.checks[1].actual == "NameError: name 'vals' is not defined")
    let missing = Self.check("def twice(values):\n    return values\n")
    #expect(missing.outcome == .noCode)
    #expect(missing.message == "the answer does not define double()")
    let exits = Self.check("import os\ndef double(values):\n    os._exit(3)\n")
    #expect(exits.outcome == .error)
    #expect(exits.message?.contains("stopped before the tests ended") == true)
  }

  @Test("the answer runs in a fresh folder that is removed afterwards", .enabled(if: hasPython))
  func freshFolder() throws {
    let report = Self.check(
      """
      import os
      def double(values):
          open("left-behind.txt", "w").write("x")
          return os.getcwd()
      """)
    #expect(report.outcome == .failed)
    let quoted = try #require(report.checks.first?.actual)
    let folder = String(quoted.dropFirst().dropLast())
    #expect(folder.contains("rehearse-python-"))
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(!FileManager.default.fileExists(atPath: "left-behind.txt"))
  }

  @Test("without python3 the tests are not run and the answer is left to its rubric")
  func noInterpreter() throws {
    let empty = PythonChecker.locate(environment: ["REHEARSE_PYTHON": ""])
    #expect(!empty.isAvailable)
    let report = empty.check("def double(values):\n    return values\n", exercise: Self.double)
    #expect(report.outcome == .unavailable)
    #expect(!report.isScored)
    #expect(report.message?.contains("REHEARSE_PYTHON is empty") == true)
    let nowhere = PythonChecker.locate(environment: ["PATH": "/nonexistent"])
    #expect(
      nowhere.check("", exercise: Self.double).message?.contains("python3 was not found") == true)
    let text = FileManager.default.temporaryDirectory.appending(path: "rehearse-\(UUID()).txt")
    try Data("print(1)".utf8).write(to: text)
    defer { try? FileManager.default.removeItem(at: text) }
    #expect(!PythonChecker.locate(environment: ["REHEARSE_PYTHON": text.path]).isAvailable)
    #expect(!PythonChecker.locate(environment: ["REHEARSE_PYTHON": "/tmp"]).isAvailable)
  }
}
