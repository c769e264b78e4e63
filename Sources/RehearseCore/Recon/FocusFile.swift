import Foundation
import Yams

/// The file a focus is kept in (`REHEARSE_HOME/focus/NAME.yaml`): small YAML a person can read.
///
/// ```yaml
/// name: netease
/// source: examples/job-descriptions/netease-games-data-platform.md
/// components:          # every component, heaviest first; weights sum to 1
///   cloud-platforms: 0.31
/// terms:               # count: times named; questions: bank questions asking it when saved
///   - {name: AWS, kind: technology, count: 1, questions: 41}
/// ```
public enum FocusFile {
  /// The largest focus file read.
  public static let maximumBytes = 256 * 1024
  static let keys = ["name", "source", "components", "terms"]
  static let termKeys = ["name", "kind", "count", "questions"]

  /// The text of `focus`'s file.
  public static func render(_ focus: Focus) -> String {
    var lines = [
      "# A focus saved by 'rehearse recon --save \(focus.name)'. Weights sum to 1; terms with",
      "# questions: 0 are gaps (no bank question asks them yet).",
      "name: \(scalar(focus.name))",
      "source: \(scalar(focus.source))",
      "components:",
    ]
    for weight in focus.weights {
      lines.append("  \(weight.component.rawValue): \(String(format: "%.4f", weight.weight))")
    }
    lines.append(focus.terms.isEmpty ? "terms: []" : "terms:")
    for term in focus.terms {
      lines.append(
        "  - {name: \(scalar(term.name)), kind: \(scalar(term.kind)), count: \(term.count), "
          + "questions: \(term.questions)}")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads the focus file at `path`, expected to hold the focus `name`.
  ///
  /// - Throws: `FocusError.damaged` with every problem as `file:line: message`.
  public static func read(path: String, name: String) throws(FocusError) -> Focus {
    let problems = ProblemCollector()
    let url = URL(fileURLWithPath: path)
    guard let node = YAMLFile.parse(url: url, displayPath: path, problems: problems),
      let fields = FieldReader(
        node, file: path, context: "the focus", allowedKeys: keys, problems: problems)
    else { throw .damaged(problems.problems) }
    let savedName = fields.string("name", required: true)
    if let savedName, savedName != name {
      problems.add(
        .wrongType(
          fields.location(of: "name"), key: "name",
          expected: "'\(name)', the name of the file"))
    }
    let source = fields.string("source", required: false) ?? ""
    var weights: [ComponentWeight] = []
    if let node = fields.node("components", required: true) {
      if let mapping = node.mapping {
        for (key, value) in mapping {
          let location = YAMLFile.location(of: key, file: path)
          guard let component = Component(rawValue: key.string ?? "") else {
            problems.add(.unknownComponent(location, value: key.string ?? ""))
            continue
          }
          guard let weight = value.scalar.flatMap({ Double($0.string) }), weight.isFinite,
            (0...1).contains(weight)
          else {
            problems.add(
              .outOfRange(
                location, key: component.rawValue, value: value.scalar?.string ?? "",
                range: "0…1"))
            continue
          }
          weights.append(ComponentWeight(component: component, weight: weight))
        }
      } else {
        problems.add(
          .wrongType(
            fields.location(of: "components"), key: "components",
            expected: "a mapping from component id to weight"))
      }
    }
    var terms: [Focus.Term] = []
    for item in fields.list("terms", required: false) ?? [] {
      guard
        let term = FieldReader(
          item, file: path, context: "a term", allowedKeys: termKeys, problems: problems),
        let termName = term.string("name", required: true),
        let kind = term.string("kind", required: true),
        let count = term.integer("count", required: true, in: 0...Int(Int32.max)),
        let questions = term.integer("questions", required: true, in: 0...Int(Int32.max))
      else { continue }
      terms.append(Focus.Term(name: termName, kind: kind, count: count, questions: questions))
    }
    guard problems.problems.isEmpty, let savedName else { throw .damaged(problems.problems) }
    weights.sort { $0.weight > $1.weight }
    return Focus(name: savedName, source: source, weights: weights, terms: terms)
  }

  /// `text` as a YAML scalar, in double quotes (with JSON's escapes) when plain style would
  /// change it or it holds a control character.
  private static func scalar(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return YAMLFile.scalar(text) }
    let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
