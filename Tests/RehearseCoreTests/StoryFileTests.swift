import Foundation
import Testing

@testable import RehearseCore

/// A valid story file, line by line, which the malformed cases below break on purpose.
private let validStory = """
  ---
  title: Nightly sales load
  competencies: [pipeline-built]
  date: 2024-03-01
  ---

  ## Situation
  Sales figures were copied by hand every morning.

  ## Task
  I had to automate the load.

  ## Action
  I built a Python job that pulled the orders.

  ## Result
  The load now takes 5 minutes.

  """

/// `text` with `old` replaced; the fixture must still contain `old`.
private func replacing(_ old: String, with new: String, in text: String = validStory) -> String {
  precondition(text.contains(old), "the fixture no longer contains \(old)")
  return text.replacingOccurrences(of: old, with: new)
}

/// One way to break a story file, and the problem it must be reported as.
struct MalformedStory: CustomTestStringConvertible, Sendable {
  var name: String
  var text: String
  /// The line of the problem; `nil` for a problem of the whole file.
  var line: Int?
  /// A part of the message, compared case-insensitively.
  var message: String

  var testDescription: String { name }

  init(_ name: String, _ text: String, line: Int?, _ message: String) {
    self.name = name
    self.text = text
    self.line = line
    self.message = message
  }

  static let all: [MalformedStory] = [
    MalformedStory(
      "no front matter", replacing("---\ntitle: Nightly sales load\n", with: "title: x\n"),
      line: nil, "a story begins with front matter"),
    MalformedStory(
      "no front matter at all", "## Situation\nSomething happened.\n",
      line: nil, "a story begins with front matter"),
    MalformedStory(
      "unclosed front matter", replacing("date: 2024-03-01\n---\n", with: "date: 2024-03-01\n"),
      line: 1, "the front matter opened here has no closing '---' line"),
    MalformedStory(
      "YAML syntax error", replacing("date: 2024-03-01", with: "date: 2024-03-01: again"),
      line: 4, "front matter: "),
    MalformedStory(
      "misspelt key", replacing("title:", with: "titel:"),
      line: 2, "unknown front-matter key 'titel'; did you mean 'title'?"),
    MalformedStory(
      "missing title", replacing("title: Nightly sales load\n", with: ""),
      line: 4, "the front matter has no 'title'"),
    MalformedStory(
      "empty title", replacing("title: Nightly sales load", with: "title: \"  \""),
      line: 2, "'title' is empty"),
    MalformedStory(
      "missing competencies", replacing("competencies: [pipeline-built]\n", with: ""),
      line: 4, "the front matter has no 'competencies'"),
    MalformedStory(
      "competencies given as a mapping",
      replacing("[pipeline-built]", with: "{pipeline: built}"),
      line: 3, "'competencies' must be a list of texts"),
    MalformedStory(
      "unknown competency", replacing("pipeline-built", with: "pipline-built"),
      line: 3, "unknown competency 'pipline-built'; did you mean 'pipeline-built'?"),
    MalformedStory(
      "a day past the end of February", replacing("2024-03-01", with: "2023-02-30"),
      line: 4, "'2023-02-30' is not a date as YYYY-MM-DD"),
    MalformedStory(
      "a date in another format", replacing("2024-03-01", with: "01/03/2024"),
      line: 4, "'01/03/2024' is not a date"),
    MalformedStory(
      "front matter that is a list", "---\n- a\n- b\n---\n\n## Situation\nText.\n",
      line: 2, "the front matter must be 'key: value' lines"),
    MalformedStory(
      "misspelt section", replacing("## Result", with: "## Resutl"),
      line: 16, "unknown section 'Resutl'; did you mean 'Result'?"),
    MalformedStory(
      "a section twice", validStory + "\n## Task\nAgain.\n",
      line: 19, "a second 'Task' section (the first is at line 10)"),
    MalformedStory(
      "misspelt pipeline part", validStory + "\n## Pipeline\n\n### Sorce\nSAP exports.\n",
      line: 21, "unknown pipeline part 'Sorce'; did you mean 'source'?"),
    MalformedStory(
      "text before the first section",
      replacing("---\n\n## Situation", with: "---\n\nAn introduction.\n\n## Situation"),
      line: 7, "text before the first section: start it with '## Situation'"),
    MalformedStory(
      "text in the Pipeline section before its first part",
      validStory + "\n## Pipeline\nSome text.\n\n### Source\nSAP exports.\n",
      line: 20, "text in the Pipeline section before its first part"),
  ]
}

