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
///   (`data/asag/mohler-dev.tsv`) alone: the least-squares fit of the grade on the rubric's score
///   and the margin gives their weights, and this is the margin's weight over the score's;
/// - `neutralMargin` on the bank's own graded examples: the median margin of its `adequate`
///   examples (0.086; the mean is 0.082).
///
/// Meaning only raises an answer that states no misconception: a confidently wrong answer talks
/// about the right things, and its similarity says nothing of whether it is right.
public enum SemanticBlend {
  /// Score points per unit of margin.
  public static let pointsPerMargin = 65.0
  /// The margin that leaves the rubric's score as it is.
  public static let neutralMargin = 0.08
  /// The smallest cosine between an answer sentence and a missed point shown as "reads like".
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
