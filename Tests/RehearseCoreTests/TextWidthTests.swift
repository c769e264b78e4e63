import Foundation
import Testing

@testable import RehearseCore

/// Text output laid out for the width it is read at: prose wrapped at spaces, colour codes not
/// counted, code left as written.
@Suite("Output that fits the width")
struct TextWidthTests {
  /// The lines of `text` wider than `width` columns, colour codes not counted.
  static func overflowing(_ text: String, width: Int) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { TextLayout.visibleWidth($0) > width }.map(String.init)
  }

  @Test(
    "the width is the terminal's, else COLUMNS, else 80, within 40 to 100",
    arguments: [
      (true, 120, nil, 100), (true, 72, "200", 72), (true, 30, nil, 40), (true, nil, "66", 66),
      (true, 0, nil, 80), (false, 120, nil, 80), (false, nil, "66", 66), (false, nil, "abc", 80),
      (false, nil, "-5", 80), (false, nil, "140", 100), (false, nil, nil, 80),
    ] as [(Bool, Int?, String?, Int)])
  func widthRule(isTerminal: Bool, columns: Int?, variable: String?, expected: Int) {
    let environment = variable.map { ["COLUMNS": $0] } ?? [:]
    #expect(
      TextStyle.lineWidth(
        isTerminal: isTerminal, terminalColumns: columns, environment: environment) == expected)
    let style = TextStyle.forStream(
      isTerminal: isTerminal, environment: environment, terminalColumns: columns)
    #expect(style.width == expected)
  }

  @Test("colour codes and readline's markers take no columns")
  func visibleWidth() {
    let style = TextStyle(colored: true)
    #expect(TextLayout.visibleWidth(style.bold("abc") + " " + style.red("✓")) == 5)
    #expect(TextLayout.visibleWidth(style.forPrompt.green("12:00")) == 5)
    #expect(TextLayout.pad(style.red("x"), to: 3) == style.red("x") + "  ")
  }

  @Test("a coloured line folds at spaces by its visible width, each line closing its colour")
  func foldKeepsColourPerLine() {
    let style = TextStyle(colored: true)
    let line = "  ✓ a point made  " + style.dim("\"one two three\" … \"four five six seven\"")
    let lines = TextLayout.fold(line, width: 24, hanging: "    ")
    #expect(lines.count > 1)
    for folded in lines {
      #expect(TextLayout.visibleWidth(folded) <= 24, "\(folded)")
    }
    // Every line but the first opens the colour again after its indent, and closes it.
    for folded in lines.dropFirst() where folded.contains("\u{1B}") {
      #expect(folded.hasPrefix("    \u{1B}[2m"), "\(folded.debugDescription)")
    }
    for folded in lines.dropLast() where folded.contains("\u{1B}[2m") {
      #expect(folded.hasSuffix("\u{1B}[0m"), "\(folded.debugDescription)")
    }
    let words = lines.map(TextLayout.stripEscapes).joined(separator: " ")
      .split(separator: " ")
    #expect(words == TextLayout.stripEscapes(line).split(separator: " "), "no word is broken")
  }

  @Test("a word longer than the line is kept whole on a line of its own")
  func longWordStaysWhole() {
    let url = "https://example.com/" + String(repeating: "a", count: 60)
    let lines = TextLayout.fold("see " + url + " for more", width: 40, hanging: "  ")
    #expect(lines == ["see", "  " + url, "  for more"])
  }

  @Test("prose is wrapped, indented lines are kept, and joined lines become paragraphs")
  func wrapRules() {
    let text = """
      The first line of a paragraph written at one width
      goes on here.

      - a list item that is long enough to wrap onto a second line
          indented code stays exactly as it is, however long the line happens to be
      """
    let joined = TextLayout.wrap(text, width: 40, joinLines: true)
    #expect(
      joined == """
          The first line of a paragraph written
          at one width goes on here.

          - a list item that is long enough to
            wrap onto a second line
              indented code stays exactly as it is, however long the line happens to be
        """)
    let kept = TextLayout.wrap("one two\nthree", width: 40)
    #expect(kept == "  one two\n  three", "without joinLines each line stands")
  }

  @Test("a table cuts its flexible column to fit, and no other")
  func tableFits() {
    let rows = [
      ["ID", "COMPONENTS", "STATUS"], ["12", String(repeating: "x", count: 60), "done"],
    ]
    let table = TextLayout.table(rows, width: 40, flexible: 1)
    #expect(Self.overflowing(table, width: 40).isEmpty, "\(table)")
    #expect(table.contains("…") && table.contains("done") && table.contains("12"))
    #expect(TextLayout.table(rows) == TextLayout.table(rows, width: 200, flexible: 1))
  }

  @Test("a code question's model answer is its code line for line, then its explanation")
  func modelAnswerParts() throws {
    let bank = try Bank.load(from: Repository.root)
    for question in bank.questions where question.kind == .sql || question.kind == .python {
      let parts = Feedback.modelAnswerParts(of: question)
      guard parts.count == 2, case .code(let code, _) = parts[0], case .prose(let prose) = parts[1]
      else {
        Issue.record("\(question.id): \(parts)")
        continue
      }
      #expect(question.modelAnswer.hasPrefix(code), "\(question.id)")
      #expect(question.modelAnswer.hasSuffix(prose), "\(question.id)")
      #expect(!prose.contains("\n\n    "), "\(question.id): no code in the prose")
    }
    let open = try bank.requireQuestion(id: "dbc-sharding-vs-partitioning")
    #expect(Feedback.modelAnswerParts(of: open) == [.prose(open.modelAnswer)])
  }

  // MARK: - A whole session

  /// One question of each component, asked in this order.
  static let sessionQuestions = [
    "sql-total-spend-per-player-left-join", "dbc-sharding-vs-partitioning",
    "cicd-unit-vs-data-quality-tests", "dm-fact-vs-dimension-tables",
    "sd-data-warehouse-design-approach", "cloud-vertical-vs-horizontal-scaling",
    "beh-share-a-pipeline-you-built",
  ]

  /// A query that runs but loses the players who never paid: its checks fail and its rows
  /// differ. No line of it, or of its question's model answer, is wider than 60 columns.
  static let query = [
    "SELECT p.player_id, p.username, COUNT(pu.purchase_id),",
    "       COALESCE(SUM(pu.amount), 0)",
    "FROM players p JOIN purchases pu",
    "  ON pu.player_id = p.player_id",
    "GROUP BY p.player_id;",
  ]

  /// A saved session of seven answers, one per component, graded as a session grades them: a
  /// SQL answer run and failed, strong and weak examples of the bank typed as one long line
  /// each, and a told story.
  static func session() throws -> (SessionTranscript, [String: Question]) {
    let bank = try Bank.load(from: Repository.root)
    var lines: [String] = query + ["."]
    for (index, id) in sessionQuestions.dropFirst().enumerated() {
      let examples = bank.rubrics[id]?.examples ?? []
      let band: Band = index.isMultiple(of: 2) ? .strong : .weak
      let example = try #require(examples.first { $0.band == band } ?? examples.first)
      lines += [example.answer.split(whereSeparator: \.isNewline).joined(separator: " "), "."]
    }
    var input = ScriptedInput(
      events: lines.map { (SessionMachine.Event.line($0), 5.0) }, now: SessionRunnerTests.start)
    var request = SessionRunnerTests.request(
      SessionSelection(questionIDs: sessionQuestions, seed: 1))
    request.checker = ExerciseChecker(python: .init(interpreter: .missing(reason: "not needed")))
    let transcript = try Rehearse.mock(
      request, archive: MemoryArchive(), input: &input, startTime: SessionRunnerTests.start
    ) { _, _ in }
    let questions = Dictionary(uniqueKeysWithValues: bank.questions.map { ($0.id, $0) })
    return (transcript, questions)
  }

  @Test("review of a seven-answer session at 80 columns: no line is wider, no word is broken")
  func reviewFits80Columns() throws {
    let (transcript, questions) = try Self.session()
    #expect(transcript.answers.count == 7)
    #expect(transcript.answers.first?.scored.execution?.outcome == .failed)
    let colored = TranscriptReports.reviewText(
      transcript, questions: questions, style: TextStyle(colored: true, width: 80), timeZone: .gmt)
    #expect(colored.split(separator: "\n").count > 200, "a long review")
    #expect(Self.overflowing(colored, width: 80).isEmpty, "\(Self.overflowing(colored, width: 80))")

    // Laid out at 80 columns, the review says word for word what an unwrapped one says.
    let plain = TranscriptReports.reviewText(
      transcript, questions: questions, style: TextStyle(colored: false, width: 80),
      timeZone: .gmt)
    let unwrapped = TranscriptReports.reviewText(
      transcript, questions: questions, style: TextStyle(colored: false, width: 10_000),
      timeZone: .gmt)
    #expect(
      plain.split(whereSeparator: \.isWhitespace) == unwrapped.split(whereSeparator: \.isWhitespace)
    )
    #expect(TextLayout.stripEscapes(colored) == plain)
  }

  @Test("feedback on each answer fits 80 and 60 columns", arguments: [80, 60])
  func feedbackFits(width: Int) throws {
    let (transcript, questions) = try Self.session()
    for answer in transcript.answers {
      let feedback = Feedback(answer, question: questions[answer.questionID])
      let text = FeedbackText.render(feedback, style: TextStyle(colored: true, width: width))
      #expect(
        Self.overflowing(text, width: width).isEmpty,
        "\(answer.questionID): \(Self.overflowing(text, width: width))")
    }
  }
}
