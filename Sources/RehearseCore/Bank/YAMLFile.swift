import Foundation
import Yams

/// Reads a YAML file into a node tree that remembers the line of every value.
enum YAMLFile {
  /// The largest bank file read: about fifteen times the largest shipped one (270 KiB, some 40
  /// rubrics), and about half a second of parsing in an optimised build, where 16 MiB took 2.5 s.
  static let maximumBytes = 4 * 1024 * 1024

  /// Parses the file at `url`, reported as `displayPath`; returns `nil` after recording why not.
  ///
  /// The file must be a regular file (a named pipe or a device is refused, never waited on or
  /// read without end) of at most `maximumBytes`, and its aliases may add at most
  /// `YAMLAliases.maximumAddedNodes` nodes: checked before the file is composed, so that no file
  /// can make loading stall.
  static func parse(url: URL, displayPath: String, problems: ProblemCollector) -> Node? {
    let start = SourceLocation(file: displayPath, line: 1)
    let text: String
    do {
      text = try TextFile.read(path: url.path, limit: maximumBytes, regularFileOnly: true)
    } catch {
      problems.add(.file(error))
      return nil
    }
    do {
      if let excess = try YAMLAliases.excess(in: text) {
        problems.add(
          .aliasExpansion(
            SourceLocation(file: displayPath, line: excess.line), alias: excess.name,
            limit: YAMLAliases.maximumAddedNodes))
        return nil
      }
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
