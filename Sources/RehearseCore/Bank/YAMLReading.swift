import Foundation
import Yams

/// Gathers the problems of one load so that a single run reports all of them.
final class ProblemCollector {
  private(set) var problems: [BankProblem] = []

  func add(_ problem: BankProblem) {
    problems.append(problem)
  }
}

/// Reads a YAML file into a node tree that remembers the line of every value.
enum YAMLFile {
  /// The largest bank file read: a hundred times the largest shipped one.
  static let maximumBytes = 16 * 1024 * 1024

  /// Parses the file at `url`, reported as `displayPath`; returns `nil` after recording why not.
  static func parse(url: URL, displayPath: String, problems: ProblemCollector) -> Node? {
    let start = SourceLocation(file: displayPath, line: 1)
    let text: String
    do {
      text = try TextFile.read(path: url.path, limit: maximumBytes)
    } catch {
      problems.add(.file(error))
      return nil
    }
    do {
      // Every scalar is read as text by `FieldReader`, so the basic resolver (no tag patterns)
      // is enough, and it skips a regular-expression match per scalar.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        problems.add(.empty(start, key: displayPath))
        return nil
      }
      return node
    } catch let error as YamlError {
      problems.add(problem(from: error, file: displayPath))
      return nil
    } catch {
      problems.add(.yamlSyntax(start, message: String(describing: error)))
      return nil
    }
  }

  private static func problem(from error: YamlError, file: String) -> BankProblem {
    func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> BankProblem {
      let detail = context.map { "\(problem) (\($0.text))" } ?? problem
      return .yamlSyntax(SourceLocation(file: file, line: mark.line), message: detail)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return located(mark, problem, context)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .duplicateKey(
        SourceLocation(file: file, line: context.mark.line),
        key: duplicates.joined(separator: ", "))
    case .reader(let problem, _, _, _):
      return .unreadable(SourceLocation(file: file, line: 1), reason: problem)
    default:
      return .yamlSyntax(SourceLocation(file: file, line: 1), message: String(describing: error))
    }
  }

  /// A YAML scalar for `text`, quoted when plain style would change or lose it.
  static func scalar(_ text: String) -> String {
    let special = CharacterSet(charactersIn: ":#[]{},&*!|>'\"%@`")
    let needsQuotes =
      text.isEmpty || text.unicodeScalars.contains { special.contains($0) }
      || text.first == "-" || text.first == "?" || text.first == " " || text.last == " "
      || ["yes", "no", "true", "false", "null", "~", "on", "off"].contains(text.lowercased())
      || Double(text) != nil
    guard needsQuotes else { return text }
    return "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// The location of a node in its file.
  static func location(of node: Node, file: String) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1)
  }
}

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

/// The allowed key nearest to a misspelt one, when it is close enough to be a likely typo.
func closestKey(to key: String, among allowed: [String]) -> String? {
  let lowered = key.lowercased().replacingOccurrences(of: "-", with: "_")
  var best: (key: String, distance: Int)?
  for candidate in allowed {
    let distance = EditDistance.between(Array(lowered.utf8), Array(candidate.utf8), limit: 3)
    if distance <= max(1, candidate.count / 3), distance < (best?.distance ?? Int.max) {
      best = (candidate, distance)
    }
  }
  return best?.key
}

extension String {
  /// The text without leading and trailing white space and newlines.
  ///
  /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux and was a fifth of
  /// the bank's load time.
  var trimmedWhitespace: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return first == startIndex && last == index(before: endIndex)
      ? self : String(self[first...last])
  }
}
