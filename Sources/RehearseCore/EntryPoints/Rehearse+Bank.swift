extension Rehearse {
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
    let bank = try request.bank.loadStrict()
    let root = bank.root
    let rubrics = bank.rubrics.values
    let own = bank.questions.filter(\.isOwn).count
    let ownPart =
      own == 0 ? "" : " (\(own) of them your own, in \(request.bank.ownBank?.path ?? ""))"
    let summary =
      "\(TerminalText.safe(root.path)): \(bank.questions.count) questions\(TerminalText.safe(ownPart)), "
      + "\(rubrics.count) rubrics, "
      + "\(rubrics.reduce(0) { $0 + $1.points.count }) talking points, "
      + "\(bank.lexicon.groups.count) synonym groups: "
    return CommandOutput(summary + request.style.green("ok"))
  }

  /// `rehearse bank test [DIR]`: exits 1 when an example or model answer is off its band.
  public static func bankTest(_ request: BankRequest) throws -> CommandOutput {
    let bank = try request.bank.loadStrict()
    let result = BankTester.run(
      bank, checker: request.checker,
      semantics: request.bank.semanticScorer(enabled: request.semantic))
    let status: ExitStatus = result.passed ? .success : .checkFailed
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(result), status: status)
    case .text: return CommandOutput(BankTester.text(result, style: request.style), status: status)
    }
  }
}
