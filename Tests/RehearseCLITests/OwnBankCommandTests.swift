import Foundation
import RehearseCore
import Testing

extension SharedHome {
  var ownBank: URL { url.appendingPathComponent("bank") }

  /// The own bank's files, by path relative to it, with their bytes.
  func ownFiles() throws -> [String: Data] {
    var files: [String: Data] = [:]
    for folder in ["question-bank", "rubrics"] {
      let url = ownBank.appendingPathComponent(folder)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
        files[folder + "/" + name] = try Data(contentsOf: url.appendingPathComponent(name))
      }
    }
    return files
  }

  /// Writes a file into the own bank by hand, as a user editing it would.
  func plantOwn(_ relative: String, _ text: String) throws {
    let url = ownBank.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// `bank add` with every field as a flag and no editor.
  func addOwn(
    prompt: String, modelAnswer: String, tags: [String] = [], extra: [String] = []
  ) throws -> RehearseProcess.Result {
    try run(
      [
        "bank", "add", "--no-edit", "--component", "cloud-platforms", "--prompt", prompt,
        "--model-answer-file", "-",
      ] + tags.flatMap { ["--tag", $0] } + extra,
      input: modelAnswer)
  }
}

/// A shipped question every test can rely on.
private let shippedID = "dbc-sharding-vs-partitioning"

private let lifecyclePrompt = "How do S3 lifecycle rules cut storage cost?"
private let lifecycleAnswer =
  "Lifecycle rules move objects to cheaper storage classes such as Infrequent Access and "
  + "Glacier after a number of days, and expire old versions, so cold data stops costing "
  + "standard storage prices."

