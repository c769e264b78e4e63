import Foundation

/// Reads stories and told answers for their STAR structure.
///
/// A stored story's parts are its sections; a told answer (a rehearsal, a behavioural answer in
/// a mock) has no headings, so each sentence is given to the part whose cues it carries most
/// ("my task was" for Task, "I built" for Action, "as a result" or a number for Result), and a
/// sentence without cues continues the part before it. Everything here is deterministic and free
/// of I/O.
public enum StarAnalyzer {
  /// The speaking rate the spoken-time budget assumes, in words a minute.
  public static let wordsPerMinute = 130
  /// The spoken length a story should have, in seconds: two to three minutes.
  public static let budgetSeconds = 120...180

  // MARK: - Stories

  /// The STAR reading of a stored story, whose sections name the parts.
  public static func analyze(_ story: Story) -> StarFeedback {
    var findings: [String] = []
    let flags = StarFlags(
      situation: has(story, .situation), task: has(story, .task), action: has(story, .action),
      result: has(story, .result))
    for part in StarPart.allCases where !flags[part] {
      let state =
        story.star[part] == nil
        ? "No \(part.heading) section" : "The \(part.heading) section is empty"
      findings.append("\(state): add \(part.purpose).")
    }
    let order = StarPart.allCases.compactMap { part in story.star[part].map { (part, $0.line) } }
    if order.map(\.1) != order.map(\.1).sorted() {
      findings.append(
        "The sections are out of order: tell them as Situation, Task, Action, Result.")
    }

    let resultText = TokenizedText(story.text(of: .result))
    let quantities = Quantity.all(in: resultText, at: resultText.tokens.indices).map(\.text)
    if flags.result {
      if quantities.isEmpty {
        findings.append(
          "The Result has no number: say by how much (time saved, rows, errors, cost, users).")
      }
      if !cues[.result]!.occurs(in: resultText) && quantities.isEmpty {
        findings.append("The Result does not say what changed: name the outcome and who gained.")
      }
    }
    let actionText = TokenizedText(story.text(of: .action))
    let (mine, ours) = ownership(in: actionText, at: actionText.tokens.indices)
    if flags.action { findings += ownershipFindings(singular: mine, plural: ours) }

    let situationWords = Tokenizer.tokens(of: story.text(of: .situation)).count
    let taskWords = Tokenizer.tokens(of: story.text(of: .task)).count
    let spoken = TokenizedText(story.spokenText)
    let total = spoken.tokens.count
    if flags.action, total > 0 {
      findings += balanceFindings(
        situation: situationWords, task: taskWords, action: actionText.tokens.count, total: total)
    }
    findings += lengthFindings(words: total)

    var pipeline: PipelineFlags?
    if story.isPipelineStory {
      let flags: PipelineFlags
      if let sections = story.pipeline, !sections.isEmpty {
        flags = pipelineFlags { part in !(sections[part]?.isEmpty ?? true) }
      } else {
        flags = pipelineFlags(in: spoken)
      }
      for part in PipelinePart.allCases where !flags[part] {
        findings.append("Pipeline: no \(part.rawValue) — add \(part.purpose).")
      }
      pipeline = flags
    }

    return StarFeedback(
      star: flags, pipeline: pipeline, quantifiedResult: !quantities.isEmpty,
      quantities: quantities, firstPersonSingular: mine, firstPersonPlural: ours, words: total,
      spokenSeconds: spokenSeconds(words: total), findings: findings)
  }

  private static func has(_ story: Story, _ part: StarPart) -> Bool {
    !(story.star[part]?.isEmpty ?? true)
  }

  // MARK: - Told answers

  /// The part each sentence of a told answer belongs to, in order.
  static func sentenceParts(_ text: TokenizedText) -> [(part: StarPart, range: Range<Int>)] {
    var assigned: [(StarPart, Range<Int>)] = []
    var previous: StarPart?
    let parts = StarPart.allCases
    let action = parts.firstIndex(of: .action)!
    let result = parts.firstIndex(of: .result)!
    for range in text.sentenceRanges {
      // The score of each part, in the order of `StarPart.allCases`.
      var scores = partCues.counts(in: text, range).map(Double.init)
      scores[action] += Double(actionStatements(in: text, range))
      if Quantity.any(in: text, at: range) { scores[result] += 0.5 }
      let best = scores.max() ?? 0
      let part: StarPart
      if best == 0 {
        part = previous ?? .situation
      } else {
        let tied = parts.indices.filter { scores[$0] == best }.map { parts[$0] }
        // On a tie, keep the story moving forward from where it was.
        part = tied.first { $0 >= (previous ?? .situation) } ?? tied[0]
      }
      assigned.append((part, range))
      previous = part
    }
    return assigned
  }

