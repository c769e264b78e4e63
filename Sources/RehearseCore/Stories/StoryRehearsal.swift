import Foundation

/// Compares a told story with the stored one: STAR parts, key facts recalled, what was left out.
public enum StoryRehearsal {
  /// The points of the score: STAR parts, key facts, pipeline parts (pipeline stories only; else
  /// they go to the facts), a quantified result, ownership, and a length within the budget
  /// (partly earned in proportion when short or long).
  static let starWeight = 30.0
  static let factWeight = 30.0
  static let pipelineWeight = 10.0
  static let quantifiedWeight = 10.0
  static let ownershipWeight = 10.0
  static let lengthWeight = 10.0

  /// The id a rehearsal is saved under in place of a question id.
  public static func questionID(slug: String) -> String { "story:\(slug)" }

  /// The slug of a saved rehearsal's question id, when it is one.
  public static func slug(fromQuestionID id: String) -> String? {
    id.hasPrefix("story:") ? String(id.dropFirst("story:".count)) : nil
  }

  /// The prompt a rehearsal shows.
  public static func prompt(for story: Story) -> String {
    "Tell the story “\(story.title)” as you would in an interview: Situation, Task, Action, "
      + "Result\(story.isPipelineStory ? ", and the pipeline: requirement, source, logic, destination, scheduler" : "")."
  }

  /// The facts of `story` a retelling should carry, in the order they first appear.
  public static func keyFacts(of story: Story) -> [KeyFact] {
    var facts: [KeyFact] = []
    var seen: Set<String> = []
    func add(_ fact: KeyFact) {
      let key = fact.needles.joined(separator: " ")
      guard !key.isEmpty, !seen.contains(key) else { return }
      seen.insert(key)
      facts.append(fact)
    }
    let text = TokenizedText(story.factText)
    for quantity in Quantity.all(in: text, at: text.tokens.indices) {
      guard !quantity.number.isEmpty else { continue }  // number words are not facts to recall
      // The unit, when the number has one: "1 day" and "1 hour" are different facts.
      let unit = quantity.unit.isEmpty ? [] : [quantity.unit]
      add(KeyFact(kind: .quantity, text: quantity.text, needles: [quantity.number] + unit))
    }
    for name in names(in: text) + story.tags {
      let words = Tokenizer.tokens(of: name).map(\.text)
      guard !words.isEmpty, !words.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { continue }
      add(KeyFact(kind: .name, text: name, needles: words))
    }
    return facts
  }

  static let notNames = CueList([
    "i", "i'm", "i've", "i'd", "situation", "task", "action", "result", "pipeline", "the", "a",
    "we", "our", "my", "monday", "tuesday", "wednesday", "thursday", "friday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "ok", "okay",
  ])

  /// Named technologies and systems: runs of capitalised words within a clause that do not open
  /// a sentence, acronyms (LIMS), and mixed-case or digit-bearing names (InfluxDB, k8s, S3)
  /// anywhere.
  static func names(in text: TokenizedText) -> [String] {
    var names: [String] = []
    var run: Range<Int>?
    func flush() {
      if let run { names.append(text.spelling(of: run)) }
      run = nil
    }
    for (index, token) in text.tokens.enumerated() {
      // A new sentence is a new clause too.
      if let last = run?.last, text.tokens[last].clause != token.clause { flush() }
      let written = text.text[token.surface]
      let letters = written.filter(\.isLetter)
      // A number with its unit ("20GB") is a quantity, not a name.
      guard !letters.isEmpty, written.first?.isNumber == false,
        !notNames.contains(wordAt: index, in: text)
      else {
        flush()
        continue
      }
      let uppercase = letters.filter(\.isUppercase).count
      let isAcronym = letters.count >= 2 && uppercase == letters.count
      let isMixed =
        uppercase >= 1 && !(written.first?.isUppercase ?? false)
        || (uppercase >= 2 && uppercase < letters.count)
      let hasDigitAndLetter = token.hasDigit && !text.spelling(at: index).contains("%")
      let isCapitalised = written.first?.isUppercase ?? false
      if isAcronym || isMixed || hasDigitAndLetter
        || (isCapitalised && !text.opensSentence(at: index))
      {
        run = (run?.lowerBound ?? index)..<index + 1
      } else {
        flush()
      }
    }
    flush()
    return names
  }