@Suite("Own questions from the command line", .serialized)
struct OwnBankCommandTests {
  @Test("a question added under a scripted editor is asked by mock, scored and reviewed")
  func addAskScoreReview() throws {
    let home = SharedHome()
    defer { home.remove() }
    let answerFile = home.url.appendingPathComponent("answer.txt")
    try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
    try Data(lifecycleAnswer.utf8).write(to: answerFile)
    // The editor gets both drafts in one run; this one raises the difficulty and adds a hint.
    let editor = [
      "EDITOR": "sed -i -e 's/difficulty: 2/difficulty: 3/' -e 's/^    minutes: 5/    minutes: 4/'"
    ]
    let added = try RehearseProcess.run(
      [
        "bank", "add", "--component", "cloud-platforms", "--prompt", lifecyclePrompt,
        "--model-answer-file", answerFile.path, "--tag", "aws", "--tag", "s3",
      ],
      environment: home.environment.merging(editor) { $1 })
    #expect(added.status == 0, "\(added.standardError)")
    let id = "own-how-do-s3-lifecycle-rules-cut"
    #expect(added.standardOutput.contains("Saved your question \(id)"))
    let question = home.ownBank.appendingPathComponent("question-bank/\(id).yaml")
    let rubric = home.ownBank.appendingPathComponent("rubrics/\(id).yaml")
    let saved = try String(contentsOf: question, encoding: .utf8)
    #expect(saved.contains("difficulty: 3") && saved.contains("minutes: 4"))
    #expect(saved.contains("tags: [aws, s3]"))
    for file in [question, rubric] {
      let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
    #expect(
      (try? FileManager.default.contentsOfDirectory(atPath: home.ownBank.path + "/.drafts"))?
        .isEmpty ?? true, "the drafts are removed once saved")

    let listed = try #require(try home.json(["bank", "list"]) as? [[String: Any]])
    let own = listed.filter { $0["source"] as? String == "own" }
    #expect(own.map { $0["id"] as? String } == [id])
    #expect(listed.first { $0["id"] as? String == shippedID }?["source"] as? String == "bank")

    let mock = try home.run(["mock", "--question", id], input: lifecycleAnswer + "\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    let answers = try home.savedAnswers()
    #expect(answers.map(\.questionID) == [id])
    #expect((answers.first?.scored.score ?? 0) >= 80, "the model answer scores strong")

    let score = try home.run(["score", id, "--format", "json"], input: "Glacier")
    #expect(score.status == 0, "\(score.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(score.standardOutput.utf8)) as? [String: Any])
    #expect(report["question"] as? String == id)
    #expect(report["band"] as? String == "weak", "one word of the model answer")

    let review = try home.run(["review", "last"])
    #expect(review.status == 0, "\(review.standardError)")
    #expect(review.standardOutput.contains(id))
    #expect(review.standardOutput.contains(lifecyclePrompt))

    // A fresh own question does not make bank test fail.
    let test = try home.run(["bank", "test", "--no-semantic"])
    #expect(test.status == 0, "\(test.standardOutput)")
  }

  @Test("bank add reads its form from piped standard input")
  func pipedForm() throws {
    let home = SharedHome()
    defer { home.remove() }
    let form =
      [
        "nonsense", "cloud-platforms", lifecyclePrompt, "", lifecycleAnswer, "", "aws, s3", "1",
        "7",
      ].joined(separator: "\n") + "\n"
    let added = try home.run(["bank", "add", "--no-edit", "--id", "own-lifecycle"], input: form)
    #expect(added.status == 0, "\(added.standardError)")
    #expect(added.standardError.contains("'nonsense' is not a component"))
    let shown = try #require(try home.json(["bank", "show", "own-lifecycle"]) as? [String: Any])
    #expect(shown["component"] as? String == "cloud-platforms")
    #expect(shown["prompt"] as? String == lifecyclePrompt)
    #expect(shown["model_answer"] as? String == lifecycleAnswer)
    #expect(shown["tags"] as? [String] == ["aws", "s3"])
    #expect(shown["difficulty"] as? Int == 1 && shown["minutes"] as? Int == 7)
    #expect(shown["source"] as? String == "own")

    // Ids never clash: a second question with the same prompt is numbered, and --id of a
    // shipped question is refused.
    #expect(try home.addOwn(prompt: lifecyclePrompt, modelAnswer: lifecycleAnswer).status == 0)
    #expect(try home.addOwn(prompt: lifecyclePrompt, modelAnswer: lifecycleAnswer).status == 0)
    let ids = Set(try home.ownFiles().keys)
    #expect(ids.contains("question-bank/own-how-do-s3-lifecycle-rules-cut.yaml"))
    #expect(ids.contains("question-bank/own-how-do-s3-lifecycle-rules-cut-2.yaml"))
    let clash = try home.addOwn(
      prompt: "Another", modelAnswer: "Answer", extra: ["--id", shippedID])
    #expect(clash.status == 64)
    #expect(clash.standardError.contains("question id '\(shippedID)' is already used at"))
  }

  @Test("an editor that leaves a broken draft: exit 65, the drafts kept, nothing saved")
  func brokenDraft() throws {
    let home = SharedHome()
    defer { home.remove() }
    let breaking = ["EDITOR": "sed -i 's/^    minutes: 5/    minutes: five/'"]
    let result = try RehearseProcess.run(
      [
        "bank", "add", "--component", "cloud-platforms", "--prompt", lifecyclePrompt,
        "--model-answer-file", "-",
      ],
      input: Data(lifecycleAnswer.utf8), environment: home.environment.merging(breaking) { $1 })
    #expect(result.status == 65)
    let draft = home.ownBank.appendingPathComponent(
      ".drafts/own-how-do-s3-lifecycle-rules-cut/question-bank/own-how-do-s3-lifecycle-rules-cut.yaml"
    )
    #expect(result.standardError.contains(draft.path + ":8: 'minutes' must be a whole number"))
    #expect(result.standardError.contains("your edits are kept at \(draft.path)"))
    #expect(try String(contentsOf: draft, encoding: .utf8).contains(lifecycleAnswer))
    #expect(try home.ownFiles().isEmpty)

    // The kept draft is taken up again, fixed, and saved.
    let fixing = ["EDITOR": "sed -i 's/minutes: five/minutes: 6/'"]
    let resumed = try RehearseProcess.run(
      ["bank", "add", "--resume", "own-how-do-s3-lifecycle-rules-cut"],
      environment: home.environment.merging(fixing) { $1 })
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(try home.ownFiles().count == 2)
  }

  static let brokenFiles: [(name: String, text: String, message: String)] = [
    (
      "bad-yaml.yaml",
      "component: cloud-platforms\nquestions:\n  - id: own-bad\n    prompt: [oops\n",
      ":5: YAML syntax error"
    ),
    (
      "wrong-type.yaml",
      """
      component: cloud-platforms
      questions:
        - id: own-typed
          kind: open
          prompt: What is S3?
          difficulty: 2
          minutes: five
          model_answer: Object storage.

      """, ":7: 'minutes' must be a whole number"
    ),
    (
      "clash.yaml",
      """
      component: cloud-platforms
      questions:
        - id: \(shippedID)
          kind: open
          prompt: What is S3?
          difficulty: 2
          minutes: 5
          model_answer: Object storage.

      """, ":3: question id '\(shippedID)' is already used at "
    ),
  ]

  @Test(
    "a broken own-bank file is reported as file:line and the shipped bank still works",
    arguments: brokenFiles)
  func brokenOwnFile(file: (name: String, text: String, message: String)) throws {
    let home = SharedHome()
    defer { home.remove() }
    // A good own question beside the broken file stays usable.
    #expect(try home.addOwn(prompt: lifecyclePrompt, modelAnswer: lifecycleAnswer).status == 0)
    try home.plantOwn("question-bank/" + file.name, file.text)
    let path = home.ownBank.appendingPathComponent("question-bank/" + file.name).path

    let stats = try home.run(["bank", "stats", "--format", "json"])
    #expect(stats.status == 0, "\(stats.standardError)")
    #expect(stats.standardError.contains(path + file.message), "\(stats.standardError)")
    let counts = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
    let bare = SharedHome()
    defer { bare.remove() }
    let shipped = try #require(try bare.json(["bank", "stats"]) as? [String: Any])
    #expect(counts["questions"] as? Int == (shipped["questions"] as? Int ?? 0) + 1)

    let mock = try home.run(["mock", "--question", shippedID], input: "Shards are separate.\n")
    #expect(mock.status == 0, "\(mock.standardError)")
    #expect(try home.savedAnswers().map(\.questionID) == [shippedID])
    let score = try home.run(["score", shippedID], input: "Shards are separate databases.")
    #expect(score.status == 0, "\(score.standardError)")
    #expect(score.standardError.contains(path + file.message))

    let lint = try home.run(["bank", "lint"])
    #expect(lint.status == 65)
    #expect(lint.standardError.contains(path + file.message))
    let test = try home.run(["bank", "test", "--no-semantic"])
    #expect(test.status == 65)
    // The bank named as a DIR is checked alone, as before.
    let alone = try home.run(["bank", "lint", RehearseProcess.repository.path])
    #expect(alone.status == 0, "\(alone.standardError)")
  }

  @Test("export then import into another home round-trips; a clashing import changes nothing")
  func exportImport() throws {
    let home = SharedHome()
    let other = SharedHome()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-export-\(UUID().uuidString)")
    defer {
      home.remove()
      other.remove()
      try? FileManager.default.removeItem(at: folder)
    }
    #expect(
      try home.addOwn(prompt: lifecyclePrompt, modelAnswer: lifecycleAnswer, tags: ["aws"])
        .status == 0)
    #expect(
      try home.addOwn(
        prompt: "What does BigQuery charge for?",
        modelAnswer: "BigQuery charges for bytes scanned by queries and for storage.",
        tags: ["gcp"]
      ).status == 0)

