import ArgumentParser
import Foundation
import RehearseCore

/// A difficulty, or a range of them: `2` or `1-2`.
struct DifficultyRange: ExpressibleByArgument {
  let range: ClosedRange<Int>

  init?(argument: String) {
    let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    switch parts.count {
    case 1:
      guard let value = parts[0], (1...3).contains(value) else { return nil }
      range = value...value
    case 2:
      guard let low = parts[0], let high = parts[1], (1...3).contains(low),
        (1...3).contains(high), low <= high
      else { return nil }
      range = low...high
    default: return nil
    }
  }
}
