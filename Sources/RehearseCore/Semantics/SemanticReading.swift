/// What the meaning of an answer added to its score: how close it reads to a strong answer,
/// what that was worth, and the missed points some sentence reads like.
public struct SemanticReading: Sendable, Codable, Equatable {
  /// A sentence of the answer whose meaning is close to a talking point the rubric did not find.
  public struct ReadsLike: Sendable, Codable, Equatable {
    /// The missed point's label.
    public var point: String
    /// The answer's sentence, as written.
    public var sentence: String
    /// Their cosine, 0 to 1.
    public var similarity: Double

    public init(point: String, sentence: String, similarity: Double) {
      self.point = point
      self.sentence = sentence
      self.similarity = similarity
    }
  }

  /// The rubric's score before the blend, 0 to 100.
  public var rubricScore: Int
  /// The answer's similarity to the closest strong answer, the question's direction removed.
  public var similarity: Double
  /// The similarity of the rubric's key terms as a bare list (`SemanticReference.floor`).
  public var floor: Double
  /// The points meaning added to the rubric's score, or took from it when negative
  /// (`SemanticBlend.adjustment`).
  public var adjustment: Int
  /// Missed points an answer sentence reads like, best first.
  public var readsLike: [ReadsLike]

  public init(
    rubricScore: Int, similarity: Double, floor: Double, adjustment: Int,
    readsLike: [ReadsLike]
  ) {
    self.rubricScore = rubricScore
    self.similarity = similarity
    self.floor = floor
    self.adjustment = adjustment
    self.readsLike = readsLike
  }
}
