import Foundation
import RehearseEmbedding

/// Reads answers by meaning: their similarity to the strong answers, blended into the rubric's
/// score (`SemanticBlend`), and the missed points a sentence reads like.
///
/// A question's embeddings are computed once and kept; `prepare` computes them on another thread
/// while the question is on screen, so an answer costs only its own embedding.
public final class SemanticScorer: @unchecked Sendable {
  /// The model, loading or loaded.
  public let model: SemanticModel
  private let lock = NSLock()
  private var references: [String: SemanticReference] = [:]

  public init(model: SemanticModel) {
    self.model = model
  }

  /// Computes the embeddings of question `id` on another thread, ready for its answer.
  public func prepare(_ id: String, texts: SemanticTexts) {
    Thread.detachNewThread { [self] in _ = reference(id, texts) }
  }

  /// The embeddings of question `id`, computed once; `nil` without a model.
  func reference(_ id: String, _ texts: SemanticTexts) -> SemanticReference? {
    lock.lock()
    if let known = references[id] {
      lock.unlock()
      return known
    }
    lock.unlock()
    guard let encoder = model.encoder else { return nil }
    let computed = SemanticReference(texts, encoder: encoder)
    lock.lock()
    defer { lock.unlock() }
    if let known = references[id] { return known }
    references[id] = computed
    return computed
  }

  /// The meaning of `answer`, whose sentences are `sentences`, against question `id`, whose
  /// rubric scored it as `scored`; `nil` without a model.
  func read(
    _ answer: String, sentences: [String], scored: ScoredAnswer, id: String, texts: SemanticTexts
  ) -> SemanticReading? {
    guard let reference = reference(id, texts), let encoder = model.encoder else { return nil }
    // A strong answer given as the answer was embedded with the question's references.
    let own = reference.strongAnswer(answer)
    let (whole, parts) = own.map { reference.asAnswers[$0] } ?? encoder.embed(parts: sentences)
    let similarity = reference.similarity(whole, excluding: own)
    var readsLike: [SemanticReading.ReadsLike] = []
    // A sentence that states a wrong idea is named as that, never as a point it nearly made.
    let wrong = scored.misconceptions.flatMap(\.evidence)
    let candidates = parts.indices.filter { index in
      !wrong.contains { sentences[index].contains($0) }
    }
    for miss in scored.misses {
      guard let index = texts.points.firstIndex(of: miss.point) else { continue }
      let best = candidates.map {
        (
          sentence: $0,
          similarity: Double(SentenceEncoder.cosine(parts[$0], reference.points[index]))
        )
      }.max { $0.similarity < $1.similarity }
      guard let best, best.similarity >= SemanticBlend.readsLikeThreshold else { continue }
      readsLike.append(
        .init(
          point: miss.point, sentence: sentences[best.sentence],
          similarity: Agreement.rounded(best.similarity, places: 3)))
    }
    readsLike.sort { $0.similarity > $1.similarity }
    return SemanticReading(
      rubricScore: scored.score, similarity: Agreement.rounded(similarity, places: 3),
      floor: Agreement.rounded(reference.floor, places: 3),
      adjustment: SemanticBlend.adjustment(
        rubric: scored.score, similarity: similarity, floor: reference.floor,
        misconception: scored.misconceptions.contains { $0.kind == .stated }),
      readsLike: readsLike)
  }
}