@Suite("Story file")
struct StoryFileTests {
  static let exampleURL = Repository.root.appendingPathComponent(
    "examples/stories/control-tower-pipeline.md")

  static func parse(_ text: String) throws(StoryFileFailure) -> Story {
    try StoryFile.parse(text, file: "story.md", slug: "story")
  }

  /// The problems parsing `text` reports; none when it parses.
  static func problems(_ text: String) -> [StoryFileError] {
    do {
      _ = try StoryFile.parse(text, file: "story.md", slug: "story")
      return []
    } catch {
      return error.problems
    }
  }

  static func example() throws -> Story {
    try StoryFile.parse(
      StoryFile.text(atPath: exampleURL.path), file: "control-tower-pipeline.md",
      slug: "control-tower")
  }

  // MARK: - Valid files

  @Test("the example story has its front matter, four STAR sections and five pipeline parts")
  func exampleStory() throws {
    let story = try Self.example()
    #expect(story.slug == "control-tower")
    #expect(story.file == "control-tower-pipeline.md")
    #expect(story.title == "Control-tower dashboard pipeline")
    #expect(
      story.competencies == [
        .pipelineBuilt, .stakeholderRequirements, .orchestrationScheduling, .dataQuality,
        .performanceTuning,
      ])
    #expect(
      story.tags == [
        "SAP", "InfluxDB", "Oracle", "LIMS", "SQL Server", "Azure", "Kubernetes", "cron",
        "Grafana",
      ])
    #expect(story.date == "2023-06-30")
    #expect(Set(story.star.keys) == Set(StarPart.allCases))
    #expect(story.star.values.allSatisfy { !$0.isEmpty })
    #expect(story.star[.situation]?.line == 8)
    #expect(story.star[.result]?.line == 36)
    #expect(story.text(of: .situation).hasPrefix("At a manufacturing site"))
    #expect(!story.text(of: .situation).contains("## "), "headings are not section text")
    #expect(story.text(of: .result).hasSuffix("by hand."))
    let pipeline = try #require(story.pipeline)
    #expect(Set(pipeline.keys) == Set(PipelinePart.allCases))
    #expect(pipeline.values.allSatisfy { !$0.isEmpty })
    #expect(pipeline[.requirement]?.line == 44)
    #expect(pipeline[.scheduler]?.text.hasPrefix("Daily cron jobs") == true)
    #expect(story.notes == nil)
    #expect(story.isPipelineStory)
  }

  @Test("the valid fixture parses, so each malformed case fails for its own change")
  func validFixture() throws {
    let story = try Self.parse(validStory)
    #expect(story.title == "Nightly sales load")
    #expect(story.competencies == [.pipelineBuilt])
    #expect(story.star.count == 4)
    #expect(story.star[.action]?.text == "I built a Python job that pulled the orders.")
    #expect(story.star[.action]?.line == 13)
  }

  // MARK: - Malformed files

  @Test(
    "each malformed file is reported at its line with a helpful message",
    arguments: MalformedStory.all)
  func malformed(_ malformed: MalformedStory) {
    let problems = Self.problems(malformed.text)
    let matching = problems.filter {
      $0.message.lowercased().contains(malformed.message.lowercased())
    }
    #expect(matching.count == 1, "got: \(problems.map(\.description))")
    #expect(matching.first?.line == malformed.line, "got: \(problems.map(\.description))")
    for problem in problems {
      #expect(problem.file == "story.md")
      let place = problem.line.map { "story.md:\($0)" } ?? "story.md"
      #expect(problem.description == "\(place): \(problem.message)")
    }
  }

  @Test(
    "a story file that is not text or too long is refused by the reader, at its line",
    arguments: [
      (Array(replacing("I built a Python", with: "I built a\u{0} Python").utf8), 14, false),
      (Array(replacing("automate", with: "a\u{1}b").utf8.map { $0 == 1 ? 0xFF : $0 }), 11, false),
      (Array(repeating: UInt8(ascii: "a"), count: StoryFile.maximumBytes + 1), 1, true),
    ] as [([UInt8], Int, Bool)])
  func unreadableBytes(bytes: [UInt8], line: Int, tooLarge: Bool) throws {
    let home = try ScratchFolder()
    defer { home.remove() }
    let library = StoryLibrary(home: home.url)
    try library.prepareFolder()
    let path = library.file(for: "story").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error: TextFileError =
      tooLarge
      ? .tooLarge(file: path, line: line, limit: StoryFile.maximumBytes)
      : .notText(file: path, line: line)
    #expect(throws: StoryFileFailure([.unreadable(error)])) { try library.read(slug: "story") }
    #expect(StoryFileError.unreadable(error).description.hasPrefix("\(path):\(line): "))
    #expect(StoryFileFailure([.unreadable(error)]).exitStatus == .dataError)
  }

  @Test("a missing story file is reported at no line, as missing input")
  func missingFile() throws {
    let home = try ScratchFolder()
    defer { home.remove() }
    let path = StoryLibrary(home: home.url).file(for: "gone").path
    let problem = StoryFileError.unreadable(.missing(file: path))
    #expect(throws: StoryFileFailure([problem])) {
      try StoryLibrary(home: home.url).read(slug: "gone")
    }
    #expect(problem.line == nil)
    #expect(problem.description == "\(path): no such file")
    #expect(StoryFileFailure([problem]).exitStatus == .noInput)
  }

  @Test("every problem of a file is reported at once, in file order")
  func everyProblemAtOnce() {
    var text = replacing("title:", with: "titel:")
    text = replacing("pipeline-built", with: "pipline-built", in: text)
    text = replacing("2024-03-01", with: "2023-02-30", in: text)
    text = replacing("## Result", with: "## Resutl", in: text)
    let problems = Self.problems(text)
    #expect(problems.map(\.line) == [2, 3, 4, 5, 16], "got: \(problems.map(\.description))")
    #expect(problems.contains { $0.message == "the front matter has no 'title'" })
    do {
      _ = try Self.parse(text)
      Issue.record("a file with five problems parsed")
    } catch {
      #expect(error.description.split(separator: "\n").count == 5)
      #expect(error.exitStatus == .dataError)
    }
  }

  @Test("a missing Result section is not a format error: the story parses without it")
  func missingResultParses() throws {
    let text = replacing("\n## Result\nThe load now takes 5 minutes.\n", with: "")
    let story = try Self.parse(text)
    #expect(story.star[.result] == nil)
    #expect(Set(story.star.keys) == [.situation, .task, .action])
  }

  @Test(
    "other names for the STAR sections are read as those sections",
    arguments: [
      ("Context", StarPart.situation), ("Background", .situation), ("Actions", .action),
      ("Outcome", .result), ("Results", .result), ("result:", .result),
    ])
  func sectionAliases(heading: String, part: StarPart) throws {
    let story = try Self.parse(
      "---\ntitle: T\ncompetencies: [conflict]\n---\n## \(heading)\nThe text.\n")
    #expect(story.star[part]?.text == "The text.")
    #expect(story.star[part]?.line == 5)
  }

  @Test("headings inside a fenced code block are text, not sections")
  func headingsInFence() throws {
    let text = replacing(
      "I built a Python job that pulled the orders.\n",
      with: "I built a Python job that pulled the orders.\n```\n## Result\n# comment\n```\n")
    let story = try Self.parse(text)
    let action = story.text(of: .action)
    #expect(action.contains("## Result"))
    #expect(action.hasSuffix("```"))
    #expect(story.text(of: .result) == "The load now takes 5 minutes.")
    #expect(story.star[.result]?.line == 20)
  }

  @Test("a '# Title' line before the first section is allowed and kept out of the story")
  func levelOneTitle() throws {
    let text = replacing("---\n\n## Situation", with: "---\n\n# Nightly sales load\n\n## Situation")
    let story = try Self.parse(text)
    #expect(!story.text(of: .situation).contains("Nightly sales load"))
  }

  @Test("labelled lines such as 'Source: …' inside ## Pipeline start its parts")
  func labelledPipelineParts() throws {
    let text =
      validStory + """

        ## Pipeline

        Requirement: a daily sales dashboard.
        Source: the orders API
        and the SAP exports.
        - **Logic**: join orders to customers.
        * **Target:** the sales warehouse.
        Scheduler: cron, every night.

        ## Notes
        Source: not a pipeline part here.
        """
    let story = try Self.parse(text)
    let pipeline = try #require(story.pipeline)
    #expect(pipeline[.requirement]?.text == "a daily sales dashboard.")
    #expect(pipeline[.source]?.text == "the orders API\nand the SAP exports.")
    #expect(pipeline[.source]?.line == 22)
    #expect(pipeline[.logic]?.text == "join orders to customers.")
    #expect(pipeline[.destination]?.text == "the sales warehouse.")
    #expect(pipeline[.scheduler]?.text == "cron, every night.")
    #expect(story.notes?.text == "Source: not a pipeline part here.")
  }

  @Test("a 'Source:' line outside the Pipeline section is ordinary text")
  func labelOutsidePipeline() throws {
    let text = replacing(
      "Sales figures were copied by hand every morning.",
      with: "Sales figures were copied by hand.\nSource: a spreadsheet.")
    let story = try Self.parse(text)
    #expect(story.pipeline == nil)
    #expect(
      story.text(of: .situation) == "Sales figures were copied by hand.\nSource: a spreadsheet.")
  }

  @Test("a pipeline part given twice is reported, not silently overwritten")
  func duplicatePipelinePart() {
    let text = validStory + "\n## Pipeline\n\n### Source\nSAP.\n\n### Source\nOracle.\n"
    let problems = Self.problems(text)
    #expect(problems.contains { $0.line == 24 && $0.message.contains("second") })
  }

  @Test("a misspelt pipeline part is one problem: its text is not also reported as stray")
  func misspeltPartReportedOnce() {
    let text = validStory + "\n## Pipeline\n\n### Sorce\nSAP exports.\n"
    let problems = Self.problems(text)
    #expect(problems.first?.line == 21)
    #expect(problems.count == 1, "got: \(problems.map(\.description))")
  }

  static func exampleText() throws -> String {
    let text = try #require(String(data: try Data(contentsOf: exampleURL), encoding: .utf8))
    #expect(!text.contains("\r"), "the example is LF text")
    return text
  }

  @Test("a file with CRLF line endings reads like the same file with LF endings")
  func crlf() throws {
    let text = try Self.exampleText()
    let lf = try Self.parse(text)
    let crlf = try Self.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(crlf == lf)
    #expect(!(crlf.star.values.contains { $0.text.contains("\r") }))
  }

  @Test("a file starting with a UTF-8 byte-order mark reads like the file without it")
  func byteOrderMark() throws {
    let text = try Self.exampleText()
    #expect(try Self.parse("\u{FEFF}" + text) == Self.parse(text))
  }

  // MARK: - Writing

  /// The content of a story, without the lines its sections happen to be at.
  static func content(_ story: Story) -> [String] {
    let header = [
      story.title, story.competencies.map(\.rawValue).joined(separator: ","),
      story.tags.joined(separator: "|"), story.date ?? "no date",
    ]
    let star = StarPart.allCases.map { part in
      story.star[part].map { section in "\(part): \(section.text)" } ?? "\(part): none"
    }
    let pipeline = PipelinePart.allCases.map { part in
      guard let sections = story.pipeline else { return "no pipeline" }
      return sections[part].map { section in "\(part): \(section.text)" } ?? "\(part): none"
    }
    return header + star + pipeline + [story.notes?.text ?? "no notes"]
  }

  @Test("render then parse gives back the example story's content")
  func renderRoundTripExample() throws {
    let story = try Self.example()
    let rendered = StoryFile.render(story)
    let reread = try StoryFile.parse(rendered, file: story.file, slug: story.slug)
    #expect(Self.content(reread) == Self.content(story))
  }

  @Test(
    "render quotes what YAML would misread, so any title and tags round-trip",
    arguments: [
      "Plain title", "Fixing: the 2 a.m. pager", "\"Quoted\" win", "#1 priority",
      "- a dash first", "? a question mark first", "yes", "No", "null", "~", "3.14", "1e3",
      "[draft] migration", "{braces}", "50% faster", "C# & F# at scale", "back\\slash path",
      "It's a 'quote'", "Café résumé — ünïcode", "ends with colon:", "*starred*",
    ])
  func renderRoundTripTitles(title: String) throws {
    let story = Story(
      slug: "s", title: title, competencies: [.conflict, .failure],
      tags: [title, "SQL Server", "a, b"], date: "2024-02-29",
      star: [
        .situation: StorySection(text: "Line one.\n\nLine two.", line: 0),
        .task: StorySection(text: "", line: 0),
        .result: StorySection(text: "Saved 30%.", line: 0),
      ],
      pipeline: [.source: StorySection(text: "SAP", line: 0)],
      notes: StorySection(text: "Remember the pager.", line: 0))
    let reread = try Self.parse(StoryFile.render(story))
    #expect(reread.title == title)
    #expect(reread.tags == [title, "SQL Server", "a, b"])
    #expect(Self.content(reread) == Self.content(story))
  }

  // MARK: - Slugs and dates

  @Test(
    "a title gives a slug of lowercase ASCII words joined by single hyphens",
    arguments: [
      ("Control-tower dashboard pipeline", "control-tower-dashboard-pipeline"),
      ("Fixing the 2 a.m. pager!!", "fixing-the-2-a-m-pager"),
      ("  --Leading & trailing--  ", "leading-trailing"),
      ("Node.js & C++ rewrite (2021)", "node-js-c-rewrite-2021"),
      ("ALL CAPS TITLE", "all-caps-title"),
      ("under_scores/and\\slashes", "under-scores-and-slashes"),
      ("", "story"),
      ("!!! ???", "story"),
      ("数据迁移 🚀", "story"),
    ])
  func slugForTitle(title: String, slug: String) {
    #expect(Story.slug(forTitle: title) == slug)
    #expect(Story.isValidSlug(Story.slug(forTitle: title)))
  }

  @Test("letters outside ASCII are left out of the slug; the ASCII words stay")
  func unicodeSlug() {
    for title in ["Café migration", "Über-fast ETL", "Naïve 🚀 migration"] {
      let slug = Story.slug(forTitle: title)
      #expect(Story.isValidSlug(slug), "\(title) → \(slug)")
      #expect(slug.hasSuffix("migration") || slug.hasSuffix("etl"), "\(title) → \(slug)")
    }
  }

  @Test("a long title's slug stops at the last whole word within 60 characters")
  func longTitleSlug() {
    // Nine letters and a hyphen per word: six words are 59 characters, seven are 69.
    let words = "abcdefghijkl".map { String(repeating: $0, count: 9) }
    let slug = Story.slug(forTitle: words.joined(separator: " "))
    #expect(slug == words.prefix(6).joined(separator: "-"))
    #expect(slug.count == 59)
  }

  @Test("a title of one word longer than 60 letters still gives a slug from its letters")
  func longSingleWordSlug() {
    let word = String(repeating: "x", count: 70)
    let slug = Story.slug(forTitle: word)
    #expect(slug == String(repeating: "x", count: 60))
    #expect(Story.isValidSlug(slug))
  }

  @Test(
    "a valid slug is lowercase letters, digits and single inner hyphens, at most 80 long",
    arguments: [
      ("control-tower", true), ("a", true), ("2021-q3-migration", true),
      (String(repeating: "a", count: 80), true), (String(repeating: "a", count: 81), false),
      ("", false), ("-leading", false), ("trailing-", false), ("double--hyphen", false),
      ("Upper", false), ("under_score", false), ("with space", false), ("café", false),
      ("../etc", false), ("a.md", false),
    ])
  func validSlug(slug: String, valid: Bool) {
    #expect(Story.isValidSlug(slug) == valid)
  }

  @Test(
    "a story date is a real calendar day written YYYY-MM-DD",
    arguments: [
      ("2023-06-30", true), ("2024-02-29", true), ("2000-02-29", true), ("2023-02-29", false),
      ("1900-02-29", false), ("2023-02-30", false), ("2023-04-31", false), ("2023-13-01", false),
      ("2023-00-10", false), ("2023-01-00", false), ("2023-1-01", false), ("23-01-01", false),
      ("2023/01/01", false), ("", false),
    ])
  func storyDate(text: String, valid: Bool) {
    #expect(StoryDate.isValid(text) == valid)
  }
}
