import Foundation
import Testing

@testable import RehearseCore

private let header = "question_id\tquestion\treference_answer\tstudent_answer\tgrade_avg\n"

/// A graded-answer file of two assignments whose scores follow the grades.
private func sampleFile() -> String {
  var text = header
  let rows: [(String, String, String, String, Double)] = [
    ("1.1", "Where do C++ programs begin?", "At the main function.", "in main function", 5),
    ("1.1", "Where do C++ programs begin?", "At the main function.", "the main", 3.5),
    ("1.1", "Where do C++ programs begin?", "At the main function.", "no idea", 0),
    (
      "2.1", "What does a pointer hold?", "The address of another variable in memory.",
      "the memory address of a variable", 5
    ),
    (
      "2.1", "What does a pointer hold?", "The address of another variable in memory.",
      "an address", 3
    ),
    (
      "2.1", "What does a pointer hold?", "The address of another variable in memory.",
      "a number", 1
    ),
  ]
  for row in rows { text += "\(row.0)\t\(row.1)\t\(row.2)\t\(row.3)\t\(row.4)\n" }
  return text
}

@Suite("Evaluation against human grades")
struct EvaluationTests {
  @Test("Pearson and Spearman: perfect, reversed and tied rankings")
  func agreementMeasures() {
    #expect(abs(Agreement.pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-9)
    #expect(abs(Agreement.pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-9)
    #expect(Agreement.pearson([1, 1, 1], [1, 2, 3]) == 0)
    #expect(abs(Agreement.spearman([1, 10, 100], [1, 2, 3]) - 1) < 1e-9)
    #expect(Agreement.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
    #expect(Agreement.median([4, 1, 3, 2]) == 2.5)
    let line = Agreement.line([0, 50, 100], [0, 2.5, 5])
    #expect(abs(line.slope - 0.05) < 1e-9 && abs(line.intercept) < 1e-9)
  }

  @Test("a file reads into answers with their question, assignment, grade and line")
  func reads() throws {
    let answers = try GradedAnswersFile.parse(sampleFile(), path: "sample.tsv")
    #expect(answers.count == 6)
    #expect(answers[3].assignment == "2")
    #expect(answers[3].line == 5)
    #expect(answers[0].grade == 5)
  }

  @Test(
    "malformed files are named with their line",
    arguments: [
      (
        "no grade column",
        "question_id\tquestion\treference_answer\tstudent_answer\n1.1\tq\tr\ta\n",
        ":1: the header has no 'grade_avg' column"
      ),
      ("too few fields", header + "1.1\tq\tr\n", ":2: 3 tab-separated fields, the header has 5"),
      ("grade out of range", header + "1.1\tq\tr\ta\t7\n", ":2: grade_avg '7' is not a number"),
      ("grade not a number", header + "1.1\tq\tr\ta\tfive\n", ":2: grade_avg 'five'"),
      ("empty question", header + "1.1\t\tr\ta\t5\n", ":2: 'question' is empty"),
      ("no answers", header, "no graded answers"),
    ])
  func malformed(name: String, text: String, message: String) {
    do {
      _ = try GradedAnswersFile.parse(text, path: "bad.tsv")
      Issue.record("\(name): no error")
    } catch {
      #expect(
        error.description.contains("bad.tsv" + message) || error.description.contains(message),
        "\(name): \(error.description)")
      #expect(error.exitStatus == .dataError)
    }
  }

  @Test("bytes that are not UTF-8 and answers over the limit are refused at their line")
  func hostileBytes() throws {
    var bytes = Data((header + "1.1\tq\tr\tfine\t5\n").utf8)
    bytes.append(contentsOf: Array("1.2\tq\tr\t".utf8) + [0xFF, 0xFE] + Array("\t5\n".utf8))
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-graded-\(UUID().uuidString).tsv")
    try bytes.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: GradedAnswersError.unreadable(.notText(file: file.path, line: 3))) {
      try GradedAnswersFile.read(path: file.path)
    }
    let long = header + "1.1\tq\tr\t" + String(repeating: "a", count: 70_000) + "\t5\n"
    #expect(throws: GradedAnswersError.tooLong(path: "x.tsv", line: 2, limit: 65_536)) {
      try GradedAnswersFile.parse(long, path: "x.tsv")
    }
  }

  @Test("scores follow the grades on a small file, and the report names its mapping")
  func evaluate() throws {
    let answers = try GradedAnswersFile.parse(sampleFile(), path: "sample.tsv")
    let report = Rehearse.evaluate(answers, lexicon: Lexicon())
    #expect(report.n == 6)
    #expect(report.pearson > 0.8, "\(report)")
    #expect(report.spearman > 0.8)
    #expect(report.mapping.contains("other assignments"))
    #expect(report.questions.map(\.questionId) == ["1.1", "2.1"])
    #expect(report.questions[0].medianGrade == 3.5)
  }
}

