import Foundation
import Testing

@testable import RehearseCore

/// A story with the given STAR sections, each at the line of its part's position.
private func makeStory(
  slug: String = "story", title: String = "A story", competencies: [Competency] = [.failure],
  tags: [String] = [], _ parts: [StarPart: String],
  pipeline: [PipelinePart: String]? = nil
) -> Story {
  var star: [StarPart: StorySection] = [:]
  for (index, part) in StarPart.allCases.enumerated() {
    if let text = parts[part] { star[part] = StorySection(text: text, line: 10 * (index + 1)) }
  }
  return Story(
    slug: slug, title: title, competencies: competencies, tags: tags, star: star,
    pipeline: pipeline?.mapValues { StorySection(text: $0, line: 100) })
}

/// `count` words: "I built" followed by filler words.
private func words(_ count: Int) -> String {
  (["I", "built"] + Array(repeating: "pipelines", count: count - 2)).joined(separator: " ")
}

/// The example story of the repository.
private func exampleStory() throws -> Story {
  let url = Repository.root.appendingPathComponent("examples/stories/control-tower-pipeline.md")
  return try StoryFile.parse(
    try StoryFile.text(atPath: url.path), file: "control-tower-pipeline.md", slug: "control-tower")
}

private let completeParts: [StarPart: String] = [
  .situation: "Our nightly sales report was built by hand from spreadsheets.",
  .task: "I was asked to automate it before the quarter end.",
  .action: "I built a Python job that pulled the orders, and I wrote tests for it.",
  .result: "The report now runs in 5 minutes instead of 3 hours.",
]

@Suite("STAR analysis")
struct StarAnalysisTests {
  // MARK: - Stored stories

  @Test(
    "a missing or empty Result is flagged, naming the Result",
    arguments: [("missing", nil), ("empty", "  \n ")] as [(String, String?)])
  func missingResult(name: String, result: String?) {
    var parts = completeParts
    parts[.result] = result
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(!feedback.star.result)
    #expect(feedback.star.situation && feedback.star.task && feedback.star.action)
    #expect(!feedback.star.isComplete)
    let expected = result == nil ? "No Result section" : "The Result section is empty"
    #expect(feedback.findings.contains { $0.hasPrefix(expected) }, "\(feedback.findings)")
    #expect(!feedback.quantifiedResult)
  }

  @Test("a complete story with a quantified result has all four parts and no part findings")
  func completeStory() {
    let feedback = StarAnalyzer.analyze(makeStory(completeParts))
    #expect(feedback.star.isComplete)
    #expect(feedback.quantifiedResult)
    #expect(feedback.pipeline == nil, "a story that is not about a pipeline has no pipeline flags")
    #expect(!feedback.findings.contains { $0.contains("section") }, "\(feedback.findings)")
    #expect(!feedback.findings.contains { $0.contains("no number") }, "\(feedback.findings)")
  }

  @Test(
    "a result is quantified by numbers with units, percentages, money, durations, multipliers",
    arguments: [
      ("The nightly load now takes 12 minutes.", ["12 minutes"]),
      ("Failed loads fell by 30%.", ["30%"]),
      ("It saved $40k a year in licences.", ["$40k"]),
      ("The refresh went from 2 hours to 10 minutes.", ["2 hours", "10 minutes"]),
      ("We halved the run time.", ["halved"]),
      ("The dashboard now loads twice as fast.", ["twice"]),
      ("Availability reached 99.9% and 3 teams adopted it.", ["99.9%", "3 teams"]),
      ("It went live in 2021 and cut costs by 15%.", ["15%"]),
    ])
  func quantifiedResult(result: String, quantities: [String]) {
    var parts = completeParts
    parts[.result] = result
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(feedback.quantifiedResult)
    #expect(feedback.quantities == quantities)
    #expect(!feedback.findings.contains { $0.contains("no number") }, "\(feedback.findings)")
  }

