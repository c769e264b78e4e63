import Foundation

/// Which of the four STAR parts a story or answer has.
public struct StarFlags: Sendable, Equatable, Codable {
  public var situation: Bool
  public var task: Bool
  public var action: Bool
  public var result: Bool

  public init(situation: Bool, task: Bool, action: Bool, result: Bool) {
    self.situation = situation
    self.task = task
    self.action = action
    self.result = result
  }

  public subscript(part: StarPart) -> Bool {
    switch part {
    case .situation: situation
    case .task: task
    case .action: action
    case .result: result
    }
  }

  /// Whether all four parts are there.
  public var isComplete: Bool { situation && task && action && result }
}

/// Which of the five pipeline parts a story or answer has.
public struct PipelineFlags: Sendable, Equatable, Codable {
  public var requirement: Bool
  public var source: Bool
  public var logic: Bool
  public var destination: Bool
  public var scheduler: Bool

  public init(requirement: Bool, source: Bool, logic: Bool, destination: Bool, scheduler: Bool) {
    self.requirement = requirement
    self.source = source
    self.logic = logic
    self.destination = destination
    self.scheduler = scheduler
  }

  public subscript(part: PipelinePart) -> Bool {
    switch part {
    case .requirement: requirement
    case .source: source
    case .logic: logic
    case .destination: destination
    case .scheduler: scheduler
    }
  }

  public var count: Int { PipelinePart.allCases.filter { self[$0] }.count }
}

/// The STAR reading of a story or a told answer: what it has, and one line of feedback for each
/// thing to improve.
public struct StarFeedback: Sendable, Equatable, Codable {
  public var star: StarFlags
  /// The pipeline parts, for a pipeline story; `nil` otherwise.
  public var pipeline: PipelineFlags?
  /// Whether the result carries a number, percentage, duration or amount of money.
  public var quantifiedResult: Bool
  /// The quantities the result states, as written.
  public var quantities: [String]
  /// First-person singular words (I, my, me) in the actions.
  public var firstPersonSingular: Int
  /// First-person plural words (we, our, us) in the actions.
  public var firstPersonPlural: Int
  public var words: Int
  /// The time the text takes to say at the speaking rate, in seconds.
  public var spokenSeconds: Int
  /// Each a single line: what is missing or weak, and what to do about it.
  public var findings: [String]