  /// The STAR reading of a told answer; `pipeline` asks for the five pipeline parts too.
  public static func analyze(told answer: String, pipeline isPipeline: Bool) -> StarFeedback {
    analyze(told: TokenizedText(answer), pipeline: isPipeline)
  }

  /// The STAR reading of a told answer already tokenised.
  static func analyze(told text: TokenizedText, pipeline isPipeline: Bool) -> StarFeedback {
    analyze(told: text, parts: sentenceParts(text), pipeline: isPipeline)
  }

  /// The STAR reading of a told answer already tokenised, whose sentences are given to `parts`.
  static func analyze(
    told text: TokenizedText, parts assigned: [(part: StarPart, range: Range<Int>)],
    pipeline isPipeline: Bool
  ) -> StarFeedback {
    var wordsOf: [StarPart: [Int]] = [:]
    var firstSentence: [StarPart: Int] = [:]
    var lastSentence: [StarPart: Int] = [:]
    for (index, (part, range)) in assigned.enumerated() {
      wordsOf[part, default: []] += range
      if firstSentence[part] == nil { firstSentence[part] = index }
      lastSentence[part] = index
    }
    let flags = StarFlags(
      situation: wordsOf[.situation] != nil, task: wordsOf[.task] != nil,
      action: wordsOf[.action] != nil, result: wordsOf[.result] != nil)
    var findings: [String] = []
    let words = text.tokens.count
    if words == 0 {
      return StarFeedback(
        star: flags, pipeline: isPipeline ? pipelineFlags { _ in false } : nil,
        quantifiedResult: false, quantities: [], firstPersonSingular: 0, firstPersonPlural: 0,
        words: 0, spokenSeconds: 0, findings: ["Nothing was told: tell the story as STAR."])
    }
    for part in StarPart.allCases where !flags[part] {
      findings.append("No \(part.heading) heard: add \(part.purpose).")
    }
    // An opening headline of the impact is a good start when the story ends on its Result too;
    // only a Result told wholly before the Action is out of order.
    if let action = firstSentence[.action], let result = lastSentence[.result], result < action {
      findings.append(
        "The Result came before the Action: tell what you did, then what it achieved.")
    }
    let quantities = Quantity.all(in: text, at: wordsOf[.result] ?? []).map(\.text)
    if flags.result && quantities.isEmpty {
      findings.append(
        "The Result has no number: say by how much (time saved, rows, errors, cost, users).")
    }
    let (mine, ours) = ownership(in: text, at: wordsOf[.action] ?? Array(text.tokens.indices))
    findings += ownershipFindings(singular: mine, plural: ours)
    if flags.action {
      findings += balanceFindings(
        situation: wordsOf[.situation]?.count ?? 0, task: wordsOf[.task]?.count ?? 0,
        action: wordsOf[.action]?.count ?? 0, total: words)
    }
    findings += lengthFindings(words: words)
    var pipeline: PipelineFlags?
    if isPipeline {
      let flags = pipelineFlags(in: text)
      for part in PipelinePart.allCases where !flags[part] {
        findings.append("Pipeline: no \(part.rawValue) heard — add \(part.purpose).")
      }
      pipeline = flags
    }
    return StarFeedback(
      star: flags, pipeline: pipeline, quantifiedResult: !quantities.isEmpty,
      quantities: quantities, firstPersonSingular: mine, firstPersonPlural: ours,
      words: words, spokenSeconds: spokenSeconds(words: words),
      findings: findings)
  }

  // MARK: - Measures