  @Test(
    "a result with no number, or only a year, is not quantified and is told to say by how much",
    arguments: [
      "The project shipped in 2021.",
      "Stakeholders were happy with the new dashboard.",
      "Since 2019 the team has relied on it.",
    ])
  func unquantifiedResult(result: String) {
    var parts = completeParts
    parts[.result] = result
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(!feedback.quantifiedResult)
    #expect(feedback.quantities.isEmpty)
    #expect(
      feedback.findings.contains { $0.hasPrefix("The Result has no number") },
      "\(feedback.findings)")
  }

  @Test("a Result that neither counts nor names a change is told to say what changed")
  func resultWithoutChange() {
    var parts = completeParts
    parts[.result] = "The stakeholders were pleased with the work."
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(feedback.findings.contains { $0.hasPrefix("The Result does not say what changed") })
    parts[.result] = "As a result the stakeholders were pleased."
    let named = StarAnalyzer.analyze(makeStory(parts))
    #expect(!named.findings.contains { $0.hasPrefix("The Result does not say what changed") })
  }

  @Test(
    "an Action told as “we” gets an ownership finding; one told as “I” does not",
    arguments: [
      ("We built the job, we tested it and our team deployed it.", 0, 3, true),
      ("I built the job, I tested it and we deployed it together.", 2, 1, false),
      ("I built the job and I tested it.", 2, 0, false),
      ("The job was built and tested.", 0, 0, true),
      ("The loads were slow and well hidden, so I rebuilt the job.", 1, 0, false),
      ("We’re told we'll ship, so I rebuilt the job.", 1, 2, true),
    ])
  func ownership(action: String, singular: Int, plural: Int, finding: Bool) {
    var parts = completeParts
    parts[.action] = action
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(feedback.firstPersonSingular == singular)
    #expect(feedback.firstPersonPlural == plural)
    let ownershipFindings = feedback.findings.filter {
      $0.hasPrefix("The Action says") || $0.hasPrefix("The Action never says who acted")
    }
    #expect(ownershipFindings.isEmpty != finding, "\(feedback.findings)")
  }

  @Test("“we” in the Situation does not count against the Action's ownership")
  func ownershipReadsOnlyTheAction() {
    var parts = completeParts
    parts[.situation] = "We were a team of five and we shared our reports by email."
    let feedback = StarAnalyzer.analyze(makeStory(parts))
    #expect(feedback.firstPersonPlural == 0)
    #expect(!feedback.findings.contains { $0.hasPrefix("The Action says") })
  }

  @Test(
    "a story outside 2–3 minutes at 130 words a minute (260–390 words) gets a length finding",
    arguments: [
      (60, "aim for 2–3 minutes"), (250, "aim for 2–3 minutes"), (260, nil), (325, nil), (390, nil),
      (400, "over the 3-minute budget"), (700, "over the 3-minute budget"),
    ] as [(Int, String?)])
  func length(count: Int, finding: String?) {
    let feedback = StarAnalyzer.analyze(makeStory([.action: words(count)]))
    #expect(feedback.words == count)
    #expect(feedback.spokenSeconds == Int((Double(count) * 60 / 130).rounded()))
    let lengthFindings = feedback.findings.filter { $0.contains(" spoken (\(count) words)") }
    if let finding {
      #expect(lengthFindings.count == 1, "\(feedback.findings)")
      #expect(lengthFindings.first?.contains(finding) == true, "\(feedback.findings)")
    } else {
      #expect(lengthFindings.isEmpty, "\(feedback.findings)")
    }
  }

  @Test("the spoken time is the words at 130 a minute")
  func spokenSeconds() {
    #expect(StarAnalyzer.spokenSeconds(words: 130) == 60)
    #expect(StarAnalyzer.spokenSeconds(words: 260) == 120)
    #expect(StarAnalyzer.spokenSeconds(words: 390) == 180)
    #expect(StarAnalyzer.spokenSeconds(words: 0) == 0)
  }

  @Test("a long Situation and Task and a short Action are told to rebalance")
  func balance() {
    let setUp = Array(repeating: "The legacy report was slow and manual.", count: 8)
      .joined(separator: " ")
    let feedback = StarAnalyzer.analyze(
      makeStory([
        .situation: setUp, .task: "I had to fix it.", .action: "I rewrote it.",
        .result: "It now takes 5 minutes.",
      ]))
    #expect(feedback.findings.contains { $0.hasPrefix("Situation and Task take") })
    #expect(feedback.findings.contains { $0.hasPrefix("The Action is") })
    #expect(
      !StarAnalyzer.analyze(makeStory(completeParts)).findings.contains {
        $0.hasPrefix("Situation and Task take")
      })
  }

  @Test("sections written out of STAR order get a finding; in order they do not")
  func outOfOrder() throws {
    let file = """
      ---
      title: Out of order
      competencies: [failure]
      ---
      ## Situation
      \(completeParts[.situation]!)
      ## Task
      \(completeParts[.task]!)
      ## Result
      \(completeParts[.result]!)
      ## Action
      \(completeParts[.action]!)
      """
    let story = try StoryFile.parse(file, file: "s.md", slug: "s")
    let finding = "The sections are out of order: tell them as Situation, Task, Action, Result."
    #expect(StarAnalyzer.analyze(story).findings.contains(finding))
    #expect(StarAnalyzer.analyze(story).star.isComplete)
    #expect(!StarAnalyzer.analyze(try exampleStory()).findings.contains(finding))
  }

  // MARK: - Pipeline stories

  @Test("a pipeline story's parts come from its ### subsections; empty ones are missing")
  func pipelineFromSections() throws {
    let feedback = StarAnalyzer.analyze(
      makeStory(
        competencies: [.dataQuality], completeParts,
        pipeline: [
          .requirement: "A sales dashboard.", .source: "The orders API.",
          .logic: "Join orders to customers.", .destination: "  ",
        ]))
    let pipeline = try #require(feedback.pipeline, "a Pipeline section makes a pipeline story")
    #expect(
      pipeline
        == PipelineFlags(
          requirement: true, source: true, logic: true, destination: false, scheduler: false))
    #expect(pipeline.count == 3)
    #expect(feedback.findings.contains { $0.hasPrefix("Pipeline: no destination") })
    #expect(feedback.findings.contains { $0.hasPrefix("Pipeline: no scheduler") })
    #expect(!feedback.findings.contains { $0.hasPrefix("Pipeline: no source") })
  }

  @Test("the example story has all five pipeline parts and no missing STAR part")
  func examplePipeline() throws {
    let feedback = StarAnalyzer.analyze(try exampleStory())
    #expect(feedback.star.isComplete)
    #expect(feedback.pipeline?.count == 5)
    #expect(feedback.quantifiedResult)
    #expect(feedback.firstPersonSingular > feedback.firstPersonPlural)
    #expect(!feedback.findings.contains { $0.hasPrefix("Pipeline:") }, "\(feedback.findings)")
  }

  @Test(
    "a pipeline-built story without a Pipeline section has its parts read from cue words",
    arguments: [
      (
        "The analysts asked for a sales report. I extracted orders from SAP, joined them to "
          + "the customers, and loaded them into the warehouse. I scheduled it nightly in Airflow.",
        PipelineFlags(
          requirement: true, source: true, logic: true, destination: true, scheduler: true)
      ),
      (
        "The analysts asked for a sales report. I extracted orders from SAP, joined them to "
          + "the customers, and loaded them into the warehouse.",
        PipelineFlags(
          requirement: true, source: true, logic: true, destination: true, scheduler: false)
      ),
      (
        "I moved some things around and it went well.",
        PipelineFlags(
          requirement: false, source: false, logic: false, destination: false, scheduler: false)
      ),
    ])
  func pipelineFromCues(action: String, flags: PipelineFlags) {
    var parts = completeParts
    parts[.action] = action
    parts[.result] = "It now takes 5 minutes."
    parts[.situation] = "It was slow."
    parts[.task] = "I had to fix it."
    let feedback = StarAnalyzer.analyze(makeStory(competencies: [.pipelineBuilt], parts))
    #expect(feedback.pipeline == flags)
    for part in PipelinePart.allCases {
      #expect(
        feedback.findings.contains { $0.hasPrefix("Pipeline: no \(part.rawValue)") }
          == !flags[part])
    }
  }

  // MARK: - Told answers

  static let toldInOrder = """
    At my previous job the nightly sales report was built by hand from spreadsheets. \
    My task was to automate it before the quarter end. \
    I built a Python job that pulled orders from the API, and I wrote tests for every \
    transformation. \
    As a result the report now runs in 5 minutes instead of 3 hours.
    """

  @Test("a well-formed STAR paragraph is heard with all four parts, in order")
  func toldInOrder() {
    let feedback = StarAnalyzer.analyze(told: Self.toldInOrder, pipeline: false)
    #expect(feedback.star.isComplete)
    #expect(feedback.quantifiedResult)
    #expect(feedback.quantities.contains("5 minutes"))
    #expect(feedback.pipeline == nil)
    #expect(!feedback.findings.contains { $0.contains("heard") }, "\(feedback.findings)")
    #expect(!feedback.findings.contains { $0.hasPrefix("The Result came before") })
    #expect(feedback.firstPersonSingular >= 2)
  }

  @Test("a retelling with the result before the action is told to reorder")
  func toldOutOfOrder() {
    let told = """
      At my last job the dashboard was painfully slow. \
      In the end we cut the load time to 4 minutes. \
      My task was to speed it up. \
      I profiled the queries and I added indexes.
      """
    let feedback = StarAnalyzer.analyze(told: told, pipeline: false)
    #expect(feedback.star.isComplete)
    #expect(
      feedback.findings.contains {
        $0 == "The Result came before the Action: tell what you did, then what it achieved."
      }, "\(feedback.findings)")
  }

  @Test("a retelling missing parts names the parts not heard")
  func toldMissingParts() {
    let feedback = StarAnalyzer.analyze(
      told: "I built a Python job and I wrote tests for it.", pipeline: false)
    #expect(feedback.star.action)
    #expect(!feedback.star.result)
    #expect(feedback.findings.contains { $0.hasPrefix("No Result heard") }, "\(feedback.findings)")
    #expect(!feedback.findings.contains { $0.hasPrefix("No Action heard") })
  }

  @Test("an empty retelling is 'Nothing was told', with nothing found", arguments: ["", " \n\t "])
  func toldNothing(told: String) {
    let feedback = StarAnalyzer.analyze(told: told, pipeline: true)
    #expect(feedback.findings == ["Nothing was told: tell the story as STAR."])
    #expect(feedback.words == 0)
    #expect(feedback.spokenSeconds == 0)
    #expect(feedback.star == StarFlags(situation: false, task: false, action: false, result: false))
    #expect(feedback.pipeline?.count == 0)
  }

  @Test("a told pipeline answer has its pipeline parts read from its words")
  func toldPipeline() {
    let told =
      Self.toldInOrder
      + " I loaded the results into the warehouse and scheduled the job nightly with cron."
    let feedback = StarAnalyzer.analyze(told: told, pipeline: true)
    #expect(feedback.pipeline?.source == true, "“pulled orders from the API”")
    #expect(feedback.pipeline?.destination == true)
    #expect(feedback.pipeline?.scheduler == true)
  }
}

