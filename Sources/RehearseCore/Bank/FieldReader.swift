import Foundation
import Yams

/// A YAML mapping read against the keys a format allows.
///
/// Unknown keys are reported at once, with the closest allowed key as a suggestion. The getters
/// report missing required keys and values of the wrong type or range, and return `nil` for them
/// so the caller can go on and find the next problem.
struct FieldReader {
  let node: Node
  let file: String
  let context: String
  let problems: ProblemCollector
  private var values: [String: Node] = [:]
  /// Allowed keys offered as the correction of a misspelt one; their absence is not reported
  /// again.
  private var suggested: Set<String> = []

  /// Wraps `node`, which must be a mapping; returns `nil` after recording the problem otherwise.
  init?(
    _ node: Node, file: String, context: String, allowedKeys: [String], problems: ProblemCollector
  ) {
    self.node = node
    self.file = file
    self.context = context
    self.problems = problems
    guard let mapping = node.mapping else {
      problems.add(
        .wrongType(YAMLFile.location(of: node, file: file), key: context, expected: "a mapping"))
      return nil
    }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      guard allowedKeys.contains(key) else {
        let suggestion = closestKey(to: key, among: allowedKeys)
        problems.add(
          .unknownKey(YAMLFile.location(of: keyNode, file: file), key: key, suggestion: suggestion))
        if let suggestion { suggested.insert(suggestion) }
        continue
      }
      values[key] = value
    }
  }

  var location: SourceLocation { YAMLFile.location(of: node, file: file) }

  func location(of key: String) -> SourceLocation {
    values[key].map { YAMLFile.location(of: $0, file: file) } ?? location
  }

  /// The raw node under `key`, reporting its absence when `required`.
  func node(_ key: String, required: Bool) -> Node? {
    if let value = values[key] { return value }
    if required && !suggested.contains(key) {
      problems.add(.missingKey(location, key: key, in: context))
    }
    return nil
  }

  func string(_ key: String, required: Bool) -> String? {
    guard let value = node(key, required: required) else { return nil }
    guard let scalar = value.scalar else {
      problems.add(.wrongType(location(of: key), key: key, expected: "text"))
      return nil
    }
    let text = scalar.string.trimmedWhitespace
    if text.isEmpty {
      problems.add(.empty(location(of: key), key: key))
      return nil
    }
    return text
  }

  func integer(_ key: String, required: Bool, in range: ClosedRange<Int>) -> Int? {
    guard let value = node(key, required: required) else { return nil }
    guard let text = value.scalar?.string, let number = Int(text) else {
      problems.add(.wrongType(location(of: key), key: key, expected: "a whole number"))
      return nil
    }
    guard range.contains(number) else {
      problems.add(
        .outOfRange(
          location(of: key), key: key, value: text,
          range: "from \(range.lowerBound) to \(range.upperBound)"))
      return nil
    }
    return number
  }

  func number(_ key: String, in range: ClosedRange<Double>) -> Double? {
    guard let value = node(key, required: false) else { return nil }
    guard let text = value.scalar?.string, let number = Double(text), number.isFinite else {
      problems.add(.wrongType(location(of: key), key: key, expected: "a number"))
      return nil
    }
    guard range.contains(number) else {
      problems.add(
        .outOfRange(
          location(of: key), key: key, value: text,
          range: "from \(formatted(range.lowerBound)) to \(formatted(range.upperBound))"))
      return nil
    }
    return number
  }

  func boolean(_ key: String) -> Bool? {
    guard let value = node(key, required: false) else { return nil }
    switch value.scalar?.string.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      problems.add(.wrongType(location(of: key), key: key, expected: "true or false"))
      return nil
    }
  }

  /// A list of texts; a single text is accepted as a list of one.
  func strings(_ key: String, required: Bool) -> [String]? {
    guard let value = node(key, required: required) else { return nil }
    if let scalar = value.scalar {
      let text = scalar.string.trimmedWhitespace
      if text.isEmpty {
        problems.add(.empty(location(of: key), key: key))
        return nil
      }
      return [text]
    }
    guard let sequence = value.sequence else {
      problems.add(.wrongType(location(of: key), key: key, expected: "a list of texts"))
      return nil
    }
    var result: [String] = []
    for item in sequence {
      guard let text = item.scalar?.string.trimmedWhitespace else {
        problems.add(
          .wrongType(YAMLFile.location(of: item, file: file), key: key, expected: "a list of texts")
        )
        continue
      }
      if text.isEmpty {
        problems.add(.empty(YAMLFile.location(of: item, file: file), key: key))
        continue
      }
      result.append(text)
    }
    return result
  }

  /// The items of a list, reporting a missing or empty one when `required`.
  func list(_ key: String, required: Bool) -> [Node]? {
    guard let value = node(key, required: required) else { return nil }
    guard let sequence = value.sequence else {
      problems.add(.wrongType(location(of: key), key: key, expected: "a list"))
      return nil
    }
    if sequence.isEmpty && required {
      problems.add(.empty(location(of: key), key: key))
    }
    return Array(sequence)
  }

  private func formatted(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}
