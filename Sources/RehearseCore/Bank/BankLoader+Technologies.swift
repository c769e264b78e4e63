import Foundation
import Yams

/// Reading the technology catalogue (`rubrics/technologies.yaml`): a part of `BankLoader`.
extension BankLoader {
  static let technologiesFile = "technologies.yaml"

  /// The entries of the catalogue at `url`; each problem is recorded with its line.
  func readTechnologies(_ url: URL) -> [Technology] {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems),
      let fields = FieldReader(
        node, file: file, context: "the technology catalogue",
        allowedKeys: BankKeys.technologyFile, problems: problems),
      let items = fields.list("technologies", required: true)
    else { return [] }
    var result: [Technology] = []
    // The entry each spelling was first given to, by its stems.
    var firstSpelling: [String: (index: Int, location: SourceLocation)] = [:]
    for (index, item) in items.enumerated() {
      guard
        let entry = FieldReader(
          item, file: file, context: "a technology", allowedKeys: BankKeys.technology,
          problems: problems)
      else { continue }
      let name = entry.string("name", required: true)?.trimmedWhitespace
      let kind =
        entry.node("kind", required: false) == nil
        ? .technology : enumValue(Technology.Kind.self, entry, "kind", required: true)
      let aliases = (entry.strings("aliases", required: false) ?? []).map(\.trimmedWhitespace)
      var components: [Component] = []
      for value in entry.strings("components", required: true) ?? [] {
        if let component = Component(rawValue: value) {
          components.append(component)
        } else {
          problems.add(.unknownComponent(entry.location(of: "components"), value: value))
        }
      }
      if entry.node("components", required: false) != nil, components.isEmpty {
        problems.add(.empty(entry.location(of: "components"), key: "components"))
      }
      guard let name, let kind, !components.isEmpty else { continue }
      var spellingsValid = true
      for spelling in [name] + aliases {
        let key =
          Tokenizer.tokens(of: spelling).map(\.stem).joined(separator: " ")
          + TermMatcher.trailingSigns(of: spelling)
        guard !key.isEmpty, !Tokenizer.tokens(of: spelling).isEmpty else {
          problems.add(.empty(entry.location, key: "aliases"))
          spellingsValid = false
          continue
        }
        if let first = firstSpelling[key] {
          // Two spellings of one entry that read alike are redundant but harmless.
          if first.index != index {
            problems.add(
              .duplicateTechnology(entry.location, spelling: spelling, first: first.location))
            spellingsValid = false
          }
          continue
        }
        firstSpelling[key] = (index, entry.location)
      }
      guard spellingsValid else { continue }
      result.append(
        Technology(
          name: name, kind: kind, aliases: aliases, components: components,
          location: entry.location))
    }
    return result
  }
}
