import Foundation

/// Reads a job description through the bank: the technology catalogue, the question tags and the
/// lexicon name the terms; the questions' prompts, tags and talking points say which ask them.
/// Catalogue spellings match by stem through the lexicon; a tag matches its words as written
/// (`gaming` is not "Games"), and a tag a catalogue spelling already says is not a term of its
/// own.
///
/// The weight of a component comes from votes: each place a term is named is one vote (at most
/// `maximumRepeats` for one term), and a term named in `**bold**` gets `emphasisVotes` more. A
/// term's votes go half to the components of its catalogue entry and half to the components of
/// the questions that ask it, in proportion to how many ask it (all to one side when the other
/// has none); a tag's votes count `tagVoteShare`. Every component then keeps a floor of `floorWeight`, so a focus never drops one,
/// and the weights sum to 1.
public struct JobDescriptionReader: Sendable {
  /// The most votes repeats of one term earn.
  public static let maximumRepeats = 3
  /// The extra votes of a term written in bold.
  public static let emphasisVotes = 1.0
  /// The share of its votes a tag keeps: tags are everyday words more often than catalogue
  /// entries (`experience`, `operations`), so they weigh less.
  public static let tagVoteShare = 0.5
  /// The weight every component keeps whatever the job names.
  public static let floorWeight = 0.03

  /// One term the reader knows: a catalogue entry or a tag.
  private struct Known: Sendable {
    var name: String
    var kind: String
    var spellings: [String]
    var components: [Component]
  }

  private let bank: Bank
  private let known: [Known]
  /// Finds the catalogue's terms (by stem, through the lexicon) and the tags (as written).
  private let matchers: [TermMatcher]
  /// The questions asking each known term, by the term's index, in bank order.
  private let askedBy: [[Question]]

  /// Prepares to read job descriptions against `bank`.
  public init(bank: Bank) {
    self.bank = bank
    let lexicon = CompiledLexicon(bank.lexicon)
    var known = bank.technologies.map {
      Known(
        name: $0.name, kind: $0.kind.rawValue, spellings: $0.spellings, components: $0.components)
    }
    // A tag is its own term unless a catalogue spelling already says it.
    let spellingKey = { (text: String) in
      lexicon.canonicalize(Tokenizer.tokens(of: text)).map(\.stem).joined(separator: " ")
        + TermMatcher.trailingSigns(of: text)
    }
    var taken = Set(known.flatMap { $0.spellings.map(spellingKey) })
    for question in bank.questions {
      for tag in question.tags {
        let key = spellingKey(tag)
        guard !key.isEmpty, taken.insert(key).inserted else { continue }
        known.append(Known(name: tag, kind: "tag", spellings: [tag], components: []))
      }
    }
    self.known = known
    let catalogueCount = bank.technologies.count
    let matchers = [
      TermMatcher(
        terms: known.prefix(catalogueCount).map {
          ($0.spellings, $0.kind == Technology.Kind.concept.rawValue)
        }, lexicon: lexicon),
      TermMatcher(
        terms: known.dropFirst(catalogueCount).map { ($0.spellings, false) }, lexicon: lexicon,
        byStem: false, firstIndex: catalogueCount),
    ]
    self.matchers = matchers
    var askedBy = [[Question]](repeating: [], count: known.count)
    for question in bank.questions {
      let labels = bank.rubrics[question.id]?.points.map(\.label) ?? []
      // Each part its own paragraph, so no spelling runs from one into the next.
      let text = ([question.prompt] + question.tags + labels).joined(separator: "\n\n")
      let written = TokenizedText(text)
      for term in Set(matchers.flatMap { $0.matches(in: written) }.map(\.term)) {
        askedBy[term].append(question)
      }
    }
    self.askedBy = askedBy
  }