@Suite("Rubric drafting")
struct RubricDrafterTests {
  @Test("content words become points; the question's own words get the least weight")
  func contentWords() {
    let rubric = RubricDrafter.draft(
      questionID: "q", question: "What does a pointer hold?",
      modelAnswer: "A pointer holds the address of another variable.")
    let labels = rubric.points.map(\.label)
    #expect(labels == ["pointer", "holds", "address", "another", "variable"])
    let weights = Dictionary(uniqueKeysWithValues: rubric.points.map { ($0.label, $0.weight) })
    #expect(weights["pointer"] == RubricDrafter.demotedWeight)
    #expect(weights["address"] == RubricDrafter.contentWeight)
    #expect(!rubric.readsNegation)
    #expect(rubric.fullCreditAt == RubricDrafter.fullCreditAt)
  }

  @Test("a lexicon term of several words is one point with every form as a phrasing")
  func lexiconTerms() {
    let lexicon = Lexicon(groups: [["primary key", "pk"], ["database", "db"]])
    let rubric = RubricDrafter.draft(
      questionID: "q", question: "How are rows found?",
      modelAnswer: "The primary key identifies each row in the database.", lexicon: lexicon)
    let key = rubric.points.first { $0.label == "primary key" }
    #expect(key?.phrasings == [Phrasing(["primary key"]), Phrasing(["pk"])])
    #expect(rubric.points.map(\.label).prefix(3) == ["primary key", "primary", "key"])
    #expect(rubric.points.first { $0.label == "database" }?.phrasings.count == 2)
  }

  @Test(
    "an answer that uses another form of a lexicon term earns all of it, one that names a part earns that part"
  )
  func lexiconTermParts() {
    let lexicon = Lexicon(groups: [["memory address", "memory location", "location in memory"]])
    let rubric = CompiledRubric(
      RubricDrafter.draft(
        questionID: "q", question: "What does a pointer hold?",
        modelAnswer: "The memory address of a variable.", lexicon: lexicon),
      lexicon: CompiledLexicon(lexicon))
    let synonym = Scorer.score("the location in memory of a variable", against: rubric)
    #expect(Set(synonym.hits.map(\.point)) == ["memory address", "memory", "address", "variable"])
    #expect(
      synonym.score == Scorer.score("The memory address of a variable.", against: rubric).score)
    let part = Scorer.score("an address", against: rubric)
    #expect(part.hits.map(\.point) == ["address"])
    #expect(part.score > 0 && part.score < synonym.score)
  }

  @Test("a drafted rubric gives its model answer full marks, a partial answer part, nothing 0")
  func draftedScores() {
    let model = "A pointer holds the memory address of another variable."
    let rubric = CompiledRubric(
      RubricDrafter.draft(questionID: "q", question: "What is a pointer?", modelAnswer: model),
      lexicon: CompiledLexicon(Lexicon()))
    #expect(Scorer.score(model, against: rubric).score == 100)
    let partial = Scorer.score("it is an address", against: rubric).score
    #expect(partial > 0 && partial < 100)
    #expect(Scorer.score("", against: rubric).score == 0)
    // Negation is not read: "not just any number but an address" still makes the point.
    #expect(Scorer.score("not a number, an address", against: rubric).score == partial)
  }

  @Test("the draft is YAML the bank loader accepts")
  func yamlLoads() throws {
    let rubric = RubricDrafter.draft(
      questionID: "dbc-sharding", question: "Sharding?",
      modelAnswer: "Shards: independent databases, on separate nodes.")
    let bank = try TestBank(replacing: [
      "rubrics/database-concepts.yaml": RubricDrafter.yaml(rubric)
        + TestBank.rubrics.components(separatedBy: "dbc-etl:").dropFirst().map { "dbc-etl:" + $0 }
        .joined()
    ])
    defer { bank.remove() }
    #expect(bank.problems().isEmpty, "\(bank.problems())")
    let loaded = try Bank.load(from: bank.root)
    #expect(loaded.rubrics["dbc-sharding"]?.curve == .saturating)
    #expect(loaded.rubrics["dbc-sharding"]?.fullCreditAt == RubricDrafter.fullCreditAt)
  }
}

