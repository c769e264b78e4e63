/// Reading whether an answer denies a term it uses, or rejects a claim it states.
extension AnswerText {
  /// Words that turn what follows them into its opposite.
  static let negationCues: Set<String> = [
    "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing", "hardly",
    "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "wont", "cant", "couldnt",
    "shouldnt", "wouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint", "non",
  ]
  /// How many tokens before a term a negation cue reaches, within its clause.
  static let negationReach = 4
  /// Auxiliaries that may stand between a term and a negation cue after it ("X is not …").
  static let auxiliaries: Set<String> = [
    "is", "are", "was", "were", "be", "does", "do", "did", "will", "would", "can", "could",
    "should", "has", "have", "had", "may", "might", "must",
  ]
  /// `auxiliaries`, for looking tokens up by their keys.
  private static let auxiliaryWords: WordIndex<Void> = {
    var words = WordIndex<Void>()
    for word in auxiliaries { words.insert(word, key: WordKey(word), value: ()) }
    return words
  }()
  private static let keyOfNo = WordKey("no")

  /// Whether a negation cue turns `occurrence` around: one shortly before it in its clause, or,
  /// with `readsAfter` (a one-term phrasing, whose term is the whole claim), one straight after
  /// it, past at most one auxiliary ("column order doesn't matter", "the key is not unique");
  /// cues inside any of `matched` are words of the phrasing itself and do not count.
  func isNegated(
    _ occurrence: TermOccurrence, ignoring matched: ArraySlice<Located>, readsAfter: Bool
  ) -> Bool {
    let sentence = places[occurrence.start].sentence
    let clause = places[occurrence.start].clause
    var after = readsAfter ? occurrence.end + 1 : tokens.count
    if after < tokens.count, places[after].clause == clause,
      AnswerText.auxiliaryWords.find(tokens[after].textKey, tokens[after].text) != nil
    {
      after += 1
    }
    if after < tokens.count, places[after].clause == clause, flags[after].contains(.negationCue),
      !(tokens[after].textKey == AnswerText.keyOfNo && tokens[after].text == "no"),
      !matched.contains(where: { $0.occurrence.start <= after && after <= $0.occurrence.end })
    {
      return true
    }
    var index = occurrence.start - 1
    while index >= 0, occurrence.start - index <= AnswerText.negationReach {
      guard places[index].sentence == sentence, places[index].clause == clause else {
        return false
      }
      if flags[index].contains(.negationCue)
        && !matched.contains(where: { $0.occurrence.start <= index && index <= $0.occurrence.end })
      {
        return true
      }
      index -= 1
    }
    return false
  }

  /// Words that say a claim in their sentence is wrong, wherever they stand in it.
  static let rejectionCues: Set<String> = [
    "myth", "myths", "misconception", "misconceptions", "wrong", "false", "untrue", "incorrect",
    "mistaken", "mistake", "misleading", "outdated", "fallacy", "nonsense", "meaningless",
    "bogus",
  ]
  /// Two-word phrases that set aside what follows them in their clause, or, for `used to`, say it
  /// held once and no longer does.
  static let settingAsideCues: Set<[String]> = [
    ["rather", "than"], ["instead", "of"], ["used", "to"], ["contrary", "to"], ["as", "opposed"],
  ]
  /// One-word forms of the same.
  static let settingAsideWords: Set<String> = ["unlike", "formerly", "previously"]
  /// The longest following sentence read as a verdict on the one before ("That is wrong.").
  static let verdictLength = 6

  /// Whether the sentence holding `occurrences` rejects what they say: a rejection cue elsewhere
  /// in the sentence ("a common myth is that …"), a cue that sets aside what follows it in the
  /// same clause ("rather than …", "unlike …", "S3 used to be …"), or a short next sentence that
  /// is a verdict ("That is wrong."). A misconception stated this way is not held against the
  /// answer.
  func rejects(_ occurrences: [TermOccurrence]) -> Bool {
    guard let first = occurrences.min(by: { $0.start < $1.start }) else { return false }
    let sentence = places[first.start].sentence
    let clause = places[first.start].clause
    func isMatched(_ index: Int) -> Bool {
      occurrences.contains { $0.start <= index && index <= $0.end }
    }
    var index = first.start
    while index > 0 && places[index - 1].sentence == sentence { index -= 1 }
    var verdictStart: Int?
    while index < tokens.count {
      if places[index].sentence != sentence {
        verdictStart = index
        break
      }
      if !isMatched(index) {
        if flags[index].contains(.rejectionCue) { return true }
        if index < first.start && places[index].clause == clause {
          if flags[index].contains(.settingAside) { return true }
          if flags[index].contains(.settingAsideStart), index + 1 < first.start,
            AnswerText.settingAsideCues.contains([tokens[index].text, tokens[index + 1].text])
          {
            return true
          }
        }
      }
      index += 1
    }
    guard let verdictStart else { return false }
    var verdictEnd = verdictStart
    while verdictEnd < tokens.count && places[verdictEnd].sentence == places[verdictStart].sentence
    {
      verdictEnd += 1
    }
    return verdictEnd - verdictStart <= AnswerText.verdictLength
      && flags[verdictStart..<verdictEnd].contains { $0.contains(.rejectionCue) }
  }
}
