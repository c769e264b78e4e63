/// The JSON and text forms of the `bank` subcommands' output. The bank's words are shown
/// `TerminalText.safe` in text.
public enum BankReports {
  /// One row of `bank list --format json`.
  public struct ListedQuestion: Codable, Equatable, Sendable {
    public var id: String
    public var component: String
    public var kind: String
    public var difficulty: Int
    public var prompt: String
    /// `own` for a question of the user's own bank, `bank` for one of the shipped (or named) bank.
    public var source: String
  }

  /// `bank stats --format json`.
  public struct Stats: Codable, Equatable, Sendable {
    public var questions: Int
    public var components: [String: Int]
    public var kinds: [String: Int]
    public var difficulties: [String: Int]
    public var rubrics: [String: Int]
    /// Each component's questions by difficulty and by kind.
    public var byComponent: [String: ComponentCounts]
  }

  /// One component's questions counted by difficulty and by kind.
  public struct ComponentCounts: Codable, Equatable, Sendable {
    public var difficulties: [String: Int]
    public var kinds: [String: Int]
  }

  /// A talking point as `bank show --format json` prints it.
  public struct ShownPoint: Codable, Equatable, Sendable {
    public var label: String
    public var weight: Double
    public var required: Bool
    public var phrasings: [[String]]
  }

  /// A misconception as `bank show --format json` prints it.
  public struct ShownMisconception: Codable, Equatable, Sendable {
    public var label: String
    public var phrasings: [[String]]
    public var correction: String
    public var penalty: Double
  }

  /// A graded example as `bank show --format json` prints it.
  public struct ShownExample: Codable, Equatable, Sendable {
    public var band: String
    public var answer: String
    public var note: String?
  }

  /// The rubric as `bank show --format json` prints it.
  public struct ShownRubric: Codable, Equatable, Sendable {
    public var points: [ShownPoint]
    public var misconceptions: [ShownMisconception]
    public var examples: [ShownExample]
  }

  /// `bank show ID --format json`.
  public struct ShownQuestion: Codable, Equatable, Sendable {
    public var id: String
    public var component: String
    public var kind: String
    public var difficulty: Int
    public var minutes: Int
    public var prompt: String
    public var tags: [String]
    public var hints: [String]
    public var followUps: [String]
    public var modelAnswer: String
    /// Whether the model answer is an example of a story's shape (`ModelAnswerTemplate`).
    public var modelAnswerTemplate: Bool
    /// The quantities of a template model answer, as placeholders; empty otherwise.
    public var placeholders: [ModelAnswerTemplate.Placeholder]
    public var competencies: [String]
    /// A `sql` question's fixture and reference query.
    public var sql: SQLExercise?
    /// A `python` question's signature, reference solution and tests.
    public var python: PythonExercise?
    public var file: String
    public var line: Int
    /// `own` or `bank`, as in `ListedQuestion`.
    public var source: String
    public var rubric: ShownRubric?
  }

  /// `own` for a question of the user's own bank, else `bank`.
  public static func source(of question: Question) -> String {
    question.isOwn ? "own" : "bank"
  }

  public static func listed(_ questions: [Question]) -> [ListedQuestion] {
    questions.map {
      ListedQuestion(
        id: $0.id, component: $0.component.rawValue, kind: $0.kind.rawValue,
        difficulty: $0.difficulty, prompt: $0.prompt, source: source(of: $0))
    }
  }

  /// `bank list` as text: the questions under a heading per component, each with its kind,
  /// level, minutes and prompt; the prompt is cut to what the width leaves, or goes under its
  /// row when that is too little.
  public static func listText(_ questions: [Question], style: TextStyle) -> String {
    guard !questions.isEmpty else { return "no questions" }
    var rows = [["ID", "KIND", "LEVEL", "MIN", "PROMPT"]]
    for question in questions {
      rows.append([
        TerminalText.safe(question.id) + (question.isOwn ? " (own)" : ""), question.kind.rawValue,
        String(repeating: "●", count: question.difficulty), "\(question.minutes)",
        TextLayout.truncate(TerminalText.safe(question.prompt), to: style.width),
      ])
    }
    let table = TextLayout.tableRows(rows, width: style.width, flexible: 4)
    let counts = Dictionary(grouping: questions, by: \.component).mapValues(\.count)
    var lines = [style.bold(table[0])]
    var component: Component?
    for (question, row) in zip(questions, table.dropFirst()) {
      if question.component != component {
        component = question.component
        lines.append("")
        lines.append(
          style.bold(question.component.title)
            + style.dim("  \(question.component.rawValue) · \(counts[question.component] ?? 0)"))
      }
      lines.append(row)
    }
    let own = questions.filter(\.isOwn).count
    return lines.joined(separator: "\n") + "\n\n\(questions.count) questions"
      + (own == 0 ? "" : " (\(own) your own)")
  }