  public init(
    star: StarFlags, pipeline: PipelineFlags?, quantifiedResult: Bool, quantities: [String],
    firstPersonSingular: Int, firstPersonPlural: Int, words: Int, spokenSeconds: Int,
    findings: [String]
  ) {
    self.star = star
    self.pipeline = pipeline
    self.quantifiedResult = quantifiedResult
    self.quantities = quantities
    self.firstPersonSingular = firstPersonSingular
    self.firstPersonPlural = firstPersonPlural
    self.words = words
    self.spokenSeconds = spokenSeconds
    self.findings = findings
  }
}

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

  // MARK: - Cues

  static let cues: [StarPart: CueList] = [
    .situation: CueList([
      "at my previous", "at my last", "at my current", "when i was", "i was working",
      "i worked at", "i was at", "we had", "we were", "our team", "the team", "the company",
      "the business", "the problem", "the challenge", "the situation", "context", "background",
      "at the time", "back in", "was using", "were using", "relied on", "existing", "legacy",
      "struggl*", "manually", "there was", "there were", "used to", "previously", "originally",
    ]),
    .task: CueList([
      "my task", "i was asked", "i was tasked", "tasked", "my job", "my role", "responsible for",
      "i needed to", "i had to", "needed to", "the goal", "goal was", "my goal", "the aim",
      "objective", "asked me", "my responsibility", "the requirement", "requirement was",
      "to make sure", "deadline", "i owned", "in charge", "i volunteered", "i took on",
      "i was given", "the ask", "had to deliver", "my part",
    ]),
    .action: CueList([
      "i built", "i designed", "i wrote", "i implemented", "i created", "i set up", "i added",
      "i changed", "i moved", "i migrated", "i reverse", "i proposed", "i used", "i started",
      "first i", "then i", "so i", "i decided", "i worked with", "i reached out", "i talked",
      "i met", "i automated", "i tested", "i introduced", "i rewrote", "i replaced", "i split",
      "i made", "i ran", "i led", "i chose", "i found", "i fixed", "i traced", "i profiled",
      "i benchmark*", "i wrapped", "i documented", "i presented", "i convinced", "i scheduled",
      "i monitored", "i configured", "i deployed", "i refactored", "i partitioned",
      "i indexed", "i investigated", "i analysed", "i analyzed", "i learned", "i learnt",
      "i read", "i asked", "i explained", "i negotiated", "i set", "i broke", "i put",
      "i took", "i kept", "i spent", "i modelled", "i modeled", "next", "after that",
      "to do that", "to do this", "my approach", "i approached",
    ]),
    .result: CueList([
      "as a result", "result", "resulted", "in the end", "eventually", "finally", "outcome",
      "reduced", "reducing", "cut", "increased", "improved", "saved", "saving", "went from",
      "down to", "up to", "now", "since then", "led to", "which meant", "meant that", "allowed",
      "enabled", "achieved", "delivered", "faster", "fewer", "no longer", "lesson",
      "learned that", "learnt that", "impact", "percent", "adopted", "praised", "recognised",
      "recognized", "promoted", "still running", "still in use", "zero", "the dashboard went",
      "stakeholders could", "users could", "the team could",
    ]),
  ]

  static let pipelineCues: [PipelinePart: CueList] = [
    .requirement: CueList([
      "requirement*", "required", "needed", "need for", "business need*", "stakeholder*",
      "asked for", "wanted", "dashboard*", "report*", "so that", "use case", "analysts~",
      "the business",
    ]),
    .source: CueList([
      "source*", "extract*", "pulled", "pull", "ingest*", "read from", "api*", "stream*",
      "files~", "logs", "sensor*", "sap", "oracle", "influx*", "postgres*", "mysql", "kafka",
      "s3", "sql server", "upstream", "crm", "erp", "lims", "events~",
    ]),
    .logic: CueList([
      "transform*", "business logic", "logic", "join*", "aggregat*", "downsampl*", "clean*",
      "deduplicat*", "dedup*", "enrich*", "filter*", "delta", "incremental*", "etl", "elt",
      "mapped", "validat*", "normalis*", "normaliz*", "reverse engineered", "spark", "dbt",
    ]),
    .destination: CueList([
      "destination", "warehouse~", "loaded into", "load into", "loaded it into", "wrote to",
      "written to", "lake*", "target", "sink", "stored in", "mart*", "bigquery", "redshift",
      "snowflake", "tables~", "views", "indexed", "indexes", "landed",
    ]),
    .scheduler: CueList([
      "schedul*", "cron*", "airflow", "orchestrat*", "daily", "hourly", "nightly", "weekly",
      "every day", "every hour", "every night", "dag*", "trigger*", "kubernetes", "k8s",
      "step functions", "dagster", "prefect", "grafana", "monitor*", "alert*",
    ]),
  ]

  static let singular = CueList(["i", "i'm", "i've", "i'd", "i'll", "my", "me", "myself", "mine"])
  static let plural = CueList([
    "we", "we're", "we've", "we'd", "we'll", "our", "us", "ourselves", "ours",
  ])
  /// Verbs after "I" that say what was needed or felt, not what was done.
  static let nonActionVerbs = CueList([
    "needed", "wanted", "was", "had", "noticed", "realised", "realized", "felt", "thought",
    "joined", "worked", "used", "started", "liked", "loved", "hoped", "tried",
  ])

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
        setUp: situationWords + taskWords, action: actionText.tokens.count, total: total)
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
    for range in text.sentenceRanges {
      var scores: [StarPart: Double] = [:]
      for part in StarPart.allCases {
        scores[part] = Double(cues[part]!.count(in: text, range))
      }
      scores[.action]! += Double(actionStatements(in: text, range))
      if !Quantity.all(in: text, at: range).isEmpty { scores[.result]! += 0.5 }
      let best = scores.values.max() ?? 0
      let part: StarPart
      if best == 0 {
        part = previous ?? .situation
      } else {
        let tied = StarPart.allCases.filter { scores[$0] == best }
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
    let text = TokenizedText(answer)
    return analyze(told: text, parts: sentenceParts(text), pipeline: isPipeline)
  }

  /// The STAR reading of a told answer already tokenised, whose sentences are given to `parts`.
  static func analyze(
    told text: TokenizedText, parts assigned: [(part: StarPart, range: Range<Int>)],
    pipeline isPipeline: Bool
  ) -> StarFeedback {
    var wordsOf: [StarPart: [Int]] = [:]
    var firstSentence: [StarPart: Int] = [:]
    for (index, (part, range)) in assigned.enumerated() {
      wordsOf[part, default: []] += range
      if firstSentence[part] == nil { firstSentence[part] = index }
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
    if let action = firstSentence[.action], let result = firstSentence[.result], result < action {
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
    let setUp = (wordsOf[.situation]?.count ?? 0) + (wordsOf[.task]?.count ?? 0)
    if flags.action {
      findings += balanceFindings(
        setUp: setUp, action: wordsOf[.action]?.count ?? 0, total: words)
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
      let previous = text.tokens[index - 1].text
      guard previous == "i" || previous == "we" else { continue }
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

  static func balanceFindings(setUp: Int, action: Int, total: Int) -> [String] {
    var findings: [String] = []
    let setUpShare = Double(setUp) / Double(total)
    let actionShare = Double(action) / Double(total)
    if setUpShare > 0.45 {
      findings.append(
        "Situation and Task take \(Int((setUpShare * 100).rounded()))% of the story: keep the "
          + "set-up short and spend the time on the Action.")
    }
    if actionShare < 0.3 {
      findings.append(
        "The Action is \(Int((actionShare * 100).rounded()))% of the story: it should be the "
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
