import Foundation
import RehearseCore
import Testing

@Suite("Text that cannot drive the terminal")
struct TerminalTextTests {
  @Test(
    "controls, DEL and the bidirectional controls are shown as visible stand-ins; the rest is kept",
    arguments: [
      ("one\u{1B}[2J database", "one^[[2J database"),
      ("\u{1B}]0;title\u{07}", "^[]0;title^G"),
      ("\u{1B}]8;;https://x.example\u{1B}\\link", "^[]8;;https://x.example^[\\link"),
      ("nul\u{0}", "nul^@"),
      ("back\u{8}space", "back^Hspace"),
      ("delete\u{7F}", "delete^?"),
      ("csi\u{9B}2J", "csi<U+009B>2J"),
      ("next\u{85}line", "next<U+0085>line"),
      ("abc\u{202E}fed\u{202C}", "abc<U+202E>fed<U+202C>"),
      ("\u{202A}\u{202B}\u{202D}", "<U+202A><U+202B><U+202D>"),
      ("\u{2066}\u{2067}\u{2068}x\u{2069}", "<U+2066><U+2067><U+2068>x<U+2069>"),
      ("\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"),
      ("over\rwrite", "over^Mwrite"),
      ("windows\r\nline", "windows\nline"),
      ("tab\tand\nnewline", "tab\tand\nnewline"),
      ("é 日本 👩‍💻 ü\u{301} — “quoted”", "é 日本 👩‍💻 ü\u{301} — “quoted”"),
      ("", ""),
    ])
  func neutralised(text: String, shown: String) {
    #expect(TerminalText.safe(text) == shown)
  }

