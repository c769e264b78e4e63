/// Scores answers against keyword rubrics; deterministic and free of I/O. `Grader` is what the
/// rest of the program grades with; this is its rubric part.
///
/// Each talking point earns the credit of its best phrasing: a phrasing whose terms all occur
/// un-negated within one claim (a stretch of a sentence between `:` and contrast words) earns the
/// point's weight when it states a claim — two or more terms, or one marked `claim:` — and
/// `topicCredit` of it when it only names the topic. A match made wholly inside a list of names
/// (`AnswerText.isListed`) earns `listCredit` of that; a phrasing of which at least half the
/// terms occur together earns half that fraction. One sentence earns full weight for at most
/// `fullPointsPerSentence` points; later ones in it earn `crowdedCredit`; a claim that states a
/// misconception earns none. The score is the earned share of the total weight as 0–100, less
/// misconception penalties; a required point earning less than `requiredCredit` caps it just
/// below `strong`. An answer that states no misconception is then lifted toward its coverage of a
/// strong answer (`referenceCoverage`), by `coverageWeight`.
public enum Scorer {
  /// The credit a phrasing's partial match earns per matched fraction of its terms.
  public static let partialCreditFactor = 0.5
  /// The credit of a one-term phrasing not marked as a claim: the topic named, not explained.
  public static let topicCredit = 0.5
  /// The factor for a match found only among a list of names or a verbless fragment.
  public static let listCredit = 0.35
  /// How many points one sentence can earn at full weight.
  public static let fullPointsPerSentence = 3
  /// The credit of a point beyond `fullPointsPerSentence` in one sentence.
  public static let crowdedCredit = 0.5
  /// The share of a reference answer's content words that counts as covering all of it.
  public static let fullCoverage = 0.5
  /// How far an answer's coverage of a reference answer lifts its score toward the coverage's
  /// own score, when that is higher: an answer that says what a strong answer says in other
  /// words than the rubric's.
  public static let coverageWeight = 0.5

  /// The least credit a required point must earn not to cap the score below `strong`: its topic
  /// named in a sentence of its own, or the point stated in a crowded one.
  public static let requiredCredit = 0.5

  /// Scores `answer` against one compiled rubric.
  public static func score(_ answer: String, against rubric: CompiledRubric) -> ScoredAnswer {
    score(AnswerText(answer, rubric: rubric), against: rubric)
  }

  /// Scores `answer`, whose tokens are `tokens` as the Tokenizer gives them, against one
  /// compiled rubric.
  static func score(_ answer: String, tokens: consuming [Token], against rubric: CompiledRubric)
    -> ScoredAnswer
  {
    score(AnswerText(answer, tokens: tokens, rubric: rubric), against: rubric)
  }