@Suite("Story rehearsal")
struct StoryRehearsalTests {
  static let faithful = """
    At a manufacturing site the business wanted a control-tower dashboard of product quality, \
    sensor readings and lab results for every production batch. The data sat in SAP, an Azure \
    database, InfluxDB with more than 80 sensors over 10 years, SQL Server and the LIMS on \
    Oracle, about 20GB of lab data. Analysts stitched exports together by hand.

    My task was to build the pipeline behind the dashboard and refresh it daily.

    I made the production batch the key of every table. I took each batch's start and end \
    times from SQL Server, queried InfluxDB for just those ranges, and I downsampled the \
    readings to one minute. For the LIMS I reverse engineered its data model and wrote a \
    direct join query that loaded a delta on each record's timestamp. The Azure data had no \
    primary key, so I built a proxy key and loaded ranges of about 5000 rows to stay under \
    the timeout. I indexed the warehouse tables in SQL Server and created views over the \
    common aggregations. I scheduled the jobs daily with cron on our orchestrator on \
    Kubernetes and set up Grafana panels for task health and data consistency.

    As a result the dashboard went live with every source refreshed daily. The LIMS \
    extraction went from about 1 day to under 1 hour, the Azure loads stopped timing out, \
    and the analysts now build on the warehouse views instead of stitching exports by hand.
    """