  @Test(
    "exactly the C0 and C1 controls but tab and newline, DEL and the bidi controls are replaced")
  func replacedSet() {
    let bidi = Set<UInt32>([0x061C, 0x200E, 0x200F]).union(0x202A...0x202E).union(0x2066...0x2069)
    for value in UInt32(0)...0x2FFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let control =
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
      #expect(TerminalText.isReplaced(scalar) == (control || bidi.contains(value)), "U+\(value)")
    }
  }

  /// Text holding an erase-screen sequence, a window-title sequence, a one-byte CSI and a
  /// right-to-left override.
  static let hostile = "one\u{1B}[2J database \u{1B}]0;pwned\u{07} \u{9B}31m \u{202E}desrever"

  /// Whether `text` holds anything a terminal acts on, once the colour codes `TextStyle` adds
  /// (`ESC [ n m`) are taken out.
  static func drivesTerminal(_ text: String) -> Bool {
    let unstyled = text.replacing(/\x{1B}\[[0-9]+m/, with: "")
    return unstyled.unicodeScalars.contains(where: TerminalText.isReplaced)
  }

  static let location = SourceLocation(file: "bank.yaml", line: 1)

  static let question = Question(
    id: "q-hostile", component: .databaseConcepts, kind: .open, prompt: hostile, difficulty: 1,
    minutes: 2, tags: [hostile], hints: [hostile], followUps: [hostile], modelAnswer: hostile,
    location: location)

  static let scored = ScoredAnswer(
    question: "q-hostile", score: 40, band: .weak,
    hits: [.init(point: hostile, weight: 1, required: false, evidence: [hostile])],
    misses: [
      .init(point: hostile, weight: 1, required: true, credit: 0.5, evidence: [hostile]),
      .init(point: hostile, weight: 1, required: false, credit: 0, evidence: []),
    ],
    misconceptions: [
      .init(
        label: hostile, correction: hostile, evidence: [hostile], penalty: 5, kind: .stated)
    ], cappedByRequired: true,
    execution: ExecutionReport(
      language: .sql, outcome: .failed,
      checks: [.init(name: hostile, passed: false, expected: hostile, actual: hostile)],
      message: hostile, code: hostile,
      rows: .init(
        expectedColumns: [hostile], actualColumns: [hostile], expectedRowCount: 1,
        actualRowCount: 1, missing: [[hostile]], unexpected: [[hostile]]), rowAgreement: 0))

  /// A session of one answer, scored `scored`, whose text tries Markdown structure.
  static func transcript(_ scored: ScoredAnswer) -> SessionTranscript {
    let answer = AnswerRecord(
      position: 0, questionID: "q-hostile", component: .databaseConcepts, prompt: hostile,
      text: hostile + "\n===\n# not a heading\n1. not a list\n<b>not bold</b>\n| not | a table |",
      outcome: .answered, startedAt: Date(timeIntervalSince1970: 0),
      answeredAt: Date(timeIntervalSince1970: 60), hintsUsed: 1, scored: scored)
    return SessionTranscript(
      id: 1,
      plan: SessionPlan(
        items: [.init(questionID: "q-hostile", component: .databaseConcepts, limitSeconds: 120)],
        sessionLimitSeconds: 120, seed: 1),
      startedAt: Date(timeIntervalSince1970: 0), endedAt: Date(timeIntervalSince1970: 60),
      ending: .completed, answers: [answer])
  }

  /// The session, its answer graded by running it (and so shown as code).
  static let transcript = transcript(scored)

  static let styles = [TextStyle.plain, TextStyle(colored: true)]

  @Test("feedback, with its evidence, checks, rows and model answer, shows hostile text safe")
  func feedback() {
    let feedback = Feedback(Self.scored, question: Self.question)
    for style in Self.styles {
      let text = FeedbackText.render(feedback, style: style)
      #expect(!Self.drivesTerminal(text), "\(text)")
      #expect(text.contains("one^[[2J database"))
      #expect(text.contains("<U+202E>desrever"))
    }
    // The colour Rehearse adds itself still works.
    #expect(FeedbackText.render(feedback, style: TextStyle(colored: true)).contains("\u{1B}[1m"))
  }

  @Test("the question, its hints, notices and the draft of a session show hostile text safe")
  func session() {
    var machine = SessionMachine(
      plan: Self.transcript.plan, questions: [Self.question], mode: .terminal)
    let outputs = machine.start(at: Date(timeIntervalSince1970: 0))
    let asked = outputs.compactMap { output -> SessionMachine.AskedQuestion? in
      if case .ask(let asked) = output { return asked }
      return nil
    }
    #expect(asked.count == 1)
    for style in Self.styles {
      var texts = asked.map { SessionText.question($0, mode: .terminal, style: style) }
      texts += asked.map {
        SessionText.continuing($0, draft: Self.hostile, secondsLeft: 30, style: style)
      }
      texts += [
        SessionMachine.Output.hint(Self.hostile, number: 1, of: 1),
        .notice(Self.hostile), .unknownCommand(Self.hostile),
      ].compactMap { SessionText.message($0, style: style) }
      texts.append(SessionText.summary(Self.transcript, style: style))
      for text in texts {
        #expect(!Self.drivesTerminal(text), "\(text)")
      }
    }
  }

  @Test("review, history, bank show and list, and the story views show hostile text safe")
  func reports() {
    let story = Story(
      slug: "hostile", title: Self.hostile, competencies: [.pipelineBuilt], tags: [Self.hostile],
      date: Self.hostile,
      star: Dictionary(
        uniqueKeysWithValues: StarPart.allCases.map {
          ($0, StorySection(text: Self.hostile, line: 1))
        }),
      notes: StorySection(text: Self.hostile, line: 1), file: Self.hostile)
    for style in Self.styles {
      let texts = [
        TranscriptReports.reviewText(
          Self.transcript, questions: ["q-hostile": Self.question], style: style),
        BankReports.showText(Self.question, rubric: nil, style: style),
        BankReports.listText([Self.question], style: style),
        StoryReports.showText(story, style: style),
        StoryReports.checkText(story, StarAnalyzer.analyze(story), style: style),
      ]
      for text in texts {
        #expect(!Self.drivesTerminal(text), "\(text)")
        #expect(text.contains("^[[2J"))
      }
    }
  }

  @Test("the Markdown export escapes the answer so its lines cannot become headings, lists or HTML")
  func markdown() {
    // An answer of words, which Markdown shows as a quotation.
    var prose = Self.scored
    prose.execution = nil
    let markdown = TranscriptReports.markdown(
      Self.transcript(prose), questions: ["q-hostile": Self.question])
    #expect(!Self.drivesTerminal(markdown))
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    // The answer is a block quote whose `===` line is escaped: it stays a paragraph.
    #expect(lines.contains("> \\=\\=\\="))
    #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("> ===") })
    #expect(!lines.contains("==="))
    #expect(lines.contains("> \\# not a heading"))
    #expect(lines.contains("> 1\\. not a list"))
    #expect(lines.contains("> \\<b\\>not bold\\</b\\>"))
    #expect(lines.contains("> \\| not \\| a table \\|"))
  }

  @Test(
    "Markdown escaping keeps structure out of user text",
    arguments: [
      ("one\n===", "> one\n> \\=\\=\\="),
      ("one\n---", "> one\n> \\-\\-\\-"),
      ("12. twelve", "> 12\\. twelve"),
      ("  3. indented", ">   3\\. indented"),
      ("it costs 3.5", "> it costs 3.5"),
      ("&copy; &#x1B;", "> \\&copy; \\&\\#x1B;"),
      ("```\nfence", "> \\`\\`\\`\n> fence"),
      ("esc \u{1B}[2J", "> esc ^\\[\\[2J"),
    ])
  func markdownQuote(text: String, quoted: String) {
    #expect(FeedbackMarkdown.quote(text) == quoted)
  }

  @Test("code in Markdown keeps its lines in a fence it cannot close, safe")
  func markdownCode() {
    #expect(
      FeedbackMarkdown.code("SELECT '\u{1B}[2J';\n```", language: "sql")
        == "````sql\nSELECT '^[[2J';\n```\n````")
  }

  @Test("HTML and JSON carry no control either; JSON keeps the text, escaped")
  func htmlAndJSON() throws {
    let html = TranscriptHTML.render(Self.transcript, questions: ["q-hostile": Self.question])
    #expect(!Self.drivesTerminal(html))
    #expect(html.contains("one^[[2J database"))
    let json = JSONOutput.encode(Feedback(Self.scored, question: Self.question))
    #expect(!Self.drivesTerminal(json))
    #expect(json.contains("one\\u001b[2J database"))
    #expect(json.contains("\\u202edesrever"))
    #expect(json.contains("\\u009b31m"))
    let decoded = try JSONDecoder().decode(
      [String: AnyDecodable].self, from: Data(json.utf8))
    #expect(decoded["model_answer"]?.text == Self.hostile)
  }
}

/// A JSON value whose text, when it is a string, a test reads.
struct AnyDecodable: Decodable {
  var text: String?

  init(from decoder: any Decoder) throws {
    text = try? decoder.singleValueContainer().decode(String.self)
  }
}
