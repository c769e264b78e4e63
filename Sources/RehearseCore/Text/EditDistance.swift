/// The optimal-string-alignment edit distance: insertions, deletions, substitutions and swaps of
/// two neighbouring letters each count one edit.
public enum EditDistance {
  /// The names nearest to a mistyped one, best first: those containing it or contained in it,
  /// then those within six edits of it.
  public static func nearest(to typed: String, among names: [String], count: Int = 3) -> [String] {
    let target = typed.lowercased()
    let bytes = Array(target.utf8)
    return names.map { name -> (String, Int) in
      let contained = !target.isEmpty && (name.contains(target) || target.contains(name))
      return (name, contained ? 0 : between(bytes, Array(name.utf8), limit: 6))
    }.filter { $0.1 <= 6 }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
  }

  /// The distance between `first` and `second`, or `limit + 1` as soon as it must exceed `limit`.
  public static func between(_ first: [UInt8], _ second: [UInt8], limit: Int) -> Int {
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in between(first, second, limit: limit) }
    }
  }

  /// The same on raw bytes; the three rows of the table live on the stack for short words.
  static func between(
    _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, limit: Int
  ) -> Int {
    if abs(first.count - second.count) > limit { return limit + 1 }
    if first.isEmpty || second.isEmpty { return max(first.count, second.count) }
    let width = second.count + 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
      var previousPrevious = rows.baseAddress!
      var previous = previousPrevious + width
      var current = previous + width
      for column in 0..<width {
        previousPrevious[column] = 0
        previous[column] = column
      }
      for row in 1...first.count {
        current[0] = row
        var rowMinimum = row
        for column in 1...second.count {
          let cost = first[row - 1] == second[column - 1] ? 0 : 1
          var value = min(
            previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
          if row > 1, column > 1, first[row - 1] == second[column - 2],
            first[row - 2] == second[column - 1]
          {
            value = min(value, previousPrevious[column - 2] + 1)
          }
          current[column] = value
          rowMinimum = min(rowMinimum, value)
        }
        if rowMinimum > limit { return limit + 1 }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
      }
      return min(previous[second.count], limit + 1)
    }
  }
}