  static let vague = "I worked on a dashboard once. We moved some data around and it went fine."

  @Test("the example's key facts are its quantities and named systems")
  func keyFacts() throws {
    let facts = StoryRehearsal.keyFacts(of: try exampleStory())
    let quantities = facts.filter { $0.kind == .quantity }.map(\.text)
    let names = facts.filter { $0.kind == .name }.map(\.text)
    #expect(quantities.contains { $0.hasPrefix("80") }, "\(quantities)")
    #expect(quantities.contains { $0.hasPrefix("5000") }, "\(quantities)")
    #expect(quantities.contains { $0.hasPrefix("20GB") }, "\(quantities)")
    for name in ["InfluxDB", "LIMS", "SQL Server", "Grafana", "SAP", "Oracle", "Azure"] {
      #expect(names.contains(name), "\(name) in \(names)")
    }
    let ordinary = ["The", "At", "For", "In", "Analysts", "Daily", "Tie", "An", "A", "I"]
    for word in ordinary {
      #expect(!names.contains(word), "a sentence-initial \(word) is not a name: \(names)")
    }
    #expect(Set(facts.map(\.text)).count == facts.count, "no fact is listed twice")
  }

  @Test("a faithful retelling scores higher than a vague one, which scores higher than nothing")
  func scoresInOrder() throws {
    let story = try exampleStory()
    let faithful = StoryRehearsal.score(Self.faithful, against: story)
    let vague = StoryRehearsal.score(Self.vague, against: story)
    let empty = StoryRehearsal.score("", against: story)
    #expect(faithful.score > vague.score)
    #expect(vague.score > empty.score)
    #expect(empty.score == 0)
    #expect(empty.band == .weak)
    #expect(faithful.band == .strong, "score \(faithful.score), misses \(faithful.misses)")
    #expect(vague.band == .weak, "score \(vague.score)")
    #expect(faithful.question == "story:control-tower")
    #expect(faithful.star?.star.isComplete == true)
    #expect((0...100).contains(faithful.score))
  }

