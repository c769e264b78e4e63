import Foundation

/// Agreement between scores and human grades.
public enum Agreement {
  /// Pearson's r; 0 when either side does not vary.
  public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    guard x.count == y.count, x.count > 1 else { return 0 }
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (a, b) in zip(x, y) {
      covariance += (a - meanX) * (b - meanY)
      varianceX += (a - meanX) * (a - meanX)
      varianceY += (b - meanY) * (b - meanY)
    }
    guard varianceX > 0, varianceY > 0 else { return 0 }
    return covariance / (varianceX * varianceY).squareRoot()
  }

  /// Ranks from 1, ties given their average rank.
  static func ranks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end) / 2 + 1
      for index in start...end { ranks[order[index]] = rank }
      start = end + 1
    }
    return ranks
  }

  /// Spearman's rho: Pearson's r of the ranks.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
  }

  /// The least-squares line `y = intercept + slope × x`.
  public static func line(_ x: [Double], _ y: [Double]) -> (intercept: Double, slope: Double) {
    guard !x.isEmpty else { return (0, 0) }
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var covariance = 0.0
    var variance = 0.0
    for (a, b) in zip(x, y) {
      covariance += (a - meanX) * (b - meanY)
      variance += (a - meanX) * (a - meanX)
    }
    let slope = variance > 0 ? covariance / variance : 0
    return (meanY - slope * meanX, slope)
  }

  /// Cohen's kappa: how much more often two raters put items in the same category than chance
  /// would, from -1 to 1; 0 when chance alone explains it, or when there is nothing to compare.
  public static func kappa<Category: Hashable>(_ first: [Category], _ second: [Category])
    -> Double
  {
    guard first.count == second.count, !first.isEmpty else { return 0 }
    let count = Double(first.count)
    let observed = Double(zip(first, second).filter { $0 == $1 }.count) / count
    var firstCounts: [Category: Double] = [:]
    var secondCounts: [Category: Double] = [:]
    for category in first { firstCounts[category, default: 0] += 1 }
    for category in second { secondCounts[category, default: 0] += 1 }
    let expected = firstCounts.reduce(0.0) { total, entry in
      total + entry.value / count * (secondCounts[entry.key] ?? 0) / count
    }
    guard expected < 1 else { return observed == 1 ? 1 : 0 }
    return (observed - expected) / (1 - expected)
  }

  /// `value` rounded to `places` decimal places (0 to 3), as reports show agreement.
  static func rounded(_ value: Double, places: Int) -> Double {
    let scale = [1.0, 10, 100, 1000][places]
    return (value * scale).rounded() / scale
  }

  public static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
