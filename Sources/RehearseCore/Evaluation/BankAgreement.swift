/// How the shipped rubrics agree with an interviewer on graded answers to bank questions: what
/// `rehearse eval` reports for a file such as `data/bank-answers/dev.tsv`.
///
/// Every answer is graded as a candidate's would be (`Grader`: the rubric, and for SQL and Python
/// the checks), then compared with the interviewer's grade: Pearson's r and Spearman's rho on the
/// 0–100 scores, exact agreement of the bands (weak, adequate, strong) and Cohen's kappa over
/// them, the mean of each kind of answer on both sides, and the answers the two disagree on most.
public struct BankAgreement: Codable, Equatable, Sendable {
  /// The interviewer's and Rehearse's mean for one kind of answer.
  public struct VariantRow: Codable, Equatable, Sendable {
    public var variant: String
    public var n: Int
    public var humanMean: Double
    public var scoreMean: Double
  }

  /// One answer, graded both ways.
  public struct Graded: Codable, Equatable, Sendable {
    public var line: Int
    public var questionId: String
    public var variant: String
    public var human: Double
    public var score: Int
    public var humanBand: Band
    public var band: Band
    /// The interviewer's reason.
    public var reason: String
    /// The rubric's score before the blend with the answer's meaning; `nil` when not blended.
    public var rubricScore: Int?
    /// The answer's similarity to the closest strong answer (`SemanticReading.similarity`).
    public var similarity: Double?
    /// The question's buzzword floor (`SemanticReading.floor`).
    public var floor: Double?
  }

  /// The agreement of the rubric's scores alone, for a report of blended scores.
  public struct RubricOnly: Codable, Equatable, Sendable {
    public var pearson: Double
    public var bandAgreement: Double
    public var kappa: Double
    /// Each variant's mean of the rubric's scores, in `variants`' order.
    public var scoreMeans: [Double]
  }

  /// The most disagreements listed.
  public static let disagreementLimit = 10

  public var n: Int
  public var questions: Int
  public var pearson: Double
  public var spearman: Double
  /// The share of answers whose bands agree, 0 to 1.
  public var bandAgreement: Double
  /// Cohen's kappa over the three bands.
  public var kappa: Double
  public var variants: [VariantRow]
  /// The answers whose grade and score are furthest apart, furthest first.
  public var disagreements: [Graded]
  /// Every answer, in the file's order.
  public var answers: [Graded]
  /// The same figures for the rubric's scores alone, when the scores are blended with meaning.
  public var rubricOnly: RubricOnly?

  /// Grades `answers` with `grader` and measures the agreement.
  public static func measure(_ answers: [BankAnswer], grader: Grader) -> BankAgreement {
    let graded = answers.map { answer in
      let scored = grader.grade(answer.answer, questionID: answer.questionID)
      return Graded(
        line: answer.line, questionId: answer.questionID, variant: answer.variant,
        human: answer.humanGrade, score: scored.score,
        humanBand: Band(score: Int(answer.humanGrade.rounded())), band: scored.band,
        reason: answer.reason, rubricScore: scored.semantic?.rubricScore,
        similarity: scored.semantic?.similarity, floor: scored.semantic?.floor)
    }
    var report = summary(graded)
    if graded.contains(where: { $0.rubricScore != nil }) {
      var rubric = graded
      for index in rubric.indices {
        rubric[index].score = rubric[index].rubricScore ?? rubric[index].score
        rubric[index].band = Band(score: rubric[index].score)
      }
      let alone = summary(rubric)
      report.rubricOnly = RubricOnly(
        pearson: alone.pearson, bandAgreement: alone.bandAgreement, kappa: alone.kappa,
        scoreMeans: alone.variants.map(\.scoreMean))
    }
    return report
  }

  /// The figures of answers graded both ways.
  static func summary(_ graded: [Graded]) -> BankAgreement {
    let human = graded.map(\.human)
    let scores = graded.map { Double($0.score) }
    let variants = Set(graded.map(\.variant)).sorted().map { variant in
      let rows = graded.filter { $0.variant == variant }
      return VariantRow(
        variant: variant, n: rows.count,
        humanMean: Agreement.rounded(
          rows.reduce(0) { $0 + $1.human } / Double(rows.count), places: 1),
        scoreMean: Agreement.rounded(
          Double(rows.reduce(0) { $0 + $1.score }) / Double(rows.count), places: 1))
    }
    let agreeing = graded.filter { $0.band == $0.humanBand }.count
    let disagreements = graded.enumerated().sorted {
      let first = abs($0.element.human - Double($0.element.score))
      let second = abs($1.element.human - Double($1.element.score))
      return first != second ? first > second : $0.offset < $1.offset
    }.prefix(disagreementLimit).map(\.element)
    return BankAgreement(
      n: graded.count, questions: Set(graded.map(\.questionId)).count,
      pearson: Agreement.rounded(Agreement.pearson(scores, human), places: 3),
      spearman: Agreement.rounded(Agreement.spearman(scores, human), places: 3),
      bandAgreement: Agreement.rounded(
        graded.isEmpty ? 0 : Double(agreeing) / Double(graded.count), places: 3),
      kappa: Agreement.rounded(
        Agreement.kappa(graded.map(\.humanBand), graded.map(\.band)), places: 3),
      variants: variants, disagreements: Array(disagreements), answers: graded)
  }
}