  public static func stats(_ bank: Bank) -> Stats {
    var components: [String: Int] = [:]
    var kinds: [String: Int] = [:]
    var difficulties: [String: Int] = [:]
    var byComponent: [String: ComponentCounts] = [:]
    for component in Component.allCases {
      components[component.rawValue] = 0
      byComponent[component.rawValue] = ComponentCounts(difficulties: [:], kinds: [:])
    }
    for question in bank.questions {
      let component = question.component.rawValue
      components[component, default: 0] += 1
      kinds[question.kind.rawValue, default: 0] += 1
      difficulties["\(question.difficulty)", default: 0] += 1
      byComponent[component, default: ComponentCounts(difficulties: [:], kinds: [:])]
        .difficulties["\(question.difficulty)", default: 0] += 1
      byComponent[component]?.kinds[question.kind.rawValue, default: 0] += 1
    }
    let rubrics = bank.rubrics.values
    return Stats(
      questions: bank.questions.count, components: components, kinds: kinds,
      difficulties: difficulties,
      rubrics: [
        "talking_points": rubrics.reduce(0) { $0 + $1.points.count },
        "misconceptions": rubrics.reduce(0) { $0 + $1.misconceptions.count },
        "graded_examples": rubrics.reduce(0) { $0 + $1.examples.count },
        "lexicon_groups": bank.lexicon.groups.count,
      ], byComponent: byComponent)
  }

  public static func statsText(_ stats: Stats, style: TextStyle) -> String {
    let kindColumns: [QuestionKind] = [.sql, .python]
    var rows = [
      ["COMPONENT", "QUESTIONS", "LEVEL 1", "LEVEL 2", "LEVEL 3"]
        + kindColumns.map { $0.rawValue.uppercased() }
    ]
    func counts(_ questions: Int, _ detail: ComponentCounts?) -> [String] {
      ["\(questions)"] + (1...3).map { "\(detail?.difficulties["\($0)"] ?? 0)" }
        + kindColumns.map { "\(detail?.kinds[$0.rawValue] ?? 0)" }
    }
    for component in Component.allCases {
      rows.append(
        [component.rawValue]
          + counts(
            stats.components[component.rawValue] ?? 0, stats.byComponent[component.rawValue]))
    }
    rows.append(
      ["total"]
        + counts(
          stats.questions, ComponentCounts(difficulties: stats.difficulties, kinds: stats.kinds)))
    let kinds = stats.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    let levels = stats.difficulties.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    return TextLayout.table(rows) + "\n\n"
      + "kinds: \(kinds.joined(separator: ", "))\n"
      + "difficulty: \(levels.joined(separator: ", "))\n"
      + TextLayout.fit(
        "rubrics: \(stats.rubrics["talking_points"] ?? 0) talking points, "
          + "\(stats.rubrics["misconceptions"] ?? 0) misconceptions, "
          + "\(stats.rubrics["graded_examples"] ?? 0) graded examples; "
          + "lexicon: \(stats.rubrics["lexicon_groups"] ?? 0) synonym groups", width: style.width)
  }

  public static func shown(_ question: Question, rubric: Rubric?) -> ShownQuestion {
    ShownQuestion(
      id: question.id, component: question.component.rawValue, kind: question.kind.rawValue,
      difficulty: question.difficulty, minutes: question.minutes, prompt: question.prompt,
      tags: question.tags, hints: question.hints, followUps: question.followUps,
      modelAnswer: question.modelAnswer,
      modelAnswerTemplate: ModelAnswerTemplate.applies(to: question),
      placeholders: ModelAnswerTemplate.applies(to: question)
        ? ModelAnswerTemplate.placeholders(in: question.modelAnswer) : [],
      competencies: question.competencies.map(\.rawValue),
      sql: question.sql, python: question.python, file: question.location.file,
      line: question.location.line, source: source(of: question),
      rubric: rubric.map { rubric in
        ShownRubric(
          points: rubric.points.map {
            ShownPoint(
              label: $0.label, weight: $0.weight, required: $0.required,
              phrasings: $0.phrasings.map(\.terms))
          },
          misconceptions: rubric.misconceptions.map {
            ShownMisconception(
              label: $0.label, phrasings: $0.phrasings.map(\.terms), correction: $0.correction,
              penalty: $0.penalty)
          },
          examples: rubric.examples.map {
            ShownExample(band: $0.band.rawValue, answer: $0.answer, note: $0.note)
          })
      })
  }

