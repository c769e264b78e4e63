/// How an answer's similarity to the strong answers moves the rubric's score.
///
/// The signal is the answer's *margin*: its similarity (`SemanticReference.similarity`) less the
/// question's buzzword floor (the similarity of the rubric's key terms as a bare list), so that
/// naming the right terms earns nothing by meaning alone. An answer whose margin is that of a
/// typical adequate answer (`neutralMargin`) keeps the rubric's score; each unit of margin above
/// or below moves it by `pointsPerMargin`, within 0 to 100.
///
/// Both figures are fitted, never tuned on the answers they are judged on:
/// - `pointsPerMargin` on the Mohler short-answer corpus's development assignments
///   (`data/asag/mohler-dev.tsv`) alone: the whole number from 20 to 80 whose blended scores
///   (rounded, within 0 to 100) agree best with the grades by Pearson's r (0.624; the rubric alone
///   0.601). A least-squares fit of the grade on the score and the margin weighs the margin at
///   65, but the scores' limits at 0 and 100 cost that weight agreement (0.621);
/// - `neutralMargin` on the bank's own graded examples: the mean margin of its `adequate`
///   examples (0.082; the median is 0.086).
///
/// Meaning only raises an answer that states no misconception: a confidently wrong answer talks
/// about the right things, and its similarity says nothing of whether it is right.
public enum SemanticBlend {
  /// Score points per unit of margin.
  public static let pointsPerMargin = 45.0
  /// The margin that leaves the rubric's score as it is.
  public static let neutralMargin = 0.08
  /// How far the blend may take a graded example beyond its band's limits in `bank test`: the
  /// rubric alone must place every example in its band, and its meaning moves an answer by up to
  /// `pointsPerMargin` times the spread of margins among answers of one band (about ±10).
  public static let bandTolerance = 10
  /// The smallest cosine between an answer sentence and a missed point shown as "reads like":
  /// the lowest at which the sentence named is the one that makes the point 85% of the time.
  ///
  /// Measured by `RehearseBenchmark --reads-like` on the bank's strong answers, each point the
  /// rubric finds treated as missed: at 0.60 a sentence is named for 20% of them and is the one
  /// holding the rubric's evidence for 85% of those; at 0.50, 44% and 81%; at 0.70, 5% and 87%.
  public static let readsLikeThreshold = 0.6

  /// The points meaning adds to (or, when negative, takes from) a rubric score of `rubric`, for
  /// an answer of similarity `similarity` to a question whose buzzword floor is `floor`.
  public static func adjustment(
    rubric: Int, similarity: Double, floor: Double, misconception: Bool
  ) -> Int {
    var points = pointsPerMargin * (similarity - floor - neutralMargin)
    if misconception { points = min(0, points) }
    let blended = min(100, max(0, Double(rubric) + points)).rounded()
    return Int(blended) - rubric
  }
}