@Suite("Credit curves")
struct CreditCurveTests {
  @Test("linear: in step with the share, full from full_credit_at on")
  func linear() {
    #expect(CreditCurve.linear.credit(share: 0.2, fullCreditAt: 0.4) == 0.5)
    #expect(CreditCurve.linear.credit(share: 0.4, fullCreditAt: 0.4) == 1)
    #expect(CreditCurve.linear.credit(share: 0.9, fullCreditAt: 0.4) == 1)
    #expect(CreditCurve.linear.credit(share: 0.5, fullCreditAt: 1) == 0.5)
  }

  @Test(
    "saturating: 0 at nothing, about 80 at full_credit_at, 100 only with every point, each share adding less",
    arguments: [0.3, 0.4, 0.6])
  func saturating(fullCreditAt: Double) {
    let curve = CreditCurve.saturating
    #expect(curve.credit(share: 0, fullCreditAt: fullCreditAt) == 0)
    #expect(abs(curve.credit(share: 1, fullCreditAt: fullCreditAt) - 1) < 1e-12)
    let atFull = curve.credit(share: fullCreditAt, fullCreditAt: fullCreditAt)
    #expect(atFull >= 0.8 && atFull < 0.87)
    let shares = stride(from: 0.0, through: 1.0, by: 0.1).map {
      curve.credit(share: $0, fullCreditAt: fullCreditAt)
    }
    let steps = zip(shares.dropFirst(), shares).map { $0 - $1 }
    #expect(steps.allSatisfy { $0 > 0 })
    #expect(zip(steps.dropFirst(), steps).allSatisfy { $0 < $1 })
  }

  @Test(
    "a drafted rubric saturates: a few of the model answer's words earn more than their share, most of them less than full marks"
  )
  func draftedSaturates() {
    let question = "What is a pointer?"
    let model = "A pointer holds the memory address of another variable in the program."
    let drafted = RubricDrafter.draft(questionID: "q", question: question, modelAnswer: model)
    #expect(drafted.curve == .saturating)
    var linear = drafted
    linear.curve = .linear
    let lexicon = CompiledLexicon(Lexicon())
    let saturating = CompiledRubric(drafted, lexicon: lexicon)
    let straight = CompiledRubric(linear, lexicon: lexicon)
    let few = "an address"
    #expect(
      Scorer.score(few, against: saturating).score > Scorer.score(few, against: straight).score)
    let most = "it holds the memory address of another variable"
    #expect(Scorer.score(most, against: straight).score == 100)
    #expect(Scorer.score(most, against: saturating).score < 100)
    #expect(Scorer.score(model, against: saturating).score == 100)
  }
}

/// Graded answers to bank questions, and the agreement measures over them.
@Suite("Bank-answer agreement")
struct BankAgreementTests {
  static let header = "question_id\tvariant\thuman_grade\treason\tanswer\n"