  /// Whether `fact` is in the told text: a quantity's number followed within two words by its
  /// unit (by the unit's first four letters: "rows" and "row", "hours" and "hour"); a name's
  /// words in order.
  static func recalled(_ fact: KeyFact, in text: TokenizedText) -> Bool {
    let tokens = text.tokens
    switch fact.kind {
    case .quantity:
      let unit = fact.needles.count > 1 ? String(fact.needles[1].prefix(4)) : nil
      for (index, token) in tokens.enumerated() where token.number == fact.needles[0] {
        guard let unit else { return true }
        // "20GB": the unit written onto the number.
        let glued = token.unitSuffix
        if !glued.isEmpty, glued.hasPrefix(unit) { return true }
        let following = tokens[(index + 1)..<min(tokens.count, index + 3)]
        if following.contains(where: { $0.text.hasPrefix(unit) }) { return true }
      }
      return false
    case .name:
      // Every word of the name, in order; a plural or possessive ending counts (the apostrophe
      // of "Postgres's" is gone from the token).
      let needles = fact.needles
      guard needles.count <= tokens.count else { return false }
      for start in 0...(tokens.count - needles.count) {
        var matched = true
        for (offset, needle) in needles.enumerated() {
          let word = tokens[start + offset].text
          if !(word == needle || word == needle + "s") {
            matched = false
            break
          }
        }
        if matched { return true }
      }
      return false
    }
  }

  /// The points of a retelling as they are earned: each is a hit when earned in full, else a miss
  /// with the share earned.
  private struct Tally {
    var earned = 0.0
    var total = 0.0
    var hits: [ScoredAnswer.Hit] = []
    var misses: [ScoredAnswer.Miss] = []

    mutating func add(
      _ point: String, weight: Double, credit: Double, required: Bool = false,
      evidence: [String] = [], missEvidence: [String] = []
    ) {
      total += weight
      earned += weight * credit
      if credit >= 1 {
        hits.append(.init(point: point, weight: weight, required: required, evidence: evidence))
      } else {
        misses.append(
          .init(
            point: point, weight: weight, required: required, credit: credit,
            evidence: missEvidence))
      }
    }
  }

  /// Scores `told` as a retelling of `story`.
  public static func score(_ told: String, against story: Story) -> ScoredAnswer {
    let text = TokenizedText(told)
    let told = StarAnalyzer.sentenceParts(text)
    let feedback = StarAnalyzer.analyze(told: text, parts: told, pipeline: story.isPipelineStory)
    var tally = Tally()

    for part in StarPart.allCases {
      let opening = told.first { $0.part == part }.map { sentence in
        text.words(in: sentence.range.prefix(8)) + "…"
      }
      tally.add(
        "\(part.heading): \(part.purpose)", weight: starWeight / 4,
        credit: feedback.star[part] ? 1 : 0, required: true, evidence: opening.map { [$0] } ?? [])
    }

    let facts = keyFacts(of: story)
    let factsWeight = factWeight + (story.isPipelineStory ? 0 : pipelineWeight)
    if facts.isEmpty {
      // Nothing to recall: the weight moves to the STAR parts.
      tally.earned += factsWeight * Double(tally.hits.count) / 4
      tally.total += factsWeight
    }
    for fact in facts {
      tally.add(
        "Fact: \(fact.text)", weight: factsWeight / Double(facts.count),
        credit: recalled(fact, in: text) ? 1 : 0, evidence: [fact.text])
    }

    if let pipeline = feedback.pipeline {
      for part in PipelinePart.allCases {
        tally.add(
          "Pipeline \(part.rawValue): \(part.purpose)",
          weight: pipelineWeight / Double(PipelinePart.allCases.count),
          credit: pipeline[part] ? 1 : 0)
      }
    }

    tally.add(
      "A quantified result", weight: quantifiedWeight,
      credit: feedback.quantifiedResult ? 1 : 0, evidence: feedback.quantities)

    let ownsActions =
      feedback.firstPersonSingular > 0
      && feedback.firstPersonSingular >= feedback.firstPersonPlural
    tally.add(
      "Ownership: “I” for your own actions", weight: ownershipWeight, credit: ownsActions ? 1 : 0,
      evidence: ["I × \(feedback.firstPersonSingular), we × \(feedback.firstPersonPlural)"])

    let budget = StarAnalyzer.budgetSeconds
    let seconds = Double(feedback.spokenSeconds)
    let lengthCredit =
      seconds < Double(budget.lowerBound)
      ? seconds / Double(budget.lowerBound)
      : min(1, Double(budget.upperBound) / max(seconds, 1))
    let spoken = "about \(StarAnalyzer.clock(feedback.spokenSeconds)) (\(feedback.words) words)"
    tally.add(
      "Length: 2–3 minutes spoken", weight: lengthWeight, credit: lengthCredit,
      evidence: [spoken], missEvidence: [spoken])

    let score = text.tokens.isEmpty ? 0 : Int((100 * tally.earned / tally.total).rounded())
    var scored = ScoredAnswer(
      question: questionID(slug: story.slug), score: score, band: Band(score: score),
      hits: tally.hits, misses: tally.misses, misconceptions: [], cappedByRequired: false)
    scored.star = feedback
    return scored
  }
}
