import Foundation
import RehearseCore
import Testing

/// Behavioural model answers shown as templates: the note, the numbers as placeholders, and the
/// candidate's best-fitting story, the same in every rendering of the one feedback model.
@Suite("Model answers as templates")
struct ModelAnswerTemplateTests {
  static let location = SourceLocation(file: "question-bank/test.yaml", line: 1)

  /// A behavioural question whose model answer is someone's story with someone's numbers.
  static let behavioural = Question(
    id: "beh-pipeline", component: .behavioural, kind: .behavioural,
    prompt: "Share about a data pipeline that you built, end to end.", difficulty: 2, minutes: 5,
    tags: ["pipeline-story", "etl", "orchestration", "warehouse"],
    modelAnswer: """
      Analysts needed one dashboard. I built the pipeline from three sources into a warehouse.
      The nightly load went from 4 hours to 20 minutes, a 40% saving, and the review took
      about two days less.
      """,
    competencies: [.pipelineBuilt, .stakeholderRequirements], location: location)

  /// A system-design estimate: its numbers are the answer, not an invented story.
  static let estimate = Question(
    id: "sd-estimate", component: .systemDesign, kind: .open,
    prompt: "Estimate the throughput.", difficulty: 2, minutes: 5,
    modelAnswer: """
      Each player sends one event every 5 seconds, so 2 million players give 400,000 events a
      second, about 40% of them at peak. I would size Kafka for 3x that.
      """, location: location)

  /// A SQL question: numbers inside code are code.
  static let sql = Question(
    id: "sql-top", component: .sqlPython, kind: .sql, prompt: "Top 10 games by revenue.",
    difficulty: 2, minutes: 5,
    modelAnswer: """
      SELECT game_id, SUM(amount) AS revenue FROM purchases
      GROUP BY game_id ORDER BY revenue DESC LIMIT 10;

      The LIMIT keeps the 10 games with the most revenue, after 2 aggregations.
      """, location: location)

  static func scored(_ question: Question) -> ScoredAnswer {
    ScoredAnswer(
      question: question.id, score: 50, band: .adequate, hits: [], misses: [], misconceptions: [],
      cappedByRequired: false)
  }

  static func feedback(_ question: Question, stories: [Story] = []) -> Feedback {
    Feedback(scored(question), question: question, stories: stories)
  }

  /// Each rendering of `feedback`: text, Markdown, HTML and JSON.
  static func renderings(_ feedback: Feedback) -> (
    text: String, markdown: String, html: String, json: [String: Any]
  ) {
    let json =
      (try? JSONSerialization.jsonObject(with: Data(JSONOutput.encode(feedback).utf8)))
      as? [String: Any] ?? [:]
    return (
      FeedbackText.render(feedback, style: .plain),
      FeedbackMarkdown.lines(feedback).joined(separator: "\n"),
      FeedbackHTML.lines(feedback).joined(separator: "\n"), json
    )
  }