  /// "I" or "we" followed by a verb in the past tense: a statement of something done.
  static func actionStatements(in text: TokenizedText, _ range: Range<Int>) -> Int {
    var count = 0
    for index in range.dropFirst() {
      guard text.tokens[index - 1].text == "i" || text.tokens[index - 1].text == "we" else {
        continue
      }
      let word = text.tokens[index].text
      let isPast =
        (word.hasSuffix("ed") && word.utf8.count > 3)
        || irregularPast.contains(wordAt: index, in: text)
      if isPast && !nonActionVerbs.contains(wordAt: index, in: text) { count += 1 }
    }
    return count
  }

  static let irregularPast = CueList([
    "built", "wrote", "made", "ran", "took", "led", "chose", "found", "brought", "drove", "sent",
    "put", "began", "got", "kept", "spent", "taught", "saw", "told", "gave", "went", "did",
    "rebuilt", "rewrote", "split", "cut", "held", "met", "set", "broke", "fixed", "dug", "sped",
  ])

  /// First-person singular and plural words among the words at `indices` of `text`.
  static func ownership(in text: TokenizedText, at indices: some Sequence<Int>) -> (Int, Int) {
    var mine = 0
    var ours = 0
    let singular = StarAnalyzer.singular
    let plural = StarAnalyzer.plural
    for index in indices {
      if singular.contains(wordAt: index, in: text) { mine += 1 }
      if plural.contains(wordAt: index, in: text) { ours += 1 }
    }
    return (mine, ours)
  }

  static func ownershipFindings(singular: Int, plural: Int) -> [String] {
    if singular == 0 && plural == 0 {
      return ["The Action never says who acted: say “I” for the steps you took."]
    }
    if plural > singular {
      return [
        "The Action says “we” \(plural) times and “I” \(singular): interviewers score your "
          + "part, so say what you did."
      ]
    }
    return []
  }

  /// Whether the set-up outweighs the Action, and whether the Action is too short; the set-up is
  /// named by the parts it has (`situation` and `task` words), so a story without a Task is not
  /// told that its "Situation and Task" are too long.
  static func balanceFindings(situation: Int, task: Int, action: Int, total: Int) -> [String] {
    var findings: [String] = []
    let setUpShare = Double(situation + task) / Double(total)
    let actionShare = Double(action) / Double(total)
    if setUpShare > 0.45 {
      let parts = [(StarPart.situation, situation), (.task, task)].filter { $0.1 > 0 }
      let names = parts.map(\.0.heading).joined(separator: " and ")
      findings.append(
        "\(names) \(parts.count == 1 ? "takes" : "take") \(TextLayout.percent(setUpShare)) "
          + "of the story: keep the set-up short and spend the time on the Action.")
    }
    if actionShare < 0.3 {
      findings.append(
        "The Action is \(TextLayout.percent(actionShare)) of the story: it should be the "
          + "longest part; say how you did it and why.")
    }
    return findings
  }

  static func lengthFindings(words: Int) -> [String] {
    let seconds = spokenSeconds(words: words)
    let range = budgetSeconds
    let low = range.lowerBound * wordsPerMinute / 60
    let high = range.upperBound * wordsPerMinute / 60
    if seconds < range.lowerBound {
      return [
        "About \(clock(seconds)) spoken (\(words) words): aim for 2–3 minutes, "
          + "\(low)–\(high) words; add detail to the Action and Result."
      ]
    }
    if seconds > range.upperBound {
      return [
        "About \(clock(seconds)) spoken (\(words) words): over the 3-minute budget; cut to about "
          + "\(high) words, starting with the Situation."
      ]
    }
    return []
  }

  /// The seconds `words` take to say at the speaking rate.
  public static func spokenSeconds(words: Int) -> Int {
    Int((Double(words) * 60 / Double(wordsPerMinute)).rounded())
  }

  static func clock(_ seconds: Int) -> String {
    "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
  }

  static func pipelineFlags(_ present: (PipelinePart) -> Bool) -> PipelineFlags {
    PipelineFlags(
      requirement: present(.requirement), source: present(.source), logic: present(.logic),
      destination: present(.destination), scheduler: present(.scheduler))
  }

  static func pipelineFlags(in text: TokenizedText) -> PipelineFlags {
    pipelineFlags { part in pipelineCues[part]!.occurs(in: text) }
  }
}