    let exported = try home.run(["bank", "export", folder.path])
    #expect(exported.status == 0, "\(exported.standardError)")
    let check = try other.run(["bank", "import", folder.path, "--check"])
    #expect(check.status == 0, "\(check.standardError)")
    #expect(try other.ownFiles().isEmpty, "--check imports nothing")
    let imported = try other.run(["bank", "import", folder.path])
    #expect(imported.status == 0, "\(imported.standardError)")
    #expect(try other.ownFiles() == home.ownFiles())
    #expect(try other.ownFiles().count == 4)

    // The same again clashes with the own questions: refused, nothing changed; --replace takes it.
    let before = try other.ownFiles()
    let again = try other.run(["bank", "import", folder.path])
    #expect(again.status == 65)
    #expect(again.standardError.contains("--replace replaces it"))
    #expect(try other.ownFiles() == before)
    #expect(try other.run(["bank", "import", folder.path, "--replace"]).status == 0)
    #expect(try other.ownFiles() == before)

    // Only the tagged question; a shipped id is always refused, even with --replace.
    let tagged = folder.appendingPathComponent("tagged")
    #expect(try home.run(["bank", "export", tagged.path, "--tag", "gcp"]).status == 0)
    let taggedFiles = try FileManager.default.contentsOfDirectory(
      atPath: tagged.appendingPathComponent("question-bank").path)
    #expect(taggedFiles == ["own-what-does-bigquery-charge-for.yaml"])
    let questionFile = tagged.appendingPathComponent(
      "question-bank/own-what-does-bigquery-charge-for.yaml")
    let rubricFile = tagged.appendingPathComponent("rubrics/own-what-does-bigquery-charge-for.yaml")
    for file in [questionFile, rubricFile] {
      let text = try String(contentsOf: file, encoding: .utf8)
      try Data(
        text.replacingOccurrences(of: "own-what-does-bigquery-charge-for", with: shippedID).utf8
      ).write(to: file)
    }
    let shipped = try other.run(["bank", "import", tagged.path, "--replace"])
    #expect(shipped.status == 65)
    #expect(shipped.standardError.contains("the shipped bank: never replaced"))
    #expect(try other.ownFiles() == before)
  }
}