  @Test(
    "Cohen's kappa: 1 for the same bands, 0 for chance, and a worked two-category case",
    arguments: [
      ([1, 2, 3, 1], [1, 2, 3, 1], 1.0),
      ([1, 1, 2, 2], [1, 2, 1, 2], 0.0),
      // 20 both yes, 5 yes/no, 10 no/yes, 15 both no: observed 0.7, expected 0.5.
      (
        Array(repeating: 1, count: 25) + Array(repeating: 2, count: 25),
        Array(repeating: 1, count: 20) + Array(repeating: 2, count: 5)
          + Array(repeating: 1, count: 10) + Array(repeating: 2, count: 15), 0.4
      ),
    ])
  func kappa(first: [Int], second: [Int], expected: Double) {
    #expect(abs(Agreement.kappa(first, second) - expected) < 1e-9)
  }

  @Test("a bank-answer file is told by its header; \\t, \\n and \\\\ are read back")
  func parse() throws {
    let text =
      Self.header + "dbc-etl\tv1\t90\tGood.\tline one\\nline two\\tand a tab, a \\\\ kept\n"
    #expect(BankAnswersFile.matches(text))
    #expect(!BankAnswersFile.matches("question_id\tquestion\treference_answer\n"))
    let answers = try BankAnswersFile.parse(text, path: "a.tsv")
    #expect(answers.map(\.answer) == ["line one\nline two\tand a tab, a \\ kept"])
    #expect(answers.first?.line == 2 && answers.first?.humanGrade == 90)
  }

  @Test(
    "a grade outside 0-100 and a missing column are named with their file and line",
    arguments: [
      (
        "question_id\tvariant\thuman_grade\treason\tanswer\nq\tv1\t101\tr\ta\n",
        "a.tsv:2: human_grade '101' is not a number from 0 to 100"
      ),
      (
        "question_id\tvariant\tgrade\treason\tanswer\nq\tv1\t1\tr\ta\n",
        "a.tsv:1: the header has no 'human_grade' column (columns: question_id, variant, "
          + "human_grade, reason, answer)"
      ),
    ])
  func malformed(text: String, message: String) {
    #expect {
      _ = try BankAnswersFile.parse(text, path: "a.tsv")
    } throws: { error in
      (error as? GradedAnswersError)?.description == message
    }
  }

  @Test("the measures follow the graded answers: bands, kappa, variant means, disagreements")
  func measure() throws {
    let files = try TestBank()
    defer { files.remove() }
    let bank = try Bank.load(from: files.root)
    let model = try #require(bank.question(id: "dbc-sharding")?.modelAnswer)
    let answers = [
      BankAnswer(
        questionID: "dbc-sharding", variant: "v1", humanGrade: 95, reason: "", answer: model,
        line: 2),
      BankAnswer(
        questionID: "dbc-sharding", variant: "v5", humanGrade: 80, reason: "generous",
        answer:
          "It is about indexes.", line: 3),
      BankAnswer(
        questionID: "dbc-sharding", variant: "v5", humanGrade: 10, reason: "", answer: "No idea.",
        line: 4),
    ]
    let report = BankAgreement.measure(answers, grader: Grader(bank: bank))
    let scores = report.answers.map(\.score)
    #expect(report.n == 3 && report.questions == 1)
    #expect(report.answers.map(\.band) == scores.map { Band(score: $0) })
    let agreeing = report.answers.filter { $0.band == $0.humanBand }.count
    #expect(report.bandAgreement == (Double(agreeing) / 3 * 1000).rounded() / 1000)
    #expect(report.variants.map(\.variant) == ["v1", "v5"])
    #expect(report.variants.last?.humanMean == 45)
    #expect(report.variants.last?.scoreMean == Double(scores[1] + scores[2]) / 2)
    // The generous grade of a weak answer is the largest disagreement.
    #expect(report.disagreements.first?.line == 3)
    #expect(report.disagreements.first?.band == .weak)
  }
}