  @Test("recalled facts are hits and forgotten ones are misses")
  func factHitsAndMisses() throws {
    let story = try exampleStory()
    let told = """
      I built the pipeline from InfluxDB to the warehouse and set up Grafana panels for it.
      """
    let scored = StoryRehearsal.score(told, against: story)
    let hits = scored.hits.map(\.point)
    let misses = scored.misses.map(\.point)
    #expect(hits.contains("Fact: InfluxDB"), "\(hits)")
    #expect(hits.contains("Fact: Grafana"), "\(hits)")
    #expect(misses.contains("Fact: LIMS"), "\(misses)")
    #expect(misses.contains("Fact: SQL Server"), "\(misses)")
    #expect(misses.contains { $0.hasPrefix("Fact: 80") }, "\(misses)")
    #expect(Set(hits).isDisjoint(with: misses), "a point is a hit or a miss, not both")
  }

  @Test("a number is recalled however its digits are grouped")
  func groupedDigits() throws {
    let story = try exampleStory()
    let fact = try #require(
      StoryRehearsal.keyFacts(of: story).first { $0.text.hasPrefix("5000") })
    let plain = StoryRehearsal.score("We loaded about 5000 rows at a time.", against: story)
    #expect(plain.hits.contains { $0.point == "Fact: \(fact.text)" })
    let grouped = StoryRehearsal.score("We loaded about 5,000 rows at a time.", against: story)
    #expect(grouped.hits.contains { $0.point == "Fact: \(fact.text)" })
  }

  @Test("a stored grouped number is one key fact, recalled by the same number")
  func storedGroupedNumber() {
    let stored = makeStory([.result: "The job now handles 80,000 rows a day."])
    let facts = StoryRehearsal.keyFacts(of: stored).filter { $0.kind == .quantity }
    #expect(facts.map(\.text) == ["80,000 rows"])
    let scored = StoryRehearsal.score("It handles 80000 rows a day now.", against: stored)
    #expect(scored.misses.allSatisfy { !$0.point.hasPrefix("Fact:") })
  }

  @Test("a name is recalled in the plural or possessive, and not from a part of it")
  func nameForms() {
    let stored = makeStory(
      [.action: "I moved the reports to the Data Factory and tuned Postgres indexes."])
    let facts = StoryRehearsal.keyFacts(of: stored).map(\.text)
    #expect(facts.contains("Data Factory"), "\(facts)")
    let plural = StoryRehearsal.score("Postgres's planner and two Data Factorys.", against: stored)
    #expect(plural.hits.contains { $0.point == "Fact: Postgres" })
    let partial = StoryRehearsal.score("I used a factory.", against: stored)
    #expect(partial.misses.contains { $0.point == "Fact: Data Factory" })
  }
}

