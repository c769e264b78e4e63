import Foundation

extension Rehearse {
  /// `rehearse story list`: every story, with its last rehearsal; files that do not parse are
  /// reported on standard error (exit 65) and the others still listed.
  public static func storyList(_ request: StoryRequest, archive: some SessionArchive) throws
    -> CommandOutput
  {
    let contents = try request.library.load()
    let rehearsals = StoryReports.lastRehearsals(
      try archive.answers(withQuestionIDPrefix: StoryRehearsal.questionID(slug: "")))
    let rows = StoryReports.listed(contents.stories, rehearsals: rehearsals)
    let text: String
    switch request.format {
    case .json: text = JSONOutput.encode(rows)
    case .text:
      text = StoryReports.listText(
        rows, rehearsals: rehearsals, style: request.style, timeZone: request.timeZone)
    }
    return output(text, problems: contents.problems)
  }

  /// `rehearse story show SLUG`.
  public static func storyShow(_ request: StoryRequest) throws -> CommandOutput {
    let story = try request.library.require(slug: request.slug ?? "")
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(StoryReports.shown(story)))
    case .text: return CommandOutput(StoryReports.showText(story, style: request.style))
    }
  }

  /// `rehearse story check SLUG` (or every story when the request names none): the STAR
  /// analysis. Exits 1 when a story lacks a STAR part, 65 when a file does not parse.
  public static func storyCheck(_ request: StoryRequest) throws -> CommandOutput {
    let stories: [Story]
    var problems: [StoryFileError] = []
    if let slug = request.slug {
      stories = [try request.library.require(slug: slug)]
    } else {
      let contents = try request.library.load()
      stories = contents.stories
      problems = contents.problems
    }
    let analyses = stories.map { ($0, StarAnalyzer.analyze($0)) }
    let text: String
    switch request.format {
    case .json:
      let checked = analyses.map { StoryReports.checked($0.0, $0.1) }
      text = request.slug == nil ? JSONOutput.encode(checked) : JSONOutput.encode(checked[0])
    case .text:
      text =
        analyses.isEmpty && problems.isEmpty
        ? "No stories yet. Add one with 'rehearse story add'."
        : analyses.map { StoryReports.checkText($0.0, $0.1, style: request.style) }
          .joined(separator: "\n\n")
    }
    var result = output(text, problems: problems)
    if result.status == .success && analyses.contains(where: { !$0.1.star.isComplete }) {
      result.status = .checkFailed
    }
    return result
  }

  /// `rehearse story coverage`: competencies × stories, the gaps, and the bank questions that ask
  /// for each gap: those no story answers, and those a story answers through another competency.
  public static func storyCoverage(_ request: StoryRequest, bank source: BankSource) throws
    -> CommandOutput
  {
    let contents = try request.library.load()
    let bank = try source.load()
    let coverage = StoryReports.coverage(contents.stories, questions: bank.questions)
    let text: String
    switch request.format {
    case .json: text = JSONOutput.encode(coverage)
    case .text:
      text = StoryReports.coverageText(coverage, questions: bank.questions, style: request.style)
    }
    return output(text, problems: contents.problems)
  }

  /// `rehearse story add --from FILE`: checks the file and saves it as the story `slug` (by
  /// default from its title); never replaces a story.
  public static func storyAdd(_ request: StoryRequest, from path: String) throws -> CommandOutput {
    let url = URL(fileURLWithPath: path)
    let text = try StoryFile.text(atPath: path)
    let parsed = try StoryFile.parse(text, file: path, slug: request.slug ?? "story")
    // The file's own name when it is a valid slug (the user chose it), else one from the title.
    let fileSlug = url.deletingPathExtension().lastPathComponent
    let slug =
      request.slug ?? (Story.isValidSlug(fileSlug) ? fileSlug : Story.slug(forTitle: parsed.title))
    // The text is saved as written: the user's own layout is kept.
    let saved = try request.library.add(text, slug: slug)
    var story = parsed
    story.slug = slug
    story.file = saved.path
    return added(story, style: request.style)
  }

  /// `rehearse story add`: asks for each part of a story, then saves it.
  ///
  /// Each part may take several lines and ends at an empty line (or a line holding `.`); Ctrl-D
  /// leaves a part out. Ctrl-C stops, and nothing is saved. `today` dates the story.
  public static func storyAdd(
    _ request: StoryRequest, input: inout some FormInput, today: Date,
    show: (String) -> Void
  ) throws -> CommandOutput {
    let style = request.style
    show(
      style.bold("New story.") + " Each part ends at an empty line; Ctrl-D leaves a part out; "
        + "Ctrl-C stops without saving.")
    var title = ""
    while title.isEmpty {
      switch input.read(prompt: "Title › ") {
      case .line(let line): title = line.trimmedWhitespace
      case .end: throw StoryCommandError.inputEnded
      case .interrupt: throw StoryCommandError.cancelled
      }
    }
    var competencies: [Competency] = []
    show(style.dim("Competencies: " + Competency.allCases.map(\.rawValue).joined(separator: ", ")))
    while competencies.isEmpty {
      let line: String
      switch input.read(prompt: "Competencies (comma-separated) › ") {
      case .line(let text): line = text
      case .end: throw StoryCommandError.inputEnded
      case .interrupt: throw StoryCommandError.cancelled
      }
      var unknown: [String] = []
      for name in line.split(separator: ",").map({ String($0).trimmedWhitespace.lowercased() })
      where !name.isEmpty {
        if let competency = Competency(rawValue: name) {
          if !competencies.contains(competency) { competencies.append(competency) }
        } else {
          unknown.append(name)
        }
      }
      if !unknown.isEmpty {
        competencies = []
        let hints = unknown.map { name in
          closestKey(to: name, among: Competency.allCases.map(\.rawValue)).map {
            "'\(name)' (did you mean '\($0)'?)"
          } ?? "'\(name)'"
        }
        show(style.yellow("Unknown: ") + hints.joined(separator: ", ") + "; try again.")
      } else if competencies.isEmpty {
        show(style.yellow("Name at least one competency."))
      }
    }
    var tagLine = ""
    switch input.read(prompt: "Tags (comma-separated, optional) › ") {
    case .line(let text): tagLine = text
    case .end: break
    case .interrupt: throw StoryCommandError.cancelled
    }
    let tags = tagLine.split(separator: ",").map { String($0).trimmedWhitespace }.filter {
      !$0.isEmpty
    }

    var story = Story(
      slug: request.slug ?? Story.slug(forTitle: title), title: title,
      competencies: competencies, tags: tags,
      date: StoryDate.string(from: today, timeZone: request.timeZone))
    for part in StarPart.allCases {
      show("\n" + style.bold(part.heading) + style.dim(" — " + part.purpose))
      if let text = try readPart(&input) { story.star[part] = StorySection(text: text, line: 0) }
    }
    show("")
    if competencies.contains(.pipelineBuilt) || askYesNo(&input, "A pipeline story? [y/N] › ") {
      var pipeline: [PipelinePart: StorySection] = [:]
      for part in PipelinePart.allCases {
        show("\n" + style.bold(part.heading) + style.dim(" — " + part.purpose))
        if let text = try readPart(&input) { pipeline[part] = StorySection(text: text, line: 0) }
      }
      story.pipeline = pipeline
    }
    let text = StoryFile.render(story)
    guard text.utf8.count <= StoryFile.maximumBytes else {
      throw StoryCommandError.storyTooLong(bytes: text.utf8.count)
    }
    // What is saved must read back: checked here rather than trusted.
    let reread = try StoryFile.parse(text, file: story.slug + ".md", slug: story.slug)
    let saved = try request.library.add(text, slug: story.slug)
    var final = reread
    final.file = saved.path
    return added(final, style: style)
  }

  /// The lines of one part, up to an empty line; `nil` when left out.
  static func readPart(_ input: inout some FormInput) throws -> String? {
    var lines: [String] = []
    while true {
      switch input.read(prompt: lines.isEmpty ? "› " : "… ") {
      case .line(let line):
        let trimmed = line.trimmedWhitespace
        if trimmed.isEmpty || trimmed == "." {
          if lines.isEmpty && trimmed.isEmpty { continue }
          return lines.isEmpty ? nil : lines.joined(separator: "\n")
        }
        lines.append(AnswerDraft.removingControlCharacters(line))
      case .end:
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
      case .interrupt:
        throw StoryCommandError.cancelled
      }
    }
  }

  private static func askYesNo(_ input: inout some FormInput, _ prompt: String) -> Bool {
    guard case .line(let line) = input.read(prompt: prompt) else { return false }
    return ["y", "yes"].contains(line.trimmedWhitespace.lowercased())
  }

  private static func added(_ story: Story, style: TextStyle) -> CommandOutput {
    let feedback = StarAnalyzer.analyze(story)
    return CommandOutput(
      style.green("Added") + " \(story.slug) (\(TerminalText.safe(story.file))).\n\n"
        + StoryReports.checkText(story, feedback, style: style))
  }

  /// `rehearse story rm SLUG`: deletes the story once `confirm` agrees.
  public static func storyRemove(_ request: StoryRequest, confirm: (Story) -> Bool) throws
    -> CommandOutput
  {
    let slug = request.slug ?? ""
    let library = request.library
    // A story whose file does not parse can still be removed.
    guard Story.isValidSlug(slug) else { throw StoryLibraryError.invalidSlug(slug) }
    let story: Story
    do {
      story = try library.require(slug: slug)
    } catch let failure as StoryFileFailure {
      guard FileManager.default.fileExists(atPath: library.file(for: slug).path) else {
        throw failure
      }
      story = Story(slug: slug, title: "(a file that does not parse)", competencies: [])
    }
    guard confirm(story) else { return CommandOutput("Kept \(slug): nothing removed.") }
    try library.remove(slug: slug)
    return CommandOutput("Removed \(slug).")
  }

  /// The draft copy `story edit` opens in the editor: beside the story, private.
  public static func storyEditDraft(_ request: StoryRequest) throws -> URL {
    let slug = request.slug ?? ""
    let library = request.library
    guard Story.isValidSlug(slug) else { throw StoryLibraryError.invalidSlug(slug) }
    let original = library.file(for: slug)
    let text: String
    do throws(TextFileError) {
      text = try TextFile.read(
        path: original.path, limit: StoryFile.maximumBytes, regularFileOnly: true)
    } catch .missing {
      let slugs = (try? library.load().stories.map(\.slug)) ?? []
      throw StoryLibraryError.unknownStory(
        slug, suggestions: EditDistance.nearest(to: slug, among: slugs))
    } catch {
      throw StoryFileFailure([.unreadable(error)])
    }
    let draft = library.folder.appendingPathComponent(".\(slug).edit.md")
    // A draft left by an earlier failed edit is the user's latest text: keep working on it.
    if !FileManager.default.fileExists(atPath: draft.path) {
      try library.write(text, to: draft)
    }
    return draft
  }

  /// Checks the edited draft and, when it parses, puts it in place of the story; otherwise the
  /// problems are thrown and both the story and the draft are left as they are.
  public static func storyEditFinish(_ request: StoryRequest, draft: URL) throws -> CommandOutput {
    let slug = request.slug ?? ""
    let library = request.library
    let text = try StoryFile.text(atPath: draft.path, inLibrary: true)
    var story = try StoryFile.parse(text, file: draft.path, slug: slug)
    let original = library.file(for: slug)
    let unchanged = (try? StoryFile.text(atPath: original.path, inLibrary: true)) == text
    if !unchanged { try library.replace(slug: slug, with: text) }
    try? FileManager.default.removeItem(at: draft)
    story.file = original.path
    let feedback = StarAnalyzer.analyze(story)
    return CommandOutput(
      (unchanged ? "No change to \(slug)." : request.style.green("Saved") + " \(slug).") + "\n\n"
        + StoryReports.checkText(story, feedback, style: request.style))
  }

  /// `rehearse story rehearse SLUG`: a timed retelling at the countdown prompt, compared with
  /// the stored story and saved like a mock answer.
  public static func storyRehearse(
    _ request: RehearsalRequest, archive: some SessionArchive, input: inout some SessionInput,
    startTime: Date, show: @escaping (String, SessionChannel) -> Void
  ) throws -> SessionTranscript {
    if let minutes = request.minutes, !(0.05...60).contains(minutes) {
      throw StoryCommandError.invalidMinutes(minutes)
    }
    let story = try request.story.library.require(slug: request.story.slug ?? "")
    let seconds = Int(((request.minutes ?? 3) * 60).rounded())
    let id = StoryRehearsal.questionID(slug: story.slug)
    let question = Question(
      id: id, component: .behavioural, kind: .behavioural,
      prompt: StoryRehearsal.prompt(for: story),
      difficulty: 1, minutes: max(1, seconds / 60), tags: story.tags,
      hints: StarPart.allCases.compactMap { part in
        guard let section = story.star[part], !section.isEmpty else { return nil }
        let words = TokenizedText(section.text)
        let opening = words.words(in: words.tokens.indices.prefix(6))
        return "\(part.heading): “\(opening) …”"
      },
      modelAnswer: "", competencies: story.competencies,
      location: SourceLocation(file: story.file, line: 1))
    let plan = SessionPlan(
      items: [.init(questionID: id, component: .behavioural, limitSeconds: seconds)],
      sessionLimitSeconds: seconds, seed: 0, rehearsedStory: story.slug)
    var machine = SessionMachine(plan: plan, questions: [question], mode: request.mode)
    input.sessionBegins()
    let sessionID = try archive.createSession(
      plan: plan, startedAt: startTime, bank: request.story.library.folder.path)
    try archive.claim(session: sessionID)
    show(
      request.story.style.bold("Rehearsal of \(story.slug)")
        + " (session \(sessionID)): \(SessionText.clock(Double(seconds))) to tell it. "
        + ":hint shows the opening of the next part.", .conversation)
    let runner = SessionRunner(
      style: request.story.style, grader: Grader(story: story, question: question), show: show)
    return try runner.run(
      &machine, sessionID: sessionID, startedAt: startTime, startTime: startTime, input: &input,
      archive: archive)
  }

  private static func output(_ text: String, problems: [StoryFileError]) -> CommandOutput {
    guard !problems.isEmpty else { return CommandOutput(text) }
    let count = Set(problems.map(\.file)).count
    return CommandOutput(
      text, status: .dataError,
      standardError: problems.map(\.description) + [
        "rehearse: error: \(count) story file\(count == 1 ? "" : "s") could not be read and "
          + "\(count == 1 ? "was" : "were") left out"
      ])
  }
}
