import Foundation
import Yams

/// Reading rubric files and the lexicon: the second half of `BankLoader`.
extension BankLoader {
  // MARK: Rubrics

  func readRubricFile(_ url: URL) -> [Rubric] {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems) else {
      return []
    }
    guard let mapping = node.mapping else {
      problems.add(
        .wrongType(
          YAMLFile.location(of: node, file: file), key: url.lastPathComponent,
          expected: "a mapping from question id to rubric"))
      return []
    }
    return mapping.compactMap { key, value in
      let id = key.string ?? ""
      let location = YAMLFile.location(of: key, file: file)
      guard Self.isValidID(id) else {
        problems.add(.invalidID(location, id: id))
        return nil
      }
      return readRubric(value, questionID: id, location: location, file: file)
    }
  }

  func readRubric(_ node: Node, questionID: String, location: SourceLocation, file: String)
    -> Rubric?
  {
    guard
      let fields = FieldReader(
        node, file: file, context: "the rubric of '\(questionID)'", allowedKeys: BankKeys.rubric,
        problems: problems)
    else { return nil }
    let points = (fields.list("points", required: true) ?? []).compactMap {
      readPoint($0, file: file)
    }
    let misconceptions = (fields.list("misconceptions", required: false) ?? []).compactMap {
      readMisconception($0, file: file)
    }
    let examples = (fields.list("examples", required: false) ?? []).compactMap {
      readExample($0, file: file)
    }
    let fullCreditAt = fields.number("full_credit_at", in: Self.fullCreditRange) ?? 1
    let curve =
      fields.node("curve", required: false) == nil
      ? .linear : enumValue(CreditCurve.self, fields, "curve", required: true)
    let readsNegation = fields.boolean("negation") ?? true
    let readsClaims = fields.boolean("claims") ?? true
    return Rubric(
      questionID: questionID, points: points, misconceptions: misconceptions, examples: examples,
      fullCreditAt: fullCreditAt, curve: curve ?? .linear, readsNegation: readsNegation,
      readsClaims: readsClaims, location: location)
  }

  func readPoint(_ node: Node, file: String) -> TalkingPoint? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a talking point", allowedKeys: BankKeys.point,
        problems: problems)
    else { return nil }
    let label = fields.string("label", required: true)
    let weight = fields.number("weight", in: Self.weightRange)
    let required = fields.boolean("required") ?? false
    let phrasings = readPhrasings(fields)
    guard let label, let phrasings else { return nil }
    return TalkingPoint(
      label: label, weight: weight ?? 1, required: required, phrasings: phrasings,
      location: fields.location)
  }

  func readMisconception(_ node: Node, file: String) -> Misconception? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a misconception", allowedKeys: BankKeys.misconception,
        problems: problems)
    else { return nil }
    let label = fields.string("label", required: true)
    let phrasings = readPhrasings(fields)
    let correction = fields.string("correction", required: true)
    let penalty = fields.number("penalty", in: Self.penaltyRange)
    guard let label, let phrasings, let correction else { return nil }
    return Misconception(
      label: label, phrasings: phrasings, correction: correction, penalty: penalty ?? 10,
      location: fields.location)
  }

  func readExample(_ node: Node, file: String) -> GradedExample? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a graded example", allowedKeys: BankKeys.example,
        problems: problems)
    else { return nil }
    let band = enumValue(Band.self, fields, "band", required: true)
    let answer = fields.string("answer", required: true)
    let note = fields.string("note", required: false)
    let kind =
      fields.node("kind", required: false) == nil
      ? .ordinary : enumValue(GradedExample.Kind.self, fields, "kind", required: true)
    guard let band, let answer, let kind else { return nil }
    if let required = kind.requiredBand, required != band {
      problems.add(.kindBand(fields.location, kind: kind.rawValue, band: required.rawValue))
      return nil
    }
    return GradedExample(
      band: band, answer: answer, note: note, kind: kind, location: fields.location)
  }

  /// Reads `phrasings`: a list whose items are a term, a list of terms, or `claim: TERM`.
  func readPhrasings(_ fields: FieldReader) -> [Phrasing]? {
    guard let items = fields.list("phrasings", required: true) else { return nil }
    var phrasings: [Phrasing] = []
    for item in items {
      let location = YAMLFile.location(of: item, file: fields.file)
      let terms: [String]
      var isClaim = false
      if let scalar = item.scalar {
        terms = [scalar.string]
      } else if let sequence = item.sequence {
        terms = sequence.map { $0.scalar?.string ?? "" }
      } else if let mapping = item.mapping, mapping.count == 1,
        mapping.keys.first?.string == "claim", let term = mapping.values.first?.scalar
      {
        terms = [term.string]
        isClaim = true
      } else {
        problems.add(
          .wrongType(
            location, key: "phrasings",
            expected: "a list of terms, lists of terms or 'claim: TERM' items"))
        continue
      }
      let trimmed = terms.map { $0.trimmedWhitespace }
      let hasWords = trimmed.allSatisfy { !Tokenizer.tokens(of: $0).isEmpty }
      guard !trimmed.isEmpty, hasWords else {
        problems.add(.emptyPhrasing(location))
        continue
      }
      phrasings.append(Phrasing(trimmed, isClaim: isClaim))
    }
    return phrasings
  }

  // MARK: Lexicon

  func readLexicon(_ url: URL) -> Lexicon {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems),
      let fields = FieldReader(
        node, file: file, context: "the lexicon", allowedKeys: BankKeys.lexicon,
        problems: problems),
      let groups = fields.list("synonyms", required: true)
    else { return Lexicon() }
    var result: [[String]] = []
    // The group an entry was first seen in: its place in the list (two groups may share a line
    // in flow style) and its location.
    var firstGroup: [String: (index: Int, location: SourceLocation)] = [:]
    for (index, group) in groups.enumerated() {
      let location = YAMLFile.location(of: group, file: file)
      guard let entries = group.sequence?.map({ $0.scalar?.string ?? "" }) else {
        problems.add(.wrongType(location, key: "synonyms", expected: "a list of lists of terms"))
        continue
      }
      var normalizedGroup: [String] = []
      for entry in entries {
        let key = Tokenizer.tokens(of: entry).map(\.stem).joined(separator: " ")
        guard !key.isEmpty else {
          problems.add(.empty(location, key: "synonyms"))
          continue
        }
        if let first = firstGroup[key] {
          // The same stems twice in one group is redundant but harmless.
          if first.index != index {
            problems.add(.lexiconConflict(location, entry: entry, first: first.location))
          }
          continue
        }
        firstGroup[key] = (index, location)
        normalizedGroup.append(entry)
      }
      if normalizedGroup.count >= 2 { result.append(normalizedGroup) }
    }
    return Lexicon(groups: result)
  }
}
