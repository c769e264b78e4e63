import Foundation

/// Drafts a rubric from a question and its model answer: the starting point for an author, and the
/// rubric `rehearse eval` scores against.
///
/// Every content word of the model answer becomes a talking point of equal weight, except words
/// the question already uses, which get the least weight (an answer that repeats the question has
/// not answered it); the question's other content words follow at that least weight too, as
/// taking up the question's topic is worth a little. The scorer matches stems, tolerates typos and applies the lexicon's
/// synonyms. A drafted rubric's score saturates (`CreditCurve.saturating`), reaching 80 at
/// `fullCreditAt` of the total weight, as a good answer makes the point with part of the model
/// answer's words and the first of them say the most, and it does not read negation:
/// its points are single words, and a word near a "not" says too little about the statement.
///
/// Terms of the lexicon (`primary key`, `k8s`) found in the model answer become one point each,
/// with every form of their synonym group as a phrasing; the content words of a term's
/// canonical form are points of their own as well, so an answer that names part of the term
/// earns part of it. Weighting words by their rarity (IDF) was
/// measured against human grades and moved the agreement by less than its noise, so the weights
/// are equal.
public enum RubricDrafter {
  /// The share of the total weight that earns full marks in a drafted rubric.
  public static let fullCreditAt = 0.4
  /// The weight of a content word of the model answer.
  static let contentWeight = 3.0
  /// The weight of a word the question already uses.
  static let demotedWeight = 0.5

  /// Function words that carry no content of their own.
  static let functionWords: Set<String> = [
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "is", "are", "was",
    "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "with", "as",
    "by", "at", "from", "into", "than", "then", "so", "such", "can", "could", "will", "would",
    "should", "may", "might", "must", "do", "does", "did", "done", "have", "has", "had", "not",
    "no", "i", "you", "he", "she", "we", "they", "them", "their", "there", "here", "what",
    "which", "who", "whom", "when", "where", "why", "how", "all", "any", "each", "some", "more",
    "most", "other", "also", "just", "only", "very", "if", "else", "while", "about", "over",
    "under", "between", "through", "during", "before", "after", "up", "down", "out", "off",
    "again", "once", "both", "few", "own", "same", "too", "one", "use", "used", "using", "e",
    "g", "eg", "ie", "etc", "s", "t", "my", "our", "your", "his", "her", "me", "us", "him",
  ]

  /// The rubric for `questionID`, drafted from `question` and `modelAnswer`; `lexicon` gives the
  /// multi-word terms and the synonyms of each point.
  public static func draft(
    questionID: String, question: String, modelAnswer: String, lexicon: Lexicon = Lexicon(),
    location: SourceLocation = SourceLocation(file: "draft", line: 1)
  ) -> Rubric {
    let questionStems = Set(Tokenizer.tokens(of: question).map(\.stem))
    let tokens = Tokenizer.tokens(of: modelAnswer)
    let stems = tokens.map(\.stem)
    // Each lexicon entry as stems, longest first, so `primary key` is found before `key`.
    var entries: [(stems: [String], group: [String])] = []
    for group in lexicon.groups {
      for entry in group {
        let entryStems = Tokenizer.tokens(of: entry).map(\.stem)
        if !entryStems.isEmpty { entries.append((entryStems, group)) }
      }
    }
    entries.sort { $0.stems.count > $1.stems.count }

    var points: [TalkingPoint] = []
    var seen: Set<String> = []
    /// A point for one word of the model answer, written as any of `forms`.
    func wordPoint(_ word: Token, forms: [String]) -> TalkingPoint {
      TalkingPoint(
        label: word.text, weight: questionStems.contains(word.stem) ? demotedWeight : contentWeight,
        phrasings: forms.map { Phrasing([$0]) }, location: location)
    }
    var index = 0
    while index < tokens.count {
      if let (entry, group) = entries.first(where: { entry in
        entry.stems.count > 1 && index + entry.stems.count <= stems.count
          && Array(stems[index..<index + entry.stems.count]) == entry.stems
      }).map({ ($0.stems, $0.group) }) {
        let key = entry.joined(separator: " ")
        if !seen.contains(key) {
          seen.insert(key)
          let label = tokens[index..<index + entry.count].map(\.text).joined(separator: " ")
          let demoted = entry.allSatisfy(questionStems.contains)
          points.append(
            TalkingPoint(
              label: label, weight: demoted ? demotedWeight : contentWeight,
              phrasings: group.map { Phrasing([$0]) }, location: location))
        }
        // The term's words count on their own too, as the answer's matcher reads them: any
        // form of the term is rewritten to its canonical words, so an answer that says the term
        // earns them all, and one that says a part of it in its own words earns that part.
        for word in Tokenizer.tokens(of: group[0])
        where !functionWords.contains(word.text) && seen.insert(word.stem).inserted {
          points.append(wordPoint(word, forms: [word.text]))
        }
        index += entry.count
        continue
      }
      let token = tokens[index]
      index += 1
      guard !functionWords.contains(token.text), !seen.contains(token.stem) else { continue }
      seen.insert(token.stem)
      let group = entries.first { $0.stems == [token.stem] }?.group
      points.append(wordPoint(token, forms: group ?? [token.text]))
    }
    // The question's own content words, at the least weight: an answer that takes up the
    // question's topic has engaged with it, a little.
    for token in Tokenizer.tokens(of: question)
    where !functionWords.contains(token.text) && !seen.contains(token.stem) {
      seen.insert(token.stem)
      points.append(
        TalkingPoint(
          label: token.text, weight: demotedWeight, phrasings: [Phrasing([token.text])],
          location: location))
    }
    return Rubric(
      questionID: questionID, points: points, fullCreditAt: fullCreditAt, curve: .saturating,
      readsNegation: false,
      readsClaims: false,
      location: location)
  }

  /// The rubric as YAML in the bank's format, keyed by its question id.
  public static func yaml(_ rubric: Rubric) -> String {
    var lines = ["\(rubric.questionID):"]
    lines.append(
      "  # Drafted from the model answer: one point per content word, the question's own")
    lines.append("  # words demoted. Merge words into points, add the phrasings candidates use,")
    lines.append("  # misconceptions and graded examples; see docs/formats.md.")
    lines.append("  full_credit_at: \(format(rubric.fullCreditAt))")
    if rubric.curve != .linear { lines.append("  curve: \(rubric.curve.rawValue)") }
    if !rubric.readsNegation { lines.append("  negation: false") }
    if !rubric.readsClaims { lines.append("  claims: false") }
    lines.append("  points:")
    for point in rubric.points {
      lines.append("    - label: \(YAMLFile.scalar(point.label))")
      lines.append("      weight: \(format(point.weight))")
      let phrasings = point.phrasings.map { phrasing in
        "[" + phrasing.terms.map(YAMLFile.scalar).joined(separator: ", ") + "]"
      }
      lines.append("      phrasings: [\(phrasings.joined(separator: ", "))]")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}
