import Foundation

/// Where an answer to score comes from.
public enum AnswerSource: Sendable {
  case file(path: String)
  /// An open file or pipe, such as standard input; `name` stands for it in messages.
  case handle(FileHandle, name: String)
}

/// The `rehearse score` request.
public struct ScoreRequest: Sendable {
  public var bank: BankSource
  public var questionID: String
  public var answer: AnswerSource
  public var format: OutputFormat
  public var style: TextStyle
  /// What runs SQL and Python answers; without one they are scored by their rubrics alone.
  public var checker: ExerciseChecker?

  public init(
    bank: BankSource, questionID: String, answer: AnswerSource, format: OutputFormat,
    style: TextStyle, checker: ExerciseChecker? = nil
  ) {
    self.bank = bank
    self.questionID = questionID
    self.answer = answer
    self.format = format
    self.style = style
    self.checker = checker
  }
}

/// A `rehearse bank …` request.
public struct BankRequest: Sendable {
  public var bank: BankSource
  public var format: OutputFormat
  public var style: TextStyle
  /// `bank list`: only these components (all when empty).
  public var components: [Component]
  /// `bank show`: the question.
  public var questionID: String?
  /// `bank test`: what runs the executable questions' code; they are not run without one.
  public var checker: ExerciseChecker?

  public init(
    bank: BankSource, format: OutputFormat = .text, style: TextStyle = .plain,
    components: [Component] = [], questionID: String? = nil, checker: ExerciseChecker? = nil
  ) {
    self.bank = bank
    self.format = format
    self.style = style
    self.components = components
    self.questionID = questionID
    self.checker = checker
  }
}

/// The core entry points of the command line: one per command, each returning what to print.
public enum Rehearse {
  /// `rehearse score ID`: scores an answer against the question's rubric.
  public static func score(_ request: ScoreRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let question = try bank.requireQuestion(id: request.questionID)
    let answer: String
    switch request.answer {
    case .file(let path): answer = try AnswerInput.read(path: path)
    case .handle(let handle, let name): answer = try AnswerInput.read(from: handle, source: name)
    }
    let scored = Grader(bank: bank, questionIDs: [question.id], checker: request.checker)
      .grade(answer, questionID: question.id)
    // The code could not run here: the rubric's score stands, and the status says so.
    let status: ExitStatus = scored.execution?.isScored == false ? .unavailable : .success
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(scored), status: status)
    case .text:
      return CommandOutput(
        FeedbackText.render(Feedback(scored, question: question), style: request.style),
        status: status)
    }
  }

  /// `rehearse bank list`.
  public static func bankList(_ request: BankRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let questions = bank.questions.filter {
      request.components.isEmpty || request.components.contains($0.component)
    }
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(BankReports.listed(questions)))
    case .text: return CommandOutput(BankReports.listText(questions, style: request.style))
    }
  }

  /// `rehearse bank show ID`.
  public static func bankShow(_ request: BankRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let question = try bank.requireQuestion(id: request.questionID ?? "")
    let rubric = bank.rubrics[question.id]
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(BankReports.shown(question, rubric: rubric)))
    case .text:
      return CommandOutput(BankReports.showText(question, rubric: rubric, style: request.style))
    }
  }

  /// `rehearse bank stats`.
  public static func bankStats(_ request: BankRequest) throws -> CommandOutput {
    let stats = BankReports.stats(try request.bank.load())
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(stats))
    case .text: return CommandOutput(BankReports.statsText(stats, style: request.style))
    }
  }

  /// `rehearse bank lint [DIR]`: loads the bank; every problem is thrown as `file:line: message`.
  public static func bankLint(_ request: BankRequest) throws -> CommandOutput {
    let root = try request.bank.locate()
    let bank = try Bank.load(from: root)
    let rubrics = bank.rubrics.values
    let summary =
      "\(root.path): \(bank.questions.count) questions, \(rubrics.count) rubrics, "
      + "\(rubrics.reduce(0) { $0 + $1.points.count }) talking points, "
      + "\(bank.lexicon.groups.count) synonym groups: "
    return CommandOutput(summary + request.style.green("ok"))
  }

  /// `rehearse bank test [DIR]`: exits 1 when an example or model answer is off its band.
  public static func bankTest(_ request: BankRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let result = BankTester.run(bank, checker: request.checker)
    let status: ExitStatus = result.passed ? .success : .checkFailed
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(result), status: status)
    case .text: return CommandOutput(BankTester.text(result, style: request.style), status: status)
    }
  }
}