  /// `bank show` as text in lines of the style's width: prose wrapped, code (the model answer's
  /// code, the fixture, the reference query, the tests) line for line.
  public static func showText(_ question: Question, rubric: Rubric?, style: TextStyle) -> String {
    var lines: [String] = []
    func add(_ line: String) { lines.append(TextLayout.fit(line, width: style.width)) }
    let safe: (String) -> String = TerminalText.safe
    lines.append(style.bold(safe(question.id)))
    add(
      style.dim(
        "\(question.component.rawValue) · \(question.kind.rawValue) · difficulty "
          + "\(question.difficulty) · \(question.minutes) min · "
          + (question.isOwn ? "your own question · " : "") + safe(question.location.description)
      ))
    if !question.tags.isEmpty {
      add(style.dim("tags: " + safe(question.tags.joined(separator: ", "))))
    }
    if !question.competencies.isEmpty {
      add(
        style.dim("competencies: " + question.competencies.map(\.rawValue).joined(separator: ", ")))
    }
    lines.append("")
    lines.append(
      TextLayout.wrap(safe(question.prompt), width: style.width, indent: "", joinLines: true))
    func section(_ title: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      lines.append("")
      lines.append(style.bold(title))
      for (index, item) in items.enumerated() {
        lines.append(
          TextLayout.wrap("\(index + 1). " + safe(item), width: style.width, joinLines: true))
      }
    }
    section("Hints", question.hints)
    section("Follow-ups", question.followUps)
    lines.append("")
    lines.append(style.bold("Model answer"))
    if ModelAnswerTemplate.applies(to: question) {
      add(style.dim("  " + ModelAnswerTemplate.note))
      lines.append(
        FeedbackText.template(
          question.modelAnswer,
          placeholders: ModelAnswerTemplate.placeholders(in: question.modelAnswer), style: style))
    } else {
      lines.append(FeedbackText.shown(Feedback.modelAnswerParts(of: question), width: style.width))
    }
    if let sql = question.sql {
      lines.append("")
      add(
        style.bold("Fixture")
          + style.dim(
            (sql.ordered ? " · rows must be in order" : " · any row order")
              + (sql.columnNames ? " · column names must match" : "")))
      lines.append(TextLayout.indentLines(safe(sql.fixture)))
      lines.append("")
      lines.append(style.bold("Reference query"))
      lines.append(TextLayout.indentLines(safe(sql.referenceQuery)))
    }
    if let python = question.python {
      lines.append("")
      lines.append(style.bold("Signature") + "  " + safe(python.signature))
      lines.append("")
      lines.append(style.bold("Tests"))
      for test in python.tests {
        lines.append("  \(safe(test.call)) == \(safe(test.expected))")
      }
    }
    if let rubric {
      lines.append("")
      lines.append(style.bold("Rubric"))
      for point in rubric.points {
        let required = point.required ? style.yellow(" required") : ""
        add("  • \(safe(point.label))  \(style.dim("weight \(format(point.weight))"))\(required)")
        let phrasings = point.phrasings.map { $0.terms.joined(separator: " + ") }
        add(style.dim("      " + safe(phrasings.joined(separator: " | "))))
      }
      for misconception in rubric.misconceptions {
        add("  ! \(safe(misconception.label))  \(style.dim("−\(format(misconception.penalty))"))")
        add(style.dim("      → \(safe(misconception.correction))"))
      }
      let bands = Band.allCases.reversed().map { band in
        "\(rubric.examples.filter { $0.band == band }.count) \(band.rawValue)"
      }
      add(style.dim("  graded examples: " + bands.joined(separator: ", ")))
    }
    return lines.joined(separator: "\n")
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }
}