  /// Scores an answer indexed for `rubric`.
  private static func score(_ text: AnswerText, against rubric: CompiledRubric) -> ScoredAnswer {
    var scratch = MatchScratch()
    // Misconceptions first: a claim that states one earns no talking point.
    var penalty = 0.0
    var stated: [ScoredAnswer.StatedMisconception] = []
    var wrongClaims: [Int] = []
    // Indices rather than elements: a loop over the elements would copy each (and retain
    // everything it holds) for no more than reading it.
    for idea in rubric.misconceptions.indices {
      // Read in place through a buffer: an element taken from the array itself is copied,
      // retaining every array it holds, for each phrasing of each answer.
      let found = rubric.misconceptions[idea].phrasings.withUnsafeBufferPointer {
        phrasings -> [TermOccurrence]? in
        for phrasing in phrasings.indices {
          // A misconception the answer names only to reject it is not held against it.
          if case .hit(_, let occurrences) = match(phrasings[phrasing], in: text, scratch: &scratch),
            !text.rejects(occurrences)
          {
            return occurrences
          }
        }
        return nil
      }
      if let occurrences = found {
        let source = rubric.misconceptions[idea].source
        penalty += source.penalty
        stated.append(
          .init(
            label: source.label, correction: source.correction,
            evidence: evidence(occurrences, in: text), penalty: source.penalty,
            kind: .stated))
        for occurrence in occurrences {
          wrongClaims.append(Int(text.places[occurrence.start].claim))
        }
      }
    }

    var outcomes: [PhrasingOutcome] = []
    outcomes.reserveCapacity(rubric.points.count)
    let readsNegation = rubric.rubric.readsNegation
    let readsClaims = rubric.rubric.readsClaims
    for point in rubric.points.indices {
      // The best credit wins; a negation beats a partial match of another phrasing.
      var best = PhrasingOutcome.none
      let isDenial = rubric.points[point].isDenial
      rubric.points[point].phrasings.withUnsafeBufferPointer { phrasings in
        for phrasing in phrasings.indices {
          let outcome = match(
            phrasings[phrasing], in: text, scratch: &scratch,
            readsNegation: readsNegation && !isDenial, readsClaims: readsClaims,
            skipping: wrongClaims)
          if outcome.isBetter(than: best) { best = outcome }
          if best.credit >= 1 { break }
        }
      }
      outcomes.append(best)
    }
    if rubric.rubric.readsClaims { crowd(&outcomes, in: text) }

    var hits: [ScoredAnswer.Hit] = []
    var misses: [ScoredAnswer.Miss] = []
    var misconceptions: [ScoredAnswer.StatedMisconception] = []
    var earned = 0.0
    var total = 0.0
    var missingRequired = false
    for (index, outcome) in outcomes.enumerated() {
      // The fields of the point's source, read in place rather than copying it.
      let label = rubric.points[index].source.label
      let weight = rubric.points[index].source.weight
      let required = rubric.points[index].source.required
      total += weight
      earned += weight * outcome.credit
      switch outcome {
      case .hit(let credit, let occurrences) where credit >= 1:
        hits.append(
          .init(
            point: label, weight: weight, required: required,
            evidence: evidence(occurrences, in: text)))
      case .hit(let credit, let occurrences), .partial(let credit, let occurrences):
        missingRequired = missingRequired || (required && credit < requiredCredit)
        misses.append(
          .init(
            point: label, weight: weight, required: required, credit: credit,
            evidence: evidence(occurrences, in: text)))
      case .negated(let occurrences):
        missingRequired = missingRequired || required
        misses.append(
          .init(point: label, weight: weight, required: required, credit: 0, evidence: []))
        misconceptions.append(
          .init(
            label: "Stated in negated form: \(label)",
            correction: "The rubric expects this point affirmed: \(label)",
            evidence: evidence(occurrences, in: text), penalty: 0, kind: .negatedPoint))
      case .none:
        missingRequired = missingRequired || required
        misses.append(
          .init(point: label, weight: weight, required: required, credit: 0, evidence: []))
      }
    }

    misconceptions += stated
    let credit =
      total > 0
      ? rubric.rubric.curve.credit(share: earned / total, fullCreditAt: rubric.rubric.fullCreditAt)
      : 0
    let raw = 100 * credit - penalty
    var score = Int(max(0, min(100, raw)).rounded())
    var capped = missingRequired && score >= Band.strongThreshold
    if capped { score = Band.strongThreshold - 1 }
    let coverage = referenceCoverage(text, rubric)
    if let coverage, stated.isEmpty {
      let covered = 100 * min(1, coverage / fullCoverage)
      let lifted = Int((Double(score) + coverageWeight * max(0, covered - Double(score))).rounded())
      if lifted > score {
        score = lifted
        capped = capped && score < Band.strongThreshold
      }
    }
    return ScoredAnswer(
      question: rubric.rubric.questionID, score: score, band: Band(score: score), hits: hits,
      misses: misses, misconceptions: misconceptions, cappedByRequired: capped,
      referenceCoverage: coverage)
  }

  /// The largest share of a reference answer's content words the answer uses outside lists of
  /// names, leaving out a reference the answer holds whole (the reference itself, graded by
  /// `bank test`); `nil` when the rubric has no reference.
  static func referenceCoverage(_ text: AnswerText, _ rubric: CompiledRubric) -> Double? {
    guard !rubric.references.isEmpty else { return nil }
    var present = [Bool](repeating: false, count: rubric.vocabulary.count)
    // Words in a list of names say nothing about what the answer explains.
    for (position, id) in text.ids.enumerated() where id >= 0 && !text.isListed(at: position) {
      present[id] = true
    }
    var best = 0.0
    for reference in rubric.references {
      let used = reference.count { present[$0] }
      guard used < reference.count else { continue }
      best = max(best, Double(used) / Double(reference.count))
    }
    return best
  }

  /// Holds each sentence to `fullPointsPerSentence` full hits, in the rubric's order: one long
  /// sentence that names everything is a list, not an explanation.
  private static func crowd(_ outcomes: inout [PhrasingOutcome], in text: AnswerText) {
    // The sentence of each full hit so far; a rubric has few points, so a scan is cheapest.
    var fullHits: [Int] = []
    for index in outcomes.indices {
      guard case .hit(let credit, let occurrences) = outcomes[index], credit >= 1,
        let first = occurrences.first
      else { continue }
      let sentence = Int(text.places[first.start].sentence)
      let count = fullHits.count { $0 == sentence }
      fullHits.append(sentence)
      if count >= fullPointsPerSentence {
        outcomes[index] = .hit(credit: crowdedCredit, occurrences: occurrences)
      }
    }
  }

  // MARK: Matching

  /// How a phrasing was found; the occurrences are where its terms are, which the answer's own
  /// words are quoted from (`evidence`) only for the outcome a point keeps.
  enum PhrasingOutcome {
    case none
    case partial(credit: Double, occurrences: [TermOccurrence])
    case negated(occurrences: [TermOccurrence])
    /// Every term in one claim, at `occurrences`, earning `credit` of the point.
    case hit(credit: Double, occurrences: [TermOccurrence])

    var credit: Double {
      switch self {
      case .hit(let credit, _), .partial(let credit, _): credit
      case .negated, .none: 0
      }
    }