  /// The terms `text` names, the questions asking them, and the component weights; `source`
  /// names the text in the report.
  public func read(_ text: String, source: String) -> ReconReport {
    let written = TokenizedText(text)
    let lineStarts = Self.lineStarts(of: written.text)
    let bold = Self.boldRanges(in: written.text)
    var places: [Int: [TermMatcher.Match]] = [:]
    for match in matchers.flatMap({ $0.matches(in: written) }) {
      places[match.term, default: []].append(match)
    }
    var terms: [ReconTerm] = []
    var votes = [Component: Double]()
    for (index, matches) in places {
      let term = known[index]
      let starts = matches.map(\.start)
      let lines = starts.map { Self.line(of: $0, lineStarts: lineStarts) }
      let emphasised = starts.contains { start in bold.contains { $0.contains(start) } }
      let questions = askedBy[index]
      terms.append(
        ReconTerm(
          name: term.name, kind: term.kind, lines: Array(Set(lines)).sorted(),
          count: matches.count, emphasised: emphasised, components: term.components,
          questions: questions.map(\.id)))
      let vote =
        (Double(min(matches.count, Self.maximumRepeats)) + (emphasised ? Self.emphasisVotes : 0))
        * (term.kind == "tag" ? Self.tagVoteShare : 1)
      let catalogueShare = term.components.isEmpty ? 0 : (questions.isEmpty ? 1 : 0.5)
      for component in term.components {
        votes[component, default: 0] += vote * catalogueShare / Double(term.components.count)
      }
      for question in questions {
        votes[question.component, default: 0] +=
          vote * (1 - catalogueShare) / Double(questions.count)
      }
    }
    terms.sort { ($1.count, $0.name.lowercased()) < ($0.count, $1.name.lowercased()) }
    return ReconReport(source: source, terms: terms, weights: Self.weights(votes))
  }

  /// The ids of the questions asking any of the terms `names` (catalogue names or tags, as a
  /// report or a focus gives them), in bank order.
  public func questions(asking names: [String]) -> [String] {
    let wanted = Set(names.map { $0.lowercased() })
    let asking = Set(
      known.indices.filter { wanted.contains(known[$0].name.lowercased()) }
        .flatMap { askedBy[$0].map(\.id) })
    return bank.questions.map(\.id).filter(asking.contains)
  }

  /// The votes as weights summing to 1, each at least `floorWeight`, heaviest first.
  static func weights(_ votes: [Component: Double]) -> [ComponentWeight] {
    let total = votes.values.reduce(0, +)
    let spread = 1 - floorWeight * Double(Component.allCases.count)
    return Component.allCases.map { component in
      let share =
        total > 0
        ? (votes[component] ?? 0) / total : 1 / Double(Component.allCases.count)
      return ComponentWeight(component: component, weight: floorWeight + spread * share)
    }
    .enumerated()
    .sorted { ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset) }
    .map(\.element)
  }

  /// Where each line of `text` starts.
  private static func lineStarts(of text: String) -> [String.Index] {
    var starts = [text.startIndex]
    var index = text.startIndex
    while let newline = text[index...].firstIndex(of: "\n") {
      index = text.index(after: newline)
      starts.append(index)
    }
    return starts
  }

  /// The line, from 1, that `position` is on.
  private static func line(of position: String.Index, lineStarts: [String.Index]) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= position { low = middle } else { high = middle - 1 }
    }
    return low + 1
  }

  /// The stretches of `text` between a pair of `**` (or `__`) Markdown marks on one line.
  static func boldRanges(in text: String) -> [Range<String.Index>] {
    var ranges: [Range<String.Index>] = []
    for mark in ["**", "__"] {
      var searchFrom = text.startIndex
      while let open = text.range(of: mark, range: searchFrom..<text.endIndex),
        let close = text.range(of: mark, range: open.upperBound..<text.endIndex)
      {
        let inside = open.upperBound..<close.lowerBound
        if text[inside].contains("\n") {
          // An unpaired mark: try again from the next one.
          searchFrom = open.upperBound
          continue
        }
        ranges.append(inside)
        searchFrom = close.upperBound
      }
    }
    return ranges
  }
}