extension StoryRehearsalTests {
  /// Finding the stories to rehearse for a question.
  @Suite("Story matching")
  struct MatcherTests {
    static func question(
      _ competencies: [Competency], prompt: String = "Tell me about a time you did it.",
      tags: [String] = []
    ) -> Question {
      Question(
        id: "beh-q", component: .behavioural, kind: .behavioural, prompt: prompt, difficulty: 2,
        minutes: 3, tags: tags, modelAnswer: "A story.", competencies: competencies,
        location: SourceLocation(file: "bank.yaml", line: 1))
    }

    static let stories = [
      makeStory(
        slug: "unrelated", competencies: [.conflict], [.action: "I talked to my colleague."]),
      makeStory(slug: "quality", competencies: [.dataQuality], [.action: "I added checks."]),
      makeStory(
        slug: "both", competencies: [.pipelineBuilt, .dataQuality],
        [.action: "I built a loader."]),
      makeStory(
        slug: "airflow-only", competencies: [.learningFast],
        [.action: "I learned Airflow in a week."]),
    ]

    @Test("stories sharing more of the question's competencies rank first")
    func competenciesFirst() {
      let matches = StoryMatcher.rank(
        Self.stories, for: Self.question([.pipelineBuilt, .dataQuality]))
      #expect(matches.map(\.story.slug) == ["both", "quality"])
      #expect(matches.first?.competencies == [.pipelineBuilt, .dataQuality])
      #expect(matches.last?.competencies == [.dataQuality])
    }

    @Test("a story sharing only a tag word still matches, below competency matches")
    func sharedWords() {
      let matches = StoryMatcher.rank(
        Self.stories, for: Self.question([.dataQuality], tags: ["airflow"]))
      // Equal scores are in slug order.
      #expect(matches.map(\.story.slug) == ["both", "quality", "airflow-only"])
      #expect(matches.last?.sharedWords == ["airflow"])
      #expect(matches.last?.competencies == [])
    }

    @Test("a story meets the question's words by stem, shown as the question wrote them")
    func sharedStems() {
      let story = makeStory(
        slug: "warehouses", title: "Two warehouses", competencies: [.conflict],
        [.action: "I designed both warehouses and compared the approaches with the analysts."])
      let question = Self.question(
        [.cloudMigration], prompt: "How would you approach the design of a data warehouse?",
        tags: ["data-modelling"])
      let matches = StoryMatcher.rank([story], for: question)
      #expect(matches.map(\.story.slug) == ["warehouses"])
      #expect(matches.first?.sharedWords == ["approach", "design", "warehouse"])
      #expect(matches.first?.competencies == [])
    }

    @Test("common question words are left out in any form: a story that worked shares nothing")
    func commonWordsByStem() {
      let story = makeStory(
        slug: "work", competencies: [.conflict], [.action: "I worked through some examples."])
      let question = Self.question(
        [.cloudMigration], prompt: "Describe working through an example.")
      #expect(StoryMatcher.rank([story], for: question).isEmpty)
    }

    @Test("stories sharing nothing with the question are left out")
    func nothingShared() {
      let matches = StoryMatcher.rank(Self.stories, for: Self.question([.cloudMigration]))
      #expect(matches.isEmpty)
    }
  }

  /// Which competencies the stories cover, and which questions the gaps leave unanswered.
  @Suite("Story coverage")
  struct CoverageTests {
    static func question(_ id: String, _ competencies: [Competency]) -> Question {
      Question(
        id: id, component: .behavioural, kind: .behavioural, prompt: "Tell me about \(id).",
        difficulty: 1, minutes: 3, modelAnswer: "A story.", competencies: competencies,
        location: SourceLocation(file: "bank.yaml", line: 1))
    }

    @Test("gaps are the competencies with no story; each lists the questions that ask for it")
    func gaps() {
      let stories = [
        makeStory(slug: "pipeline", competencies: [.pipelineBuilt, .dataQuality], [:]),
        makeStory(slug: "argument", competencies: [.conflict, .dataQuality], [:]),
      ]
      let questions = [
        Self.question("q-conflict", [.conflict]),
        Self.question("q-failure", [.failure]),
        Self.question("q-failure-learning", [.failure, .learningFast]),
      ]
      let coverage = StoryReports.coverage(stories, questions: questions)
      let covered: Set<Competency> = [.pipelineBuilt, .dataQuality, .conflict]
      #expect(
        coverage.gaps == Competency.allCases.filter { !covered.contains($0) }.map(\.rawValue))
      #expect(coverage.unanswered["failure"] == ["q-failure", "q-failure-learning"])
      #expect(coverage.unanswered["learning-fast"] == ["q-failure-learning"])
      #expect(coverage.unanswered["cloud-migration"] == [])
      #expect(coverage.unanswered["conflict"] == nil, "a covered competency is no gap")
      #expect(coverage.competencies["data-quality"] == ["pipeline", "argument"])
      #expect(coverage.competencies["failure"] == [])
      #expect(coverage.stories == ["pipeline", "argument"])
    }

