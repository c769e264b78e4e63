import Foundation

/// The settings of an FSRS-6 scheduler: the model's 21 weights and the scheduling goals.
///
/// The defaults are those of the reference implementation, py-fsrs 6.3.2: its default FSRS-6
/// weights, a desired retention of 0.9 and a maximum interval of 36,500 days. The weights are
/// used as given; unlike py-fsrs, they are not checked against the bounds its optimizer keeps
/// them in.
public struct FSRSParameters: Equatable, Sendable {
  /// The number of weights of the FSRS-6 model.
  public static let weightCount = 21

  /// The default FSRS-6 weights, `w[0]` to `w[20]`, as py-fsrs 6.3.2 ships them.
  ///
  /// `w[0]`–`w[3]` are the initial stabilities after a first review rated again, hard, good
  /// and easy; `w[4]`–`w[7]` shape difficulty; `w[8]`–`w[10]` the growth of stability after a
  /// recall; `w[11]`–`w[14]` stability after a lapse; `w[15]` and `w[16]` the hard penalty and
  /// easy bonus; `w[17]`–`w[19]` same-day reviews; `w[20]` the decay of the forgetting curve.
  public static let defaultWeights: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]

  /// The reference implementation's settings: default weights, retention 0.9, 36,500 days.
  public static let `default` = FSRSParameters()

  /// The 21 weights of the model, `w[0]` to `w[20]`.
  public let weights: [Double]

  /// The chance of recalling an answer that the scheduler aims for when it picks an interval.
  ///
  /// Between 0 and 1 (exclusive); a higher retention gives shorter intervals.
  public let desiredRetention: Double

  /// The longest interval, in days, the scheduler gives; at least 1.
  public let maximumInterval: Int

  /// Creates parameters from weights, a desired retention and a maximum interval in days.
  ///
  /// - Precondition: `weights` has ``weightCount`` elements, `desiredRetention` lies strictly
  ///   between 0 and 1, `maximumInterval` is at least 1, and the decay `weights[20]` is
  ///   positive.
  public init(
    weights: [Double] = FSRSParameters.defaultWeights,
    desiredRetention: Double = 0.9,
    maximumInterval: Int = 36_500
  ) {
    precondition(weights.count == Self.weightCount, "FSRS-6 has \(Self.weightCount) weights")
    precondition(weights[20] > 0, "the decay w[20] must be positive")
    precondition(desiredRetention > 0 && desiredRetention < 1, "retention must be in (0, 1)")
    precondition(maximumInterval >= 1, "the maximum interval must be at least one day")
    self.weights = weights
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
  }

  /// The exponent of the forgetting curve, `-w[20]`: negative, so recall fades with time.
  public var decay: Double { -weights[20] }

  /// The scale of the forgetting curve, chosen so that retrievability is 0.9 after exactly
  /// one stability's worth of days, whatever the decay.
  public var factor: Double { pow(0.9, 1 / decay) - 1 }
}
