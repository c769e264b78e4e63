/// How good an answer is, in three steps a candidate can act on.
public enum Band: String, CaseIterable, Sendable, Codable, Comparable {
  case weak
  case adequate
  case strong

  /// The lowest score that earns `strong`.
  public static let strongThreshold = 70
  /// The lowest score that earns `adequate`.
  public static let adequateThreshold = 40

  /// The band a 0–100 score falls in.
  public init(score: Int) {
    if score >= Band.strongThreshold {
      self = .strong
    } else if score >= Band.adequateThreshold {
      self = .adequate
    } else {
      self = .weak
    }
  }

  public static func < (lhs: Band, rhs: Band) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