    @Test("a question a story answers through another competency is no unanswered question")
    func coveredInPart() throws {
      let stories = [
        makeStory(slug: "pipeline", competencies: [.pipelineBuilt, .dataQuality], [:])
      ]
      let questions = [
        Self.question("q-failure", [.failure]),
        Self.question("q-failure-quality", [.failure, .dataQuality]),
      ]
      let coverage = StoryReports.coverage(stories, questions: questions)
      #expect(coverage.unanswered["failure"] == ["q-failure"])
      #expect(coverage.coveredInPart["failure"] == ["q-failure-quality"])
      let text = StoryReports.coverageText(coverage, questions: questions, style: .plain)
      #expect(!text.contains("leaves unanswered"))
      let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      let gap = try #require(lines.firstIndex(of: "failure: asked for by 2 questions"))
      #expect(
        Array(lines[(gap + 1)...].prefix(4).map { $0.split(separator: " ").first ?? "" }) == [
          "no", "q-failure", "a", "q-failure-quality",
        ])
      #expect(lines[gap + 1] == "no story answers these:")
      #expect(lines[gap + 3] == "a story answers these through another competency:")
    }

    @Test("with no stories every competency is a gap")
    func noStories() {
      let coverage = StoryReports.coverage([], questions: [])
      #expect(coverage.gaps == Competency.allCases.map(\.rawValue))
      #expect(coverage.stories.isEmpty)
    }
  }
}

/// Told answers whose structure the STAR reading used to misread, and what it says of them now.
@Suite("STAR reading of told answers: order and balance")
struct StarToldOrderTests {
  /// A told answer, a finding it must give, and one it must not.
  struct Case: Sendable, CustomTestStringConvertible {
    var told: String
    var gives: String?
    var doesNotGive: String?
    var testDescription: String { String(told.prefix(60)) }
  }

  /// Checks the findings the case gives and does not give.
  static func expectFindings(_ example: Case) {
    let findings = StarAnalyzer.analyze(told: example.told, pipeline: false).findings
    if let gives = example.gives {
      #expect(findings.contains { $0.hasPrefix(gives) }, "\(findings)")
    }
    if let absent = example.doesNotGive {
      #expect(!findings.contains { $0.hasPrefix(absent) }, "\(findings)")
    }
  }

  static let headline =
    "I cut our nightly load from six hours to forty minutes. At my last job the warehouse load "
    + "ran every night and often missed the morning reports. My task was to make it finish before "
    + "7 am. I profiled the jobs, I partitioned the biggest table by date and I replaced the full "
    + "reload with an incremental merge. As a result the load now takes forty minutes and the "
    + "reports are on time."

  @Test(
    "an opening headline is not out of order; a Result told only before the Action is",
    arguments: [
      Case(told: headline, gives: nil, doesNotGive: "The Result came before the Action"),
      Case(
        told: "The load went from 6 hours to 40 minutes. I rewrote the load and partitioned the "
          + "table.", gives: "The Result came before the Action", doesNotGive: nil),
    ])
  func order(_ example: Case) {
    Self.expectFindings(example)
  }

  @Test(
    "a long set-up is named by the parts the answer has",
    arguments: [
      Case(
        told: "At my last job our platform team of six engineers ran nightly batch loads from "
          + "twenty source systems into a legacy warehouse that nobody fully understood and that "
          + "broke about once a week, usually at night. I rewrote the load. It saved 5 hours.",
        gives: "Situation takes", doesNotGive: "Situation and Task"),
      Case(
        told: "At my last job our platform team of six engineers ran nightly batch loads from "
          + "twenty source systems into a legacy warehouse that broke about once a week. My task "
          + "was to make the load reliable before the migration deadline in the spring. I "
          + "rewrote the load. It saved 5 hours.",
        gives: "Situation and Task take", doesNotGive: nil),
    ])
  func balance(_ example: Case) {
    Self.expectFindings(example)
  }
}