  @Test("a behavioural model answer carries the note and its numbers as placeholders")
  func behaviouralAnswerIsATemplate() throws {
    let feedback = Self.feedback(Self.behavioural)
    let shown = Self.renderings(feedback)
    let quantities = ["three sources", "4 hours", "20 minutes", "40%", "two days"]
    #expect(feedback.placeholders.map(\.text) == quantities)

    #expect(shown.text.contains(ModelAnswerTemplate.note.prefix(30)))
    #expect(shown.markdown.contains(ModelAnswerTemplate.note.prefix(30)))
    #expect(shown.html.contains(FeedbackHTML.escape(ModelAnswerTemplate.note)))
    for quantity in quantities {
      #expect(shown.text.contains("[\(quantity)]"), "text marks \(quantity)")
      #expect(
        shown.markdown.contains("*\\[\(FeedbackMarkdown.inline(quantity))\\]*"),
        "Markdown marks \(quantity)")
      #expect(
        shown.html.contains("<mark class=\"placeholder\">\(quantity)</mark>"),
        "HTML marks \(quantity)")
    }
    // The note comes once, where the model answer starts.
    #expect(shown.text.components(separatedBy: "An example of the shape").count == 2)
    let modelStart = try #require(shown.text.range(of: "Model answer"))
    let noteStart = try #require(shown.text.range(of: "An example of the shape"))
    #expect(modelStart.upperBound <= noteStart.lowerBound)

    // JSON keeps the model answer's string as the contract, and says where the numbers are.
    #expect(shown.json["model_answer"] as? String == Self.behavioural.modelAnswer)
    #expect(shown.json["model_answer_template"] as? Bool == true)
    let placeholders = try #require(shown.json["placeholders"] as? [[String: Any]])
    let scalars = Array(Self.behavioural.modelAnswer.unicodeScalars)
    for placeholder in placeholders {
      let start = try #require(placeholder["start"] as? Int)
      let end = try #require(placeholder["end"] as? Int)
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[start..<end])
      #expect(String(slice) == placeholder["text"] as? String)
    }
  }

  @Test(
    "a non-behavioural model answer with numbers is shown unchanged in every format",
    arguments: [estimate, sql])
  func otherAnswersAreUnchanged(_ question: Question) {
    let feedback = Self.feedback(question)
    let shown = Self.renderings(feedback)
    #expect(!feedback.modelAnswerTemplate)
    #expect(feedback.placeholders.isEmpty)
    #expect(
      shown.text.contains(
        FeedbackText.shown(Feedback.modelAnswerParts(of: question), width: TextStyle.plain.width)))
    for part in Feedback.modelAnswerParts(of: question) {
      switch part {
      case .prose(let text):
        #expect(shown.markdown.contains(FeedbackMarkdown.quote(text)))
        #expect(shown.html.contains("<div class=\"model\">\(FeedbackHTML.escape(text))</div>"))
      case .code(let code, let language):
        #expect(shown.markdown.contains(FeedbackMarkdown.code(code, language: language.rawValue)))
        #expect(shown.html.contains(FeedbackHTML.code(code, language: language.rawValue)))
      case .nothing: break
      }
    }
    for rendering in [shown.text, shown.markdown, shown.html] {
      #expect(!rendering.contains("An example of the shape"))
      #expect(!rendering.contains("[10]") && !rendering.contains("[40%]"))
    }
    #expect(!shown.html.contains("<mark"))
    #expect(shown.json["model_answer"] as? String == question.modelAnswer)
    #expect(shown.json["model_answer_template"] as? Bool == false)
    #expect((shown.json["placeholders"] as? [Any])?.isEmpty == true)
  }

  @Test("placeholder offsets count Unicode scalars, whatever comes before")
  func offsetsAreScalars() {
    let text = "At the café 👩‍💻 we saved €40k and cut 3 jobs."
    let placeholders = ModelAnswerTemplate.placeholders(in: text)
    #expect(placeholders.map(\.text) == ["€40k", "3 jobs"])
    let scalars = Array(text.unicodeScalars)
    for placeholder in placeholders {
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[placeholder.start..<placeholder.end])
      #expect(String(slice) == placeholder.text)
    }
    // Nothing is marked in a text without quantities; a bare year is no quantity.
    #expect(ModelAnswerTemplate.placeholders(in: "In 2021 I led the migration.").isEmpty)
  }

  @Test("the shipped bank's behavioural model answers are all templates, the others none")
  func shippedBank() throws {
    let bank = try Bank.load(from: Repository.root)
    let behavioural = bank.questions.filter { $0.kind == .behavioural }
    #expect(!behavioural.isEmpty)
    for question in bank.questions {
      #expect(ModelAnswerTemplate.applies(to: question) == (question.kind == .behavioural))
    }
    let pipeline = try #require(bank.question(id: "beh-share-a-pipeline-you-built"))
    #expect(
      ModelAnswerTemplate.placeholders(in: pipeline.modelAnswer).map(\.text).contains("two days"))
  }

  // MARK: - The best-fitting story

  /// A temporary `REHEARSE_HOME` with the example story imported as `story add --from` does.
  static func homeWithExampleStory() throws -> URL {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-template-\(UUID().uuidString)")
    let example = Repository.root.appendingPathComponent(
      "examples/stories/control-tower-pipeline.md")
    _ = try Rehearse.storyAdd(StoryRequest(home: home), from: example.path)
    return home
  }

  @Test("a fitting story is shown beside the model answer in every format")
  func fittingStoryIsShown() throws {
    let home = try Self.homeWithExampleStory()
    defer { try? FileManager.default.removeItem(at: home) }
    let feedback = Self.feedback(Self.behavioural, stories: StoryLibrary.stories(home: home))
    let story = try #require(feedback.fittingStory)
    #expect(story.slug == "control-tower-pipeline")
    #expect(story.competencies.starts(with: ["pipeline-built", "stakeholder-requirements"]))
    #expect(story.result.hasPrefix("The dashboard went live"))
    let shown = Self.renderings(feedback)
    #expect(shown.markdown.contains(FeedbackMarkdown.inline("Control-tower dashboard pipeline")))
    for rendering in [shown.text, shown.html] {
      #expect(rendering.contains("Control-tower dashboard pipeline"))
    }
    for rendering in [shown.text, shown.markdown, shown.html] {
      #expect(rendering.contains("rehearse story show control-tower-pipeline"))
      #expect(rendering.contains("The dashboard went live"))
    }
    let json = try #require(shown.json["fitting_story"] as? [String: Any])
    #expect(json["slug"] as? String == "control-tower-pipeline")
  }

  @Test("no story, or none that fits, shows nothing")
  func noFittingStory() throws {
    #expect(Self.feedback(Self.behavioural, stories: []).fittingStory == nil)
    let unrelated = Story(
      slug: "team-conflict", title: "A disagreement about code style", competencies: [.conflict],
      tags: ["review"],
      star: [.result: StorySection(text: "We agreed a style guide.", line: 1)])
    let feedback = Self.feedback(Self.behavioural, stories: [unrelated])
    #expect(feedback.fittingStory == nil)
    #expect(!FeedbackText.render(feedback, style: .plain).contains(FittingStory.heading))
    // A non-behavioural question never shows a story, even one that shares its words.
    let home = try Self.homeWithExampleStory()
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(
      Self.feedback(Self.estimate, stories: StoryLibrary.stories(home: home)).fittingStory == nil)
  }

  @Test("a damaged story file beside a good one does not break the feedback")
  func damagedStoryIsSkipped() throws {
    let home = try Self.homeWithExampleStory()
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("stories")
    try Data("---\ntitle: [unclosed\n---\n\u{0}binary".utf8).write(
      to: folder.appendingPathComponent("broken.md"))
    try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("garbage.md"))
    let stories = StoryLibrary.stories(home: home)
    #expect(stories.map(\.slug) == ["control-tower-pipeline"])
    #expect(Self.feedback(Self.behavioural, stories: stories).fittingStory != nil)
    // Only damaged files: no story, and the feedback still renders.
    try FileManager.default.removeItem(
      at: folder.appendingPathComponent("control-tower-pipeline.md"))
    let feedback = Self.feedback(Self.behavioural, stories: StoryLibrary.stories(home: home))
    #expect(feedback.fittingStory == nil)
    #expect(FeedbackText.render(feedback, style: .plain).contains("[40%]"))
  }
}
