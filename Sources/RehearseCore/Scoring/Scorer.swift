/// Scores answers against keyword rubrics; deterministic and free of I/O. `Grader` is what the
/// rest of the program grades with; this is its rubric part.
///
/// Each talking point earns its weight when one of its phrasings occurs un-negated within one
/// sentence; a phrasing of which at least half the terms occur together earns half that fraction.
/// The score is the earned share of the total weight as 0–100, less misconception penalties; a
/// missing required point caps it just below `strong`.
public enum Scorer {
  /// The credit a phrasing's partial match earns per matched fraction of its terms.
  public static let partialCreditFactor = 0.5

  /// Scores `answer` against one compiled rubric.
  public static func score(_ answer: String, against rubric: CompiledRubric) -> ScoredAnswer {
    let text = AnswerText(answer, rubric: rubric)
    var scratch = MatchScratch()
    var hits: [ScoredAnswer.Hit] = []
    var misses: [ScoredAnswer.Miss] = []
    var misconceptions: [ScoredAnswer.StatedMisconception] = []
    var earned = 0.0
    var total = 0.0
    var missingRequired = false

    for point in rubric.points {
      let source = point.source
      total += source.weight
      // A hit beats an explicit negation, which beats a partial match of another phrasing.
      var best = PhrasingOutcome.none
      for phrasing in point.phrasings {
        let outcome = match(
          phrasing, in: text, scratch: &scratch, readsNegation: rubric.rubric.readsNegation)
        if outcome.rank > best.rank || (outcome.rank == best.rank && outcome.credit > best.credit) {
          best = outcome
        }
        if case .hit = best { break }
      }
      switch best {
      case .hit(let evidence, _):
        earned += source.weight
        hits.append(
          .init(
            point: source.label, weight: source.weight, required: source.required,
            evidence: evidence))
      case .partial(let fraction, let evidence):
        let credit = partialCreditFactor * fraction
        earned += source.weight * credit
        missingRequired = missingRequired || source.required
        misses.append(
          .init(
            point: source.label, weight: source.weight, required: source.required,
            credit: credit, evidence: evidence))
      case .negated(let evidence):
        missingRequired = missingRequired || source.required
        misses.append(
          .init(
            point: source.label, weight: source.weight, required: source.required, credit: 0,
            evidence: []))
        misconceptions.append(
          .init(
            label: "Stated in negated form: \(source.label)",
            correction: "The rubric expects this point affirmed: \(source.label)",
            evidence: evidence, penalty: 0, kind: .negatedPoint))
      case .none:
        missingRequired = missingRequired || source.required
        misses.append(
          .init(
            point: source.label, weight: source.weight, required: source.required, credit: 0,
            evidence: []))
      }
    }

    var penalty = 0.0
    for wrongIdea in rubric.misconceptions {
      for phrasing in wrongIdea.phrasings {
        // A misconception the answer names only to reject it is not held against it.
        if case .hit(let evidence, let occurrences) = match(phrasing, in: text, scratch: &scratch),
          !text.rejects(occurrences)
        {
          penalty += wrongIdea.source.penalty
          misconceptions.append(
            .init(
              label: wrongIdea.source.label, correction: wrongIdea.source.correction,
              evidence: evidence, penalty: wrongIdea.source.penalty, kind: .stated))
          break
        }
      }
    }

    let raw = total > 0 ? 100 * earned / (total * rubric.rubric.fullCreditAt) - penalty : 0
    var score = Int(max(0, min(100, raw)).rounded())
    let capped = missingRequired && score >= Band.strongThreshold
    if capped { score = Band.strongThreshold - 1 }
    return ScoredAnswer(
      question: rubric.rubric.questionID, score: score, band: Band(score: score), hits: hits,
      misses: misses, misconceptions: misconceptions, cappedByRequired: capped)
  }

  // MARK: Matching

  enum PhrasingOutcome {
    case none
    case partial(fraction: Double, evidence: [String])
    case negated(evidence: [String])
    /// Every term in one sentence, at `occurrences`.
    case hit(evidence: [String], occurrences: [TermOccurrence])

    var credit: Double {
      switch self {
      case .hit: 1
      case .partial(let fraction, _): Scorer.partialCreditFactor * fraction
      case .negated, .none: 0
      }
    }

    /// The order outcomes are preferred in for a talking point.
    var rank: Int {
      switch self {
      case .none: 0
      case .partial: 1
      case .negated: 2
      case .hit: 3
      }
    }
  }

  /// Finds the best sentence for a phrasing: all terms un-negated, else negated, else the most
  /// terms together.
  static func match(
    _ phrasing: CompiledPhrasing, in text: AnswerText, scratch: inout MatchScratch,
    readsNegation: Bool = true
  ) -> PhrasingOutcome {
    let termCount = phrasing.terms.count
    var located = scratch.located
    located.removeAll(keepingCapacity: true)
    defer { scratch.located = located }
    for (termIndex, term) in phrasing.terms.enumerated() {
      scratch.occurrences.removeAll(keepingCapacity: true)
      text.occurrences(of: term, into: &scratch.occurrences, starts: &scratch.starts)
      for occurrence in scratch.occurrences {
        located.append(
          Located(
            sentence: text.tokens[occurrence.start].sentence, term: termIndex,
            occurrence: occurrence))
      }
    }
    guard !located.isEmpty else { return .none }
    located.sort {
      ($0.sentence, $0.term, $0.occurrence.start) < ($1.sentence, $1.term, $1.occurrence.start)
    }

    var negated: [TermOccurrence]?
    var bestPartial: (fraction: Double, occurrences: [TermOccurrence])?
    var groupStart = 0
    while groupStart < located.count {
      var groupEnd = groupStart
      while groupEnd < located.count && located[groupEnd].sentence == located[groupStart].sentence {
        groupEnd += 1
      }
      let group = located[groupStart..<groupEnd]
      groupStart = groupEnd

      // For each term, its first un-negated occurrence in the sentence, else its first one.
      var chosen: [TermOccurrence] = []
      var isNegated = false
      var index = group.startIndex
      while index < group.endIndex {
        let term = group[index].term
        var first: TermOccurrence?
        var clean: TermOccurrence?
        while index < group.endIndex && group[index].term == term {
          let occurrence = group[index].occurrence
          first = first ?? occurrence
          if clean == nil && !text.isNegated(occurrence, ignoring: group) { clean = occurrence }
          index += 1
        }
        if let clean {
          chosen.append(clean)
        } else if let first {
          chosen.append(first)
          isNegated = true
        }
      }
      if chosen.count == termCount {
        if !isNegated || !readsNegation {
          return .hit(evidence: evidence(chosen, in: text), occurrences: chosen)
        }
        negated = negated ?? chosen
      } else if termCount >= 2, !isNegated, chosen.count * 2 >= termCount {
        let fraction = Double(chosen.count) / Double(termCount)
        if fraction > (bestPartial?.fraction ?? 0) { bestPartial = (fraction, chosen) }
      }
    }
    if let negated { return .negated(evidence: evidence(negated, in: text)) }
    if let bestPartial {
      return .partial(
        fraction: bestPartial.fraction, evidence: evidence(bestPartial.occurrences, in: text))
    }
    return .none
  }

  private static func evidence(_ occurrences: [TermOccurrence], in text: AnswerText) -> [String] {
    occurrences.sorted { $0.start < $1.start }.map(text.evidence)
  }
}

/// Buffers reused by every phrasing matched against one answer, so matching allocates little.
struct MatchScratch {
  var located: [Located] = []
  var occurrences: [TermOccurrence] = []
  var starts: [Int] = []
}
