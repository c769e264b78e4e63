import Foundation
import RehearseCore
import Testing

/// One planted error: the file it goes in, how the file is changed, and what must be reported.
struct PlantedError: CustomTestStringConvertible, Sendable {
  var name: String
  var file: String
  var change: @Sendable (String) -> String
  var line: Int
  var message: String
  /// The file the problem is reported in, when not the changed one.
  var reportedIn: String? = nil

  var testDescription: String { name }

  static let questions = "question-bank/database-concepts.yaml"
  static let rubrics = "rubrics/database-concepts.yaml"
  static let lexicon = "rubrics/lexicon.yaml"

  static func replacing(_ old: String, with new: String) -> @Sendable (String) -> String {
    { text in
      precondition(text.contains(old), "the fixture no longer contains \(old)")
      return text.replacingOccurrences(of: old, with: new)
    }
  }

  static let all: [PlantedError] = [
    PlantedError(
      name: "YAML syntax error", file: questions,
      change: replacing("    difficulty: 1\n", with: "    difficulty: 1\n   minutes: [3\n"),
      line: 18, message: "YAML syntax error"),
    PlantedError(
      name: "misspelt key", file: questions,
      change: replacing("    minutes: 3", with: "    minuts: 3"),
      line: 18, message: "unknown key 'minuts' (did you mean 'minutes'?)"),
    PlantedError(
      name: "unknown component", file: questions,
      change: replacing("component: database-concepts", with: "component: databases"),
      line: 1, message: "unknown component 'databases'"),
    PlantedError(
      name: "question without a rubric", file: rubrics,
      change: { $0.components(separatedBy: "dbc-etl:")[0] },
      line: 14, message: "question 'dbc-etl' has no rubric", reportedIn: questions),
    PlantedError(
      name: "rubric without a question", file: rubrics,
      change: { $0 + "dbc-ghost:\n  points:\n    - label: Boo\n      phrasings: [boo]\n" },
      line: 27, message: "rubric for 'dbc-ghost', but no question has that id"),
    PlantedError(
      name: "empty phrasing", file: rubrics,
      change: replacing("phrasings: [[etl, before load]]", with: "phrasings: [[]]"),
      line: 24, message: "empty phrasing"),
    PlantedError(
      name: "empty term in a phrasing", file: rubrics,
      change: replacing("- [partition, single database]", with: "- [partition, '']"),
      line: 11, message: "empty phrasing"),
    PlantedError(
      name: "weight out of range", file: rubrics,
      change: replacing("weight: 2", with: "weight: 9"),
      line: 4, message: "'weight' is 9; it must be from 0.5 to 5"),
    PlantedError(
      name: "unknown band", file: rubrics,
      change: replacing("band: weak", with: "band: poor"),
      line: 19, message: "'band' is 'poor'; expected one of: weak, adequate, strong"),
    PlantedError(
      name: "unknown credit curve", file: rubrics,
      change: replacing(
        "dbc-sharding:\n  points:", with: "dbc-sharding:\n  curve: steep\n  points:"),
      line: 2, message: "'curve' is 'steep'; expected one of: linear, saturating"),
    PlantedError(
      name: "difficulty out of range", file: questions,
      change: replacing("difficulty: 2", with: "difficulty: 4"),
      line: 6, message: "'difficulty' is 4; it must be from 1 to 3"),
    PlantedError(
      name: "duplicate key", file: questions,
      change: replacing(
        "    kind: open\n    prompt: ETL", with: "    kind: open\n    kind: sql\n    prompt: ETL"),
      line: 15, message: "key 'kind' appears twice"),
    PlantedError(
      name: "missing required key", file: questions,
      change: replacing("    prompt: ETL or ELT?\n", with: ""),
      line: 14, message: "a question has no 'prompt'"),
    PlantedError(
      name: "invalid id", file: questions,
      change: replacing("id: dbc-etl", with: "id: DBC_etl"),
      line: 14, message: "id 'DBC_etl' must be lowercase"),
    PlantedError(
      name: "competencies on an open question", file: questions,
      change: replacing("    minutes: 3\n", with: "    minutes: 3\n    competencies: [conflict]\n"),
      line: 19, message: "only behavioural questions carry competencies"),
    PlantedError(
      name: "lexicon conflict", file: lexicon,
      change: { $0 + "  - [db, data base]\n" },
      line: 6, message: "'db' is already in the synonym group at"),
    PlantedError(
      name: "lexicon conflict between two groups on one line", file: lexicon,
      change: { _ in "synonyms: [[alpha, beta], [beta, gamma]]\n" },
      line: 1, message: "'beta' is already in the synonym group at"),
  ]
}

