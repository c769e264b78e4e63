import Foundation
import RehearseCore
import RehearseStore
import Testing

/// The shipped example story, in the repository.
let exampleStory = RehearseProcess.repository
  .appendingPathComponent("examples/stories/control-tower-pipeline.md")

extension SharedHome {
  var stories: URL { url.appendingPathComponent("stories") }

  /// Writes a story file straight into the library, as a user editing by hand would.
  func plantStory(_ name: String, _ text: String) throws {
    try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: stories.appendingPathComponent(name))
  }

  func json(_ arguments: [String]) throws -> Any {
    let result = try run(arguments + ["--format", "json"])
    return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
  }
}

/// The example story with its Result section taken out.
func exampleWithoutResult() throws -> String {
  let text = try String(contentsOf: exampleStory, encoding: .utf8)
  let start = try #require(text.range(of: "## Result"))
  let end = try #require(text.range(of: "## Pipeline"))
  return String(text[..<start.lowerBound] + text[end.lowerBound...])
}

@Suite("Story library from the command line", .serialized)
struct StoryCommandTests {
  @Test("the example imports, lists, checks complete and shows the competency gaps")
  func exampleWorkflow() throws {
    let home = SharedHome()
    defer { home.remove() }
    let added = try home.run(["story", "add", "--from", exampleStory.path])
    #expect(added.status == 0, "\(added.standardError)")
    #expect(added.standardOutput.contains("Added control-tower-pipeline"))

    let list = try #require(try home.json(["story", "list"]) as? [[String: Any]])
    #expect(list.count == 1)
    #expect(list.first?["slug"] as? String == "control-tower-pipeline")
    #expect((list.first?["competencies"] as? [String])?.contains("pipeline-built") == true)
    #expect((list.first?["words"] as? Int ?? 0) > 200)

    let check = try home.run(["story", "check", "control-tower-pipeline", "--format", "json"])
    #expect(check.status == 0, "\(check.standardOutput)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
    let star = try #require(report["star"] as? [String: Bool])
    #expect(star == ["situation": true, "task": true, "action": true, "result": true])
    let pipeline = try #require(report["pipeline"] as? [String: Bool])
    #expect(pipeline.count == 5 && pipeline.values.allSatisfy { $0 })
    #expect(report["quantified_result"] as? Bool == true)
    #expect(report["findings"] is [String])

    let coverage = try #require(try home.json(["story", "coverage"]) as? [String: Any])
    let gaps = try #require(coverage["gaps"] as? [String])
    #expect(gaps.contains("incident-ownership") && !gaps.contains("pipeline-built"))
    let covered = try #require(coverage["competencies"] as? [String: [String]])
    #expect(covered["pipeline-built"] == ["control-tower-pipeline"])
    let unanswered = try #require(coverage["unanswered"] as? [String: [String]])
    #expect(unanswered["incident-ownership"]?.isEmpty == false)
    let text = try home.run(["story", "coverage"])
    #expect(text.standardOutput.contains("incident-ownership"))
    #expect(text.standardOutput.contains("incident-ownership: asked for by"))
    #expect(!text.standardOutput.contains("leaves unanswered"))
    let inPart = try #require(coverage["covered_in_part"] as? [String: [String]])
    let answered = Set(inPart["incident-ownership"] ?? [])
    #expect(
      answered.isDisjoint(with: unanswered["incident-ownership"] ?? []),
      "a question is either answered by no story or by one through another competency")
  }

  @Test("stories are private: the folder is 0700 and each file 0600")
  func privateFiles() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let folder = try FileManager.default.attributesOfItem(atPath: home.stories.path)
    #expect((folder[.posixPermissions] as? Int) == 0o700)
    let file = try FileManager.default.attributesOfItem(
      atPath: home.stories.appendingPathComponent("control-tower-pipeline.md").path)
    #expect((file[.posixPermissions] as? Int) == 0o600)
  }

  @Test("a story without a Result is reported by check, with exit 1")
  func missingResult() throws {
    let home = SharedHome()
    defer { home.remove() }
    try home.plantStory("no-result.md", try exampleWithoutResult())
    let check = try home.run(["story", "check", "no-result", "--format", "json"])
    #expect(check.status == 1)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
    #expect((report["star"] as? [String: Bool])?["result"] == false)
    #expect(
      (report["findings"] as? [String])?.contains { $0.contains("No Result section") } == true)
  }

  @Test("broken front matter is named with file:line while list still shows the others")
  func brokenFileDoesNotHideOthers() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    try home.plantStory(
      "broken.md", "---\ntitle: Broken\ncompetencies: conflict: [x\n---\n## Task\nx\n")
    let list = try home.run(["story", "list"])
    #expect(list.status == 65)
    #expect(list.standardOutput.contains("control-tower-pipeline"))
    #expect(list.standardError.contains("broken.md:3:"), "\(list.standardError)")
    let all = try home.run(["story", "check", "--all"])
    #expect(all.status == 65)
    #expect(all.standardOutput.contains("control-tower-pipeline"))
    #expect(all.standardError.contains("broken.md:3:"))
  }

  @Test("add refuses a malformed file and an existing slug, and saves nothing over anything")
  func addRefusals() throws {
    let home = SharedHome()
    defer { home.remove() }
    let bad = home.url.appendingPathComponent("bad.md")
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    try Data("---\ntitle: x\ncompetencies: [confict]\n---\n## Situation\nx\n".utf8).write(to: bad)
    let refused = try home.run(["story", "add", "--from", bad.path])
    #expect(refused.status == 65)
    #expect(refused.standardError.contains("bad.md:3: unknown competency 'confict'"))
    #expect(refused.standardError.contains("did you mean 'conflict'"))
    #expect(
      !FileManager.default.fileExists(atPath: home.stories.appendingPathComponent("bad.md").path))

    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let saved = home.stories.appendingPathComponent("control-tower-pipeline.md")
    let before = try Data(contentsOf: saved)
    let other = home.url.appendingPathComponent("control-tower-pipeline.md")
    try Data(try exampleWithoutResult().utf8).write(to: other)
    let clash = try home.run(["story", "add", "--from", other.path])
    #expect(clash.status == 73)
    #expect(clash.standardError.contains("exists already"))
    #expect(try Data(contentsOf: saved) == before)
    let renamed = try home.run(["story", "add", "--from", other.path, "--slug", "second"])
    #expect(renamed.status == 0, "\(renamed.standardError)")

    let missing = try home.run(["story", "add", "--from", "/nonexistent/story.md"])
    #expect(missing.status == 66)
  }

  @Test("unknown slugs are usage errors that suggest the nearest story")
  func unknownSlug() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let shown = try home.run(["story", "show", "control-tower"])
    #expect(shown.status == 64)
    #expect(shown.standardError.contains("did you mean 'control-tower-pipeline'"))
    #expect(try home.run(["story", "check", "../etc/passwd"]).status == 64)
    #expect(try home.run(["story", "rehearse", "nothing-here"]).status == 64)
  }

  @Test("typed at the prompt, a story is saved with every part and checks complete")
  func interactiveAdd() throws {
    let home = SharedHome()
    defer { home.remove() }
    let lines = [
      "Late data fixed for good", "data-quality, incident-ownrship",
      "data-quality,incident-ownership",
      "Airflow, Kafka",
      "At my last company the nightly Kafka to warehouse load often arrived late.", "",
      "I was asked to own the fix before quarter end.", "",
      "I traced the delay to one slow consumer, I split the topic into 12 partitions and I added "
        + "a freshness alert.", "",
      "As a result the load finished 3 hours earlier and late-data incidents dropped to zero.", "",
      "n",
    ]
    let result = try home.run(["story", "add"], input: lines.joined(separator: "\n") + "\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("did you mean 'incident-ownership'"))
    let story = try String(
      contentsOf: home.stories.appendingPathComponent("late-data-fixed-for-good.md"),
      encoding: .utf8)
    #expect(story.contains("competencies: [data-quality, incident-ownership]"))
    #expect(story.contains("## Result"))
    let check = try home.run(["story", "check", "late-data-fixed-for-good"])
    #expect(check.status == 0, "\(check.standardOutput)")
    #expect(check.standardOutput.contains("quantified"))
  }

  @Test("input that ends before the competencies saves nothing and exits 66")
  func interactiveAddEndsEarly() throws {
    let home = SharedHome()
    defer { home.remove() }
    let result = try home.run(["story", "add"], input: "A title\n")
    #expect(result.status == 66)
    #expect(result.standardError.contains("nothing was saved"))
    let saved = (try? FileManager.default.contentsOfDirectory(atPath: home.stories.path)) ?? []
    #expect(saved.isEmpty)
  }

  @Test("edit replaces the story only with a file that parses, and keeps a broken draft")
  func edit() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let saved = home.stories.appendingPathComponent("control-tower-pipeline.md")
    let original = try String(contentsOf: saved, encoding: .utf8)

    // An editor that breaks the front matter.
    let breaking = ["EDITOR": "sed -i 's/^competencies:.*/competencies: [nonsense]/'"]
    let broken = try RehearseProcess.run(
      ["story", "edit", "control-tower-pipeline"],
      environment: home.environment.merging(breaking) { $1 })
    #expect(broken.status == 65)
    #expect(broken.standardError.contains(".control-tower-pipeline.edit.md:3: unknown competency"))
    #expect(try String(contentsOf: saved, encoding: .utf8) == original)
    let draft = home.stories.appendingPathComponent(".control-tower-pipeline.edit.md")
    #expect(FileManager.default.fileExists(atPath: draft.path))

    // The next edit opens the kept draft; this editor repairs it and retitles the story.
    let repairing = [
      "EDITOR":
        "sed -i -e 's/^competencies:.*/competencies: [pipeline-built]/' -e 's/^title:.*/title: Retitled/'"
    ]
    let fixed = try RehearseProcess.run(
      ["story", "edit", "control-tower-pipeline"],
      environment: home.environment.merging(repairing) { $1 })
    #expect(fixed.status == 0, "\(fixed.standardError)")
    let edited = try String(contentsOf: saved, encoding: .utf8)
    #expect(edited.contains("title: Retitled"))
    #expect(edited.contains("competencies: [pipeline-built]"))
    #expect(!FileManager.default.fileExists(atPath: draft.path))
    let attributes = try FileManager.default.attributesOfItem(atPath: saved.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test("rm asks first: without a terminal or --yes nothing is removed")
  func remove() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let saved = home.stories.appendingPathComponent("control-tower-pipeline.md")
    let kept = try home.run(["story", "rm", "control-tower-pipeline"])
    #expect(kept.status == 0)
    #expect(kept.standardOutput.contains("nothing removed"))
    #expect(FileManager.default.fileExists(atPath: saved.path))
    #expect(try home.run(["story", "rm", "control-tower-pipeline", "--yes"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: saved.path))
  }

  @Test("a piped rehearsal is scored against the story and reviewable as the last session")
  func pipedRehearsal() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    let retelling = """
      At a manufacturing site the business needed a control-tower dashboard per production batch, \
      with data in SAP, InfluxDB and the Oracle LIMS.
      My task was to build the pipeline into a SQL Server warehouse.
      I queried InfluxDB by batch time ranges and downsampled to one minute, I reverse engineered \
      the LIMS model and wrote a direct join with a delta load, and I scheduled it daily with cron \
      on Kubernetes, monitored in Grafana.
      As a result the LIMS extraction went from 1 day to under 1 hour.
      .

      """
    let run = try home.run(["story", "rehearse", "control-tower-pipeline"], input: retelling)
    #expect(run.status == 0, "\(run.standardError)")
    let review = try #require(try home.json(["review", "last"]) as? [String: Any])
    let answer = try #require((review["answers"] as? [[String: Any]])?.first)
    #expect(answer["question"] as? String == "story:control-tower-pipeline")
    #expect((answer["score"] as? Int ?? 0) >= 40)
    let hits = (answer["hits"] as? [[String: Any]])?.compactMap { $0["point"] as? String } ?? []
    #expect(hits.contains("Fact: InfluxDB"))
    let misses = (answer["misses"] as? [[String: Any]])?.compactMap { $0["point"] as? String } ?? []
    #expect(misses.contains { $0.hasPrefix("Fact: 80") }, "left out: \(misses)")
    let star = try #require(answer["star"] as? [String: Any])
    #expect((star["star"] as? [String: Bool])?.values.allSatisfy { $0 } == true)

    let list = try #require(try home.json(["story", "list"]) as? [[String: Any]])
    #expect(list.first?["last_score"] as? Int == answer["score"] as? Int)
    // A rehearsal is not a mock to resume.
    #expect(try home.run(["mock", "--resume"]).status == 66)
  }

  @Test(":stories in a mock lists the stories that fit the question, best first")
  func storiesCommand() throws {
    let home = SharedHome()
    defer { home.remove() }
    #expect(try home.run(["story", "add", "--from", exampleStory.path]).status == 0)
    #expect(
      try home.run(["story", "add", "--from", exampleStory.path, "--slug", "second-copy"])
        .status == 0)
    try home.plantStory(
      "unrelated.md",
      "---\ntitle: A disagreement\ncompetencies: [conflict]\n---\n## Situation\nA colleague.\n")
    let run = try home.run(
      ["ask", "beh-share-a-pipeline-you-built"], input: ":stories\nI built one.\n.\n")
    #expect(run.status == 0, "\(run.standardError)")
    let listed = try #require(
      run.standardError.components(separatedBy: "Stories that fit").dropFirst().first)
    #expect(listed.contains("control-tower-pipeline"))
    #expect(listed.contains("second-copy"))
    #expect(!listed.prefix(400).contains("unrelated"))
    // ":stories" is a command, not part of the answer.
    #expect(try home.savedAnswers().first?.text == "I built one.")
  }

  @Test(":stories offers a story whose words meet the question's only by stem")
  func storiesByStem() throws {
    let home = SharedHome()
    defer { home.remove() }
    try home.plantStory(
      "two-warehouses.md",
      "---\ntitle: Two warehouses\ncompetencies: [conflict]\n---\n## Action\n"
        + "I designed both warehouses and argued for one of the approaches.\n")
    let run = try home.run(
      ["ask", "beh-data-warehouse-design-approach"], input: ":stories\nI built one.\n.\n")
    #expect(run.status == 0, "\(run.standardError)")
    let listed = try #require(
      run.standardError.components(separatedBy: "Stories that fit").dropFirst().first,
      "\(run.standardError)")
    #expect(listed.contains("two-warehouses"))
    #expect(listed.contains("shares approach, design, warehouse"))
  }

  @Test("a behavioural answer in a mock gets STAR feedback beside its rubric score")
  func behaviouralAnswerGetsStarFeedback() throws {
    let home = SharedHome()
    defer { home.remove() }
    let answer =
      "We had a late pipeline. I rebuilt the load and the delay went from 3 hours to 20 minutes.\n.\n"
    let run = try home.run(
      ["mock", "--component", "behavioural", "--count", "1", "--seed", "1"], input: answer)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("STAR"))
    let review = try #require(try home.json(["review", "last"]) as? [String: Any])
    let saved = try #require((review["answers"] as? [[String: Any]])?.first)
    #expect(saved["star"] is [String: Any])
  }
}
