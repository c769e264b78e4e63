import Foundation

/// How a rubric turns the share of its weight an answer earns into a score.
public enum CreditCurve: String, Sendable, Equatable, CaseIterable {
  /// The score rises in step with the share and is full at `full_credit_at`: every point the
  /// author wrote is worth its weight, and an answer that makes them all has made its case.
  case linear
  /// The score rises fast at first and then ever more slowly, reaching `saturatingCredit` at
  /// `full_credit_at` and 100 only with every point: each further word of a model answer adds a
  /// share of what remains. Drafted rubrics use it, as their points are the model answer's words
  /// and a good answer says part of them, while the words it says first carry the most.
  case saturating

  /// The score the saturating curve gives at `full_credit_at`, out of 1.
  public static let saturatingCredit = 0.8

  /// The score, 0–1, for earning `share` (0–1) of a rubric's weight when `fullCreditAt` is the
  /// share that earns full marks (or, saturating, `saturatingCredit`).
  public func credit(share: Double, fullCreditAt: Double) -> Double {
    switch self {
    case .linear:
      return min(1, share / fullCreditAt)
    case .saturating:
      // 1 − e^(−k·share), with k set so that full_credit_at earns saturatingCredit, scaled so
      // that the whole weight earns 1.
      let rate = -log(1 - Self.saturatingCredit) / fullCreditAt
      return min(1, (1 - exp(-rate * share)) / (1 - exp(-rate)))
    }
  }
}