@Suite("Bank loader")
struct BankLoaderTests {
  @Test("the valid test bank loads")
  func validBank() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    #expect(bank.problems().isEmpty)
    let loaded = try Bank.load(from: bank.root)
    #expect(loaded.questions.map(\.id) == ["dbc-sharding", "dbc-etl"])
    #expect(loaded.rubrics["dbc-sharding"]?.points.first?.required == true)
    #expect(loaded.lexicon.groups.count == 4)
  }

  @Test("each class of error is reported with its file and line", arguments: PlantedError.all)
  func plantedError(_ planted: PlantedError) throws {
    let base = try TestBank()
    let original = try String(contentsOfFile: base.path(planted.file), encoding: .utf8)
    base.remove()
    let bank = try TestBank(replacing: [planted.file: planted.change(original)])
    defer { bank.remove() }
    let problems = bank.problems()
    let matching = problems.filter { $0.message.contains(planted.message) }
    #expect(matching.count == 1, "got: \(problems.map(\.description))")
    let file = bank.path(planted.reportedIn ?? planted.file)
    #expect(matching.first?.location == SourceLocation(file: file, line: planted.line))
    #expect(matching.first?.description.hasPrefix("\(file):\(planted.line): ") == true)
  }

  @Test("a duplicate id in another file names both places")
  func duplicateAcrossFiles() throws {
    let other = """
      component: ci-cd
      questions:
        - id: dbc-etl
          kind: open
          prompt: Again?
          difficulty: 1
          minutes: 2
          model_answer: Yes.
      """
    let bank = try TestBank(replacing: ["question-bank/ci-cd.yaml": other])
    defer { bank.remove() }
    let problems = bank.problems()
    #expect(problems.count == 1)
    // Files are read in name order, so the copy in database-concepts.yaml is the second one.
    #expect(
      problems.first?.location == SourceLocation(file: bank.path(PlantedError.questions), line: 14))
    #expect(
      problems.first?.message.contains("already used at \(bank.path("question-bank/ci-cd.yaml")):3")
        == true)
  }

  @Test("a file that is not UTF-8 text is reported, and the other files still are read")
  func binaryFile() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    try Data([0xFF, 0xFE, 0x00, 0x41]).write(
      to: URL(fileURLWithPath: bank.path("question-bank/ci-cd.yaml")))
    let problems = bank.problems()
    #expect(
      problems.map(\.description) == [
        "\(bank.path("question-bank/ci-cd.yaml")):1: not UTF-8 text (a NUL byte or an invalid "
          + "byte sequence)"
      ])
  }

  @Test("a folder named like a bank file is reported as a folder, missing input")
  func folderAsFile() throws {
    let bank = try TestBank()
    defer { bank.remove() }
    let folder = bank.path("question-bank/extra.yaml")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let problems = bank.problems()
    #expect(problems.map(\.description) == ["\(folder):1: a folder, not a file"])
    #expect(BankLoadFailure(problems: problems).exitStatus == .noInput)
  }

  @Test("all problems of a run are reported together")
  func everyProblemAtOnce() throws {
    let base = try TestBank()
    let questions = try String(contentsOfFile: base.path(PlantedError.questions), encoding: .utf8)
    let rubrics = try String(contentsOfFile: base.path(PlantedError.rubrics), encoding: .utf8)
    base.remove()
    let bank = try TestBank(replacing: [
      PlantedError.questions: questions.replacingOccurrences(of: "minutes: 3", with: "minuts: 3")
        .replacingOccurrences(of: "difficulty: 2", with: "difficulty: 0"),
      PlantedError.rubrics: rubrics.replacingOccurrences(of: "weight: 2", with: "weight: 0")
        .replacingOccurrences(of: "band: weak", with: "band: meh"),
    ])
    defer { bank.remove() }
    #expect(bank.problems().count >= 4)
  }

  @Test("a folder that is not a bank is missing input, exit 66")
  func missingFolder() throws {
    #expect(throws: BankLoadFailure.self) {
      try Bank.load(from: URL(fileURLWithPath: "/nonexistent/bank"))
    }
    do {
      _ = try Bank.load(from: URL(fileURLWithPath: "/nonexistent/bank"))
    } catch {
      #expect(error.exitStatus == .noInput)
    }
  }
}
