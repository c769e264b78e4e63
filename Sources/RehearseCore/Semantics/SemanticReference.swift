import RehearseEmbedding

/// A question's embeddings: what its answers are compared with by meaning.
///
/// The question's own direction is taken out of every vector compared (the strong answers' and,
/// at scoring, the answer's), so that what an answer shares with the question alone — repeating
/// it, naming its topic — earns no similarity; what is left is what the answer adds.
struct SemanticReference: Sendable {
  /// The question's embedding.
  let question: [Float]
  /// The strong answers' embeddings without the question's direction, of length 1.
  let references: [[Float]]
  /// The strong answers' texts, trimmed, in `references`' order.
  let referenceTexts: [String]
  /// The similarity of the rubric's key terms as a bare list: the similarity of a buzzword
  /// answer.
  let floor: Double
  /// Each talking point's label, embedded, in the rubric's order.
  let points: [[Float]]
  /// Each strong answer embedded as an answer is, whole and sentence by sentence
  /// (`SentenceEncoder.embed(parts:)`), in `references`' order: a strong answer given as the
  /// answer (by `bank test`, or pasted back) is not embedded twice.
  let asAnswers: [(whole: [Float], parts: [[Float]])]

  init(_ texts: SemanticTexts, encoder: SentenceEncoder) {
    let question = encoder.embed(texts.prompt)
    self.question = question
    // Embedded as answers are, so that a strong answer and the same text typed compare equal.
    let asAnswers = texts.references.map {
      encoder.embed(parts: Grader.sentences(of: $0, tokens: Tokenizer.tokens(of: $0)))
    }
    self.asAnswers = asAnswers
    let references = asAnswers.map { Self.removing(question, from: $0.whole) }
    self.references = references
    referenceTexts = texts.references.map(\.trimmedWhitespace)
    points = texts.points.map { encoder.embed($0) }
    floor = Self.similarity(
      Self.removing(question, from: encoder.embed(texts.keywordList)), to: references)
  }

  /// Which strong answer `text` is, when it is one of them (compared trimmed).
  func strongAnswer(_ text: String) -> Int? {
    referenceTexts.firstIndex(of: text.trimmedWhitespace)
  }

  /// How close `answer`'s embedding comes to a strong answer once the question's direction is
  /// out of both: the largest cosine, −1 to 1 (0 for an answer with nothing beyond the question).
  ///
  /// A strong answer is not compared with itself: the answer that is strong answer `own`
  /// (`strongAnswer(_:)`) is measured against the others, so a strong example is judged as
  /// another candidate's answer in the same words would be, and `bank test` stays meaningful.
  /// With no other, it is 1.
  func similarity(_ answer: [Float], excluding own: Int?) -> Double {
    let others = references.indices.filter { index in
      own.map { referenceTexts[index] != referenceTexts[$0] } ?? true
    }.map { references[$0] }
    guard !others.isEmpty else { return 1 }
    return Self.similarity(Self.removing(question, from: answer), to: others)
  }

  static func similarity(_ vector: [Float], to references: [[Float]]) -> Double {
    references.map { Double(SentenceEncoder.cosine(vector, $0)) }.max() ?? 0
  }

  /// `vector` without its component along `direction` (both of length 1), scaled back to
  /// length 1; all zeros when nothing is left.
  static func removing(_ direction: [Float], from vector: [Float]) -> [Float] {
    let along = SentenceEncoder.cosine(vector, direction)
    var rest = zip(vector, direction).map { $0 - along * $1 }
    let length = rest.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard length > 1e-4 else { return [Float](repeating: 0, count: vector.count) }
    for index in rest.indices { rest[index] /= length }
    return rest
  }
}
