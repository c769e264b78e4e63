import Foundation

extension Rehearse {
  /// `rehearse eval TSV`: measures agreement with human grades.
  ///
  /// A file of graded bank answers (its header names `human_grade`) is graded with the shipped
  /// rubrics and checks (`BankAgreement`). Any other file follows the short-answer protocol of
  /// the data's README: a rubric is drafted per question from its reference answer, and every
  /// answer is scored against it.
  public static func eval(_ request: EvalRequest) throws -> CommandOutput {
    let text = try GradedAnswersFile.text(atPath: request.path)
    if BankAnswersFile.matches(text) {
      return try bankAgreement(BankAnswersFile.parse(text, path: request.path), request)
    }
    let answers = try GradedAnswersFile.parse(text, path: request.path)
    // The bank's lexicon supplies the computing and data-engineering synonyms; without a bank
    // the answers are matched on stems alone.
    let report = evaluate(
      answers, lexicon: (try? request.bank.load().lexicon) ?? Lexicon(),
      semantics: request.bank.semanticScorer(enabled: request.semantic))
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(report))
    case .text: return CommandOutput(evalText(report, style: request.style))
    }
  }

  /// Grades answers to bank questions with the bank's own rubrics and checks, and measures the
  /// agreement with the interviewer's grades.
  static func bankAgreement(_ answers: [BankAnswer], _ request: EvalRequest) throws
    -> CommandOutput
  {
    let bank = try request.bank.load()
    for answer in answers where bank.question(id: answer.questionID) == nil {
      throw GradedAnswersError.unknownQuestion(
        path: request.path, line: answer.line, id: answer.questionID)
    }
    let grader = Grader(
      bank: bank, questionIDs: Array(Set(answers.map(\.questionID))), checker: request.checker,
      semantics: request.bank.semanticScorer(enabled: request.semantic))
    let report = BankAgreement.measure(answers, grader: grader)
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(report))
    case .text:
      return CommandOutput(bankAgreementText(report, path: request.path, style: request.style))
    }
  }

  static func bankAgreementText(_ report: BankAgreement, path: String, style: TextStyle) -> String {
    var lines = [
      style.bold("Agreement with the interviewer")
        + " over \(report.n) answers to \(report.questions) questions (the bank's own rubrics)",
      "  bands \(TextLayout.percent(report.bandAgreement)) the same"
        + String(
          format: " (kappa %.2f) · Pearson r %.3f · Spearman rho %.3f", report.kappa,
          report.pearson, report.spearman),
    ]
    if let alone = report.rubricOnly {
      lines[1] += " (rubric and meaning blended)"
      lines.append(
        "  the rubric alone: bands \(TextLayout.percent(alone.bandAgreement)) the same"
          + String(format: " (kappa %.2f) · Pearson r %.3f", alone.kappa, alone.pearson))
    }
    lines.append("")
    let means = report.variants.enumerated().map { index, row in
      [TerminalText.safe(row.variant), "\(row.n)"]
        + ([row.humanMean, row.scoreMean] + (report.rubricOnly.map { [$0.scoreMeans[index]] } ?? []))
        .map { String(format: "%.0f", $0) }
    }
    let header =
      ["VARIANT", "ANSWERS", "INTERVIEWER", "REHEARSE"]
      + (report.rubricOnly == nil ? [] : ["RUBRIC ALONE"])
    lines.append(TextLayout.table([header] + means))
    if !report.disagreements.isEmpty {
      lines.append("")
      lines.append(style.bold("Largest disagreements"))
      for answer in report.disagreements {
        lines.append(
          "  \(TerminalText.safe(path)):\(answer.line): \(TerminalText.safe(answer.questionId)) "
            + "\(TerminalText.safe(answer.variant)): interviewer "
            + "\(Int(answer.human.rounded())) (\(answer.humanBand.rawValue)), Rehearse "
            + "\(answer.score) (\(style.band(answer.band)))")
        if !answer.reason.isEmpty {
          lines.append(
            style.dim(
              "    " + TextLayout.truncate(TerminalText.safe(answer.reason), to: style.width - 4)))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Scores `answers` against rubrics drafted from their reference answers and measures the
  /// agreement with their grades.
  public static func evaluate(
    _ answers: [GradedAnswer], lexicon: Lexicon, semantics: SemanticScorer? = nil
  ) -> EvalReport {
    var references: [String: (question: String, reference: String)] = [:]
    var order: [String] = []
    for answer in answers where references[answer.questionID] == nil {
      references[answer.questionID] = (answer.question, answer.referenceAnswer)
      order.append(answer.questionID)
    }
    // A rubric comes from its question and reference answer only: no grade builds it.
    let compiledLexicon = CompiledLexicon(lexicon)
    var rubrics: [String: CompiledRubric] = [:]
    var semanticTexts: [String: SemanticTexts] = [:]
    for id in order {
      let (question, reference) = references[id]!
      let rubric = RubricDrafter.draft(
        questionID: id, question: question, modelAnswer: reference, lexicon: lexicon)
      rubrics[id] = CompiledRubric(rubric, lexicon: compiledLexicon)
      semanticTexts[id] = SemanticTexts(prompt: question, references: [reference], rubric: rubric)
    }
    let grader = Grader(rubrics: rubrics, semanticTexts: semanticTexts, semantics: semantics)
    let graded = answers.map { grader.grade($0.answer, questionID: $0.questionID) }
    let scores = graded.map { Double($0.score) }
    let rubricScores = graded.map { Double($0.semantic?.rubricScore ?? $0.score) }
    let grades = answers.map(\.grade)

    // RMSE on 0–5: a straight line from score to grade, fitted for each assignment on the other
    // assignments only, so no grade predicts itself.
    var mapped = [Double](repeating: 0, count: answers.count)
    let assignments = Set(answers.map(\.assignment))
    for assignment in assignments {
      let training = answers.indices.filter { answers[$0].assignment != assignment }
      let fit =
        training.isEmpty
        ? (intercept: 0.0, slope: 0.05)
        : Agreement.line(training.map { scores[$0] }, training.map { grades[$0] })
      for index in answers.indices where answers[index].assignment == assignment {
        mapped[index] = min(5, max(0, fit.intercept + fit.slope * scores[index]))
      }
    }
    let squared = zip(mapped, grades).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let rmse = (squared / Double(answers.count)).squareRoot()

    let questions = order.map { id in
      let indices = answers.indices.filter { answers[$0].questionID == id }
      return EvalReport.QuestionRow(
        questionId: id, n: indices.count, medianScore: Agreement.median(indices.map { scores[$0] }),
        medianGrade: Agreement.median(indices.map { grades[$0] }))
    }
    let blended = graded.contains { $0.semantic != nil }
    return EvalReport(
      n: answers.count, pearson: Agreement.rounded(Agreement.pearson(scores, grades), places: 3),
      spearman: Agreement.rounded(Agreement.spearman(scores, grades), places: 3),
      rmse: Agreement.rounded(rmse, places: 3),
      rubricPearson: blended
        ? Agreement.rounded(Agreement.pearson(rubricScores, grades), places: 3) : nil,
      rubricSpearman: blended
        ? Agreement.rounded(Agreement.spearman(rubricScores, grades), places: 3) : nil,
      mapping:
        "score 0-100 to grade 0-5 by a least-squares line fitted, for each assignment, on the "
        + "other assignments (\(assignments.count) folds), clipped to 0-5",
      questions: questions,
      answers: answers.indices.map { index in
        EvalReport.AnswerRow(
          line: answers[index].line, questionId: answers[index].questionID,
          score: Int(scores[index]), grade: grades[index],
          rubricScore: graded[index].semantic?.rubricScore,
          similarity: graded[index].semantic?.similarity, floor: graded[index].semantic?.floor)
      })
  }

  static func evalText(_ report: EvalReport, style: TextStyle) -> String {
    var lines = [
      style.bold("Agreement with human grades") + " over \(report.n) answers",
      String(
        format: "  Pearson r %.3f · Spearman rho %.3f · RMSE %.3f on 0-5", report.pearson,
        report.spearman, report.rmse)
        + (report.rubricPearson == nil ? " (the rubric alone)" : " (rubric and meaning blended)"),
    ]
    if let pearson = report.rubricPearson, let spearman = report.rubricSpearman {
      lines.append(
        String(format: "  the rubric alone: Pearson r %.3f · Spearman rho %.3f", pearson, spearman))
    }
    lines += [style.dim("  RMSE mapping: " + report.mapping), ""]
    var table = [["QUESTION", "ANSWERS", "MEDIAN SCORE", "MEDIAN GRADE"]]
    for row in report.questions {
      table.append([
        TerminalText.safe(row.questionId), "\(row.n)", String(format: "%.0f", row.medianScore),
        String(format: "%.2f", row.medianGrade),
      ])
    }
    lines.append(TextLayout.table(table))
    return lines.joined(separator: "\n")
  }

  /// `rehearse rubric draft`: a rubric skeleton, as YAML in the bank's format.
  public static func rubricDraft(_ request: DraftRequest) throws -> CommandOutput {
    let bank = try request.bank.load()
    let id: String
    let question: String
    let modelAnswer: String
    if let questionID = request.questionID {
      let found = try bank.requireQuestion(id: questionID)
      id = found.id
      question = request.question ?? found.prompt
      modelAnswer = request.modelAnswer ?? found.modelAnswer
    } else {
      id = "new-question"
      question = request.question ?? ""
      modelAnswer = request.modelAnswer ?? ""
    }
    let rubric = RubricDrafter.draft(
      questionID: id, question: question, modelAnswer: modelAnswer, lexicon: bank.lexicon)
    return CommandOutput(RubricDrafter.yaml(rubric))
  }
}