    /// Whether this outcome is preferred to `other` for a talking point: a hit with more credit;
    /// a denial of the whole phrasing over a partial match of another (the answer said the point
    /// is not so); otherwise more credit.
    func isBetter(than other: PhrasingOutcome) -> Bool {
      switch (self, other) {
      case (.negated, .partial), (.negated, .none): return true
      case (.partial, .negated), (.none, .negated): return false
      default: return credit > other.credit
      }
    }
  }

  /// Finds the best claim for a phrasing, leaving out `skippedClaims`: all terms un-negated, else
  /// negated, else the most terms together; the credit is the phrasing's, reduced when the match
  /// lies among a list.
  static func match(
    _ phrasing: borrowing CompiledPhrasing, in text: AnswerText, scratch: inout MatchScratch,
    readsNegation: Bool = true, readsClaims: Bool = true, skipping skippedClaims: [Int] = []
  ) -> PhrasingOutcome {
    let termCount = phrasing.terms.count
    // Most phrasings have a term the answer lacks: rule them out before looking for any.
    let possible = text.possibleTerms(phrasing)
    guard possible > 0, possible * 2 >= termCount else { return .none }
    // The scratch buffers are taken out while in use, so that they are not shared and keep
    // their room.
    var located = scratch.located
    scratch.located = []
    var chosen = scratch.chosen
    scratch.chosen = []
    defer {
      scratch.located = located
      scratch.chosen = chosen
    }
    if !located.isEmpty { located.removeAll(keepingCapacity: true) }
    // The terms are read in place through a buffer, not copied out of their array.
    phrasing.terms.withUnsafeBufferPointer { terms in
      for termIndex in terms.indices {
        if !scratch.occurrences.isEmpty { scratch.occurrences.removeAll(keepingCapacity: true) }
        text.occurrences(of: terms[termIndex], into: &scratch.occurrences, starts: &scratch.starts)
        for occurrence in scratch.occurrences {
          located.append(
            Located(
              claim: Int(text.places[occurrence.start].claim), term: termIndex,
              occurrence: occurrence))
        }
      }
    }
    guard !located.isEmpty else { return .none }
    located.sort {
      ($0.claim, $0.term, $0.occurrence.start) < ($1.claim, $1.term, $1.occurrence.start)
    }

    var negated: [TermOccurrence]?
    var bestHit: (credit: Double, occurrences: [TermOccurrence])?
    var bestPartial: (credit: Double, occurrences: [TermOccurrence])?
    let claimCredit = phrasing.isClaim || !readsClaims ? 1 : topicCredit
    var groupStart = 0
    while groupStart < located.count {
      var groupEnd = groupStart
      while groupEnd < located.count && located[groupEnd].claim == located[groupStart].claim {
        groupEnd += 1
      }
      let group = located[groupStart..<groupEnd]
      groupStart = groupEnd
      if skippedClaims.contains(group[group.startIndex].claim) { continue }

      // For each term, its first un-negated occurrence in the sentence, else its first one.
      if !chosen.isEmpty { chosen.removeAll(keepingCapacity: true) }
      var isNegated = false
      var hasContent = false
      var index = group.startIndex
      while index < group.endIndex {
        let term = group[index].term
        var first: TermOccurrence?
        var clean: TermOccurrence?
        while index < group.endIndex && group[index].term == term {
          let occurrence = group[index].occurrence
          first = first ?? occurrence
          if clean == nil
            && !text.isNegated(occurrence, ignoring: group, readsAfter: termCount == 1)
          {
            clean = occurrence
          }
          index += 1
        }
        hasContent = hasContent || phrasing.terms[term].hasContent
        if let clean {
          chosen.append(clean)
        } else if let first {
          chosen.append(first)
          isNegated = true
        }
      }
      let listed = readsClaims && chosen.allSatisfy { text.isListed($0) }
      let factor = listed ? listCredit : 1
      if chosen.count == termCount {
        if !isNegated || !readsNegation {
          let credit = claimCredit * factor
          if credit > (bestHit?.credit ?? 0) { bestHit = (credit, Array(chosen)) }
          if credit >= 1 { break }
        } else {
          negated = negated ?? Array(chosen)
        }
      } else if termCount >= 2, !isNegated, hasContent, chosen.count * 2 >= termCount {
        let credit = partialCreditFactor * Double(chosen.count) / Double(termCount) * factor
        if credit > (bestPartial?.credit ?? 0) { bestPartial = (credit, Array(chosen)) }
      }
    }
    if let bestHit { return .hit(credit: bestHit.credit, occurrences: bestHit.occurrences) }
    if let negated { return .negated(occurrences: negated) }
    if let bestPartial {
      return .partial(credit: bestPartial.credit, occurrences: bestPartial.occurrences)
    }
    return .none
  }

  private static func evidence(_ occurrences: [TermOccurrence], in text: AnswerText) -> [String] {
    occurrences.sorted { $0.start < $1.start }.map { text.evidence($0) }
  }
}

/// Buffers reused by every phrasing matched against one answer, so matching allocates little.
struct MatchScratch {
  var located: [Located] = []
  var occurrences: [TermOccurrence] = []
  var starts: [Int] = []
  /// The occurrence chosen for each term in the claim being read.
  var chosen: [TermOccurrence] = []
}
