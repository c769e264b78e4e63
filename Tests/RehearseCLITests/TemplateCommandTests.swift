import Foundation
import Testing

/// Behavioural model answers as templates, from the built executable: `score`, `ask` and the
/// review and exports of its session, with the user's stories in `REHEARSE_HOME`.
@Suite("Model answers as templates from the command line", .serialized)
struct TemplateCommandTests {
  static let questionID = "beh-share-a-pipeline-you-built"
  static let answer =
    "At my last job I built a pipeline from InfluxDB into SQL Server for a dashboard.\n"

  @Test("score of a behavioural question prints the note, the placeholders and the fitting story")
  func scorePrintsTemplateAndStory() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let scored = try home.run(["score", Self.questionID], input: Self.answer)
    #expect(scored.status == 0, "\(scored.standardError)")
    let text = scored.standardOutput
    #expect(text.contains("An example of the shape, not your story"))
    #expect(text.contains("[two days]"))
    #expect(text.contains("Your story that fits: Control-tower dashboard pipeline"))
    #expect(text.contains("rehearse story show control-tower-pipeline"))
    #expect(text.contains("Result: The dashboard went live"))
    // The feedback after an answer in a session shows the same.
    let asked = try home.run(["ask", Self.questionID], input: Self.answer + ".\n")
    #expect(asked.status == 0, "\(asked.standardError)")
    #expect(asked.standardOutput.contains("[two days]"))
    #expect(asked.standardOutput.contains("rehearse story show control-tower-pipeline"))

    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          try home.run(["score", Self.questionID, "--format", "json"], input: Self.answer)
            .standardOutput.utf8)) as? [String: Any])
    let feedback = try #require(json["feedback"] as? [String: Any])
    #expect(feedback["model_answer_template"] as? Bool == true)
    #expect((feedback["placeholders"] as? [[String: Any]])?.isEmpty == false)
    #expect(
      (feedback["fitting_story"] as? [String: Any])?["slug"] as? String
        == "control-tower-pipeline")
  }

  @Test("without a fitting story, and beside a damaged one, score still prints the template")
  func scoreWithoutStory() throws {
    let home = SharedHome()
    defer { home.remove() }
    try home.plantStory("broken.md", "---\ntitle: [unclosed\n")
    let scored = try home.run(["score", Self.questionID], input: Self.answer)
    #expect(scored.status == 0, "\(scored.standardError)")
    #expect(scored.standardOutput.contains("[two days]"))
    #expect(!scored.standardOutput.contains("Your story that fits"))
  }

  @Test("an asked behavioural question's review and exports read the stories at review time")
  func reviewAndExportsShowTheStory() throws {
    let home = SharedHome()
    defer { home.remove() }
    let asked = try home.run(["ask", Self.questionID], input: Self.answer + ".\n")
    #expect(asked.status == 0, "\(asked.standardError)")
    #expect(asked.standardOutput.contains("[two days]"))
    #expect(!asked.standardOutput.contains("Your story that fits"))
    // The story added after the session shows in its review: the library is read now.
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let review = try home.run(["review", "last"])
    #expect(review.standardOutput.contains("Your story that fits: Control-tower dashboard"))
    let markdown = try home.run(["export", "last", "--format", "markdown"])
    #expect(markdown.standardOutput.contains("*\\[two days\\]*"))
    #expect(markdown.standardOutput.contains("`rehearse story show control-tower-pipeline`"))
    let html = try home.run(["export", "last", "--format", "html"])
    #expect(html.standardOutput.contains("<mark class=\"placeholder\">two days</mark>"))
    #expect(html.standardOutput.contains("<div class=\"fitting-story\">"))
  }
}
