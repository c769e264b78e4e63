import Foundation
import Yams

/// A loaded, validated question bank: the questions, their rubrics and the shared lexicon.
public struct Bank: Sendable {
  /// Questions in component order, then in file order.
  public var questions: [Question]
  public var rubrics: [String: Rubric]
  public var lexicon: Lexicon
  /// The folder the bank was loaded from.
  public var root: URL

  public init(questions: [Question], rubrics: [String: Rubric], lexicon: Lexicon, root: URL) {
    self.questions = questions
    self.rubrics = rubrics
    self.lexicon = lexicon
    self.root = root
  }

  /// The question with `id`, if the bank has it.
  public func question(id: String) -> Question? {
    questions.first { $0.id == id }
  }

  /// Loads and validates the bank under `root`, reporting every problem at once.
  ///
  /// - Throws: `BankLoadFailure` listing each problem as `file:line: message`.
  public static func load(from root: URL) throws(BankLoadFailure) -> Bank {
    let loader = BankLoader(root: root)
    return try loader.load()
  }
}

/// The allowed keys of each part of the format, in the order the documentation gives them.
enum BankKeys {
  static let questionFile = ["component", "questions"]
  static let question = [
    "id", "kind", "prompt", "difficulty", "minutes", "tags", "hints", "follow_ups",
    "model_answer", "competencies", "fixture", "reference_query", "ordered", "column_names",
    "signature", "reference_solution", "tests",
  ]
  static let pythonTest = ["call", "expected"]
  static let sqlKeys = ["fixture", "reference_query", "ordered", "column_names"]
  static let pythonKeys = ["signature", "reference_solution", "tests"]
  static let rubric = ["points", "misconceptions", "examples", "full_credit_at", "negation"]
  static let point = ["label", "weight", "required", "phrasings"]
  static let misconception = ["label", "phrasings", "correction", "penalty"]
  static let example = ["band", "answer", "note"]
  static let lexicon = ["synonyms"]
}

/// Reads a bank folder file by file, collecting problems instead of stopping at the first.
struct BankLoader {
  static let questionFolder = "question-bank"
  static let rubricFolder = "rubrics"
  static let lexiconFile = "lexicon.yaml"
  static let weightRange = 0.5...5.0
  static let penaltyRange = 0.0...50.0
  static let fullCreditRange = 0.1...1.0

  let root: URL
  let problems = ProblemCollector()

  func load() throws(BankLoadFailure) -> Bank {
    let questionsURL = root.appendingPathComponent(Self.questionFolder)
    let rubricsURL = root.appendingPathComponent(Self.rubricFolder)
    guard isDirectory(questionsURL), isDirectory(rubricsURL) else {
      throw BankLoadFailure(problems: [.missingFolder(path: root.path)])
    }

    let lexiconURL = rubricsURL.appendingPathComponent(Self.lexiconFile)
    let hasLexicon = FileManager.default.fileExists(atPath: lexiconURL.path)
    let questionFiles = yamlFiles(in: questionsURL)
    let rubricFiles = yamlFiles(in: rubricsURL).filter {
      $0.lastPathComponent != Self.lexiconFile
    }
    // Reading a file (parsing it, then checking its fields) is most of a load's time and needs
    // nothing from the other files, so every file is read on whichever core is free; the
    // results, and their problems, are then taken in file order, so the messages do not depend
    // on the scheduling. The checks across files follow.
    let files =
      questionFiles.map { FileToRead.questions($0) } + rubricFiles.map { FileToRead.rubrics($0) }
      + (hasLexicon ? [FileToRead.lexicon(lexiconURL)] : [])
    let root = self.root
    let reads = ConcurrentResults<FileRead>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let reader = BankLoader(root: root)
      let content: FileRead.Content =
        switch files[index] {
        case .questions(let url): .questions(reader.readQuestionFile(url))
        case .rubrics(let url): .rubrics(reader.readRubricFile(url))
        case .lexicon(let url): .lexicon(reader.readLexicon(url))
        }
      reads.set(index, FileRead(content: content, problems: reader.problems.problems))
    }
    var questionReads: [([Question], [(String, SourceLocation)])] = []
    var rubricReads: [[Rubric]] = []
    var rubricProblems: [[BankProblem]] = []
    var lexiconRead: (Lexicon, [BankProblem])?
    for read in reads.values {
      switch read.content {
      case .questions(let value):
        for problem in read.problems { problems.add(problem) }
        questionReads.append(value)
      case .rubrics(let value):
        rubricReads.append(value)
        rubricProblems.append(read.problems)
      case .lexicon(let value): lexiconRead = (value, read.problems)
      }
    }

    var questions: [Question] = []
    var firstQuestionLocation: [String: SourceLocation] = [:]
    for (read, idsOfInvalid) in questionReads {
      // A question with problems of its own still owns its rubric: no second, orphan report.
      for (id, location) in idsOfInvalid where firstQuestionLocation[id] == nil {
        firstQuestionLocation[id] = location
      }
      for question in read {
        if let first = firstQuestionLocation[question.id] {
          problems.add(.duplicateID(question.location, id: question.id, first: first))
          continue
        }
        firstQuestionLocation[question.id] = question.location
        questions.append(question)
      }
    }

    for problem in lexiconRead?.1 ?? [] { problems.add(problem) }
    let lexicon = lexiconRead?.0 ?? Lexicon()

    var rubrics: [String: Rubric] = [:]
    for (read, fileProblems) in zip(rubricReads, rubricProblems) {
      for problem in fileProblems { problems.add(problem) }
      for rubric in read {
        if let existing = rubrics[rubric.questionID] {
          problems.add(
            .duplicateRubric(rubric.location, id: rubric.questionID, first: existing.location))
          continue
        }
        rubrics[rubric.questionID] = rubric
      }
    }

    for question in questions where rubrics[question.id] == nil {
      problems.add(.questionWithoutRubric(question.location, id: question.id))
    }
    let rubricsWithoutQuestion = rubrics.values
      .filter { firstQuestionLocation[$0.questionID] == nil }
      .sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    for rubric in rubricsWithoutQuestion {
      problems.add(.rubricWithoutQuestion(rubric.location, id: rubric.questionID))
    }

    guard problems.problems.isEmpty else {
      throw BankLoadFailure(problems: problems.problems)
    }
    let ordered = questions.enumerated().sorted {
      ($0.element.component, $0.offset) < ($1.element.component, $1.offset)
    }.map(\.element)
    return Bank(questions: ordered, rubrics: rubrics, lexicon: lexicon, root: root)
  }

  // MARK: Files

  private func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  private func yamlFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  private func displayPath(_ url: URL) -> String {
    url.path
  }

  // MARK: Questions

  /// The valid questions of a file, and the ids of those that have problems.
  private func readQuestionFile(_ url: URL) -> ([Question], [(String, SourceLocation)]) {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems),
      let fields = FieldReader(
        node, file: file, context: "the question file", allowedKeys: BankKeys.questionFile,
        problems: problems)
    else { return ([], []) }

    let fileName = url.deletingPathExtension().lastPathComponent
    var component = Component(rawValue: fileName)
    if let declared = fields.string("component", required: true) {
      if let declaredComponent = Component(rawValue: declared) {
        if declaredComponent.rawValue != fileName {
          problems.add(
            .componentMismatch(
              fields.location(of: "component"), declared: declared,
              fileName: url.lastPathComponent))
        }
        component = declaredComponent
      } else {
        problems.add(.unknownComponent(fields.location(of: "component"), value: declared))
      }
    }
    guard let items = fields.list("questions", required: true) else { return ([], []) }
    // With the component in doubt (already reported, so the load fails) the questions are still
    // read, so that their own problems are found and their rubrics are not reported as orphans.
    let readComponent = component ?? .sqlPython
    var questions: [Question] = []
    var idsOfInvalid: [(String, SourceLocation)] = []
    for item in items {
      if let question = readQuestion(item, component: readComponent, file: file) {
        questions.append(question)
      } else if let id = item.mapping?["id"]?.string {
        idsOfInvalid.append((id, YAMLFile.location(of: item, file: file)))
      }
    }
    return (questions, idsOfInvalid)
  }

  private func readQuestion(_ node: Node, component: Component, file: String) -> Question? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a question", allowedKeys: BankKeys.question,
        problems: problems)
    else { return nil }
    let id = fields.string("id", required: true)
    if let id, !isValidID(id) {
      problems.add(.invalidID(fields.location(of: "id"), id: id))
    }
    let kind = enumValue(QuestionKind.self, fields, "kind", required: true)
    let prompt = fields.string("prompt", required: true)
    let difficulty = fields.integer("difficulty", required: true, in: 1...3)
    let minutes = fields.integer("minutes", required: true, in: 1...30)
    let tags = fields.strings("tags", required: false) ?? []
    let hints = fields.strings("hints", required: false) ?? []
    let followUps = fields.strings("follow_ups", required: false) ?? []
    let modelAnswer = fields.string("model_answer", required: true)
    var competencies: [Competency] = []
    if let names = fields.strings("competencies", required: kind == .behavioural) {
      if let kind, kind != .behavioural {
        problems.add(
          .notApplicable(
            fields.location(of: "competencies"), key: "competencies",
            reason: "only behavioural questions carry competencies (this one is \(kind.rawValue))"))
      }
      for name in names {
        if let competency = Competency(rawValue: name) {
          competencies.append(competency)
        } else {
          problems.add(
            .unknownValue(
              fields.location(of: "competencies"), key: "competencies", value: name,
              allowed: Competency.allCases.map(\.rawValue)))
        }
      }
    }
    let sql = readSQLExercise(fields, kind: kind)
    let python = readPythonExercise(fields, kind: kind, file: file)
    guard let id, isValidID(id), let kind, let prompt, let difficulty, let minutes, let modelAnswer
    else { return nil }
    if kind == .sql && sql == nil || kind == .python && python == nil { return nil }
    return Question(
      id: id, component: component, kind: kind, prompt: prompt, difficulty: difficulty,
      minutes: minutes, tags: tags, hints: hints, followUps: followUps, modelAnswer: modelAnswer,
      competencies: competencies, sql: sql, python: python, location: fields.location)
  }

  /// Reports keys of one exercise kind on a question of another.
  private func rejectKeys(
    _ keys: [String], _ fields: FieldReader, kind: QuestionKind?, for owner: QuestionKind
  ) {
    guard let kind, kind != owner else { return }
    for key in keys where fields.node(key, required: false) != nil {
      problems.add(
        .notApplicable(
          fields.location(of: key), key: key,
          reason: "only \(owner.rawValue) questions carry it (this one is \(kind.rawValue))"))
    }
  }

  /// The fixture and reference query of a `sql` question.
  private func readSQLExercise(_ fields: FieldReader, kind: QuestionKind?) -> SQLExercise? {
    rejectKeys(BankKeys.sqlKeys, fields, kind: kind, for: .sql)
    guard kind == .sql else { return nil }
    let fixture = fields.string("fixture", required: true)
    let reference = fields.string("reference_query", required: true)
    let ordered = fields.boolean("ordered") ?? false
    let columnNames = fields.boolean("column_names") ?? false
    guard let fixture, let reference else { return nil }
    return SQLExercise(
      fixture: fixture, referenceQuery: reference, ordered: ordered, columnNames: columnNames)
  }

  /// The signature, reference solution and tests of a `python` question.
  private func readPythonExercise(_ fields: FieldReader, kind: QuestionKind?, file: String)
    -> PythonExercise?
  {
    rejectKeys(BankKeys.pythonKeys, fields, kind: kind, for: .python)
    guard kind == .python else { return nil }
    let signature = fields.string("signature", required: true)
    if let signature, !signature.trimmedWhitespace.hasPrefix("def ") || !signature.contains("(") {
      problems.add(
        .wrongType(
          fields.location(of: "signature"), key: "signature",
          expected: "a Python 'def name(…):' line"))
    }
    let reference = fields.string("reference_solution", required: true)
    var tests: [PythonExercise.TestCase] = []
    if let items = fields.list("tests", required: true) {
      if items.isEmpty { problems.add(.empty(fields.location(of: "tests"), key: "tests")) }
      for item in items {
        guard
          let test = FieldReader(
            item, file: file, context: "a test", allowedKeys: BankKeys.pythonTest,
            problems: problems),
          let call = test.string("call", required: true),
          let expected = test.string("expected", required: true)
        else { continue }
        tests.append(.init(call: call, expected: expected))
      }
    }
    guard let signature, let reference, !tests.isEmpty else { return nil }
    return PythonExercise(signature: signature, referenceSolution: reference, tests: tests)
  }

  private func isValidID(_ id: String) -> Bool {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    return !id.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty
          && part.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
          }
      }
  }

  private func enumValue<Value: RawRepresentable & CaseIterable>(
    _ type: Value.Type, _ fields: FieldReader, _ key: String, required: Bool
  ) -> Value? where Value.RawValue == String {
    guard let text = fields.string(key, required: required) else { return nil }
    guard let value = Value(rawValue: text) else {
      problems.add(
        .unknownValue(
          fields.location(of: key), key: key, value: text,
          allowed: Value.allCases.map(\.rawValue)))
      return nil
    }
    return value
  }

  // MARK: Rubrics

  private func readRubricFile(_ url: URL) -> [Rubric] {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems) else {
      return []
    }
    guard let mapping = node.mapping else {
      problems.add(
        .wrongType(
          YAMLFile.location(of: node, file: file), key: url.lastPathComponent,
          expected: "a mapping from question id to rubric"))
      return []
    }
    return mapping.compactMap { key, value in
      let id = key.string ?? ""
      let location = YAMLFile.location(of: key, file: file)
      guard isValidID(id) else {
        problems.add(.invalidID(location, id: id))
        return nil
      }
      return readRubric(value, questionID: id, location: location, file: file)
    }
  }

  private func readRubric(_ node: Node, questionID: String, location: SourceLocation, file: String)
    -> Rubric?
  {
    guard
      let fields = FieldReader(
        node, file: file, context: "the rubric of '\(questionID)'", allowedKeys: BankKeys.rubric,
        problems: problems)
    else { return nil }
    let points = (fields.list("points", required: true) ?? []).compactMap {
      readPoint($0, file: file)
    }
    let misconceptions = (fields.list("misconceptions", required: false) ?? []).compactMap {
      readMisconception($0, file: file)
    }
    let examples = (fields.list("examples", required: false) ?? []).compactMap {
      readExample($0, file: file)
    }
    let fullCreditAt = fields.number("full_credit_at", in: Self.fullCreditRange) ?? 1
    let readsNegation = fields.boolean("negation") ?? true
    return Rubric(
      questionID: questionID, points: points, misconceptions: misconceptions, examples: examples,
      fullCreditAt: fullCreditAt, readsNegation: readsNegation, location: location)
  }

  private func readPoint(_ node: Node, file: String) -> TalkingPoint? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a talking point", allowedKeys: BankKeys.point,
        problems: problems)
    else { return nil }
    let label = fields.string("label", required: true)
    let weight = fields.number("weight", in: Self.weightRange)
    let required = fields.boolean("required") ?? false
    let phrasings = readPhrasings(fields)
    guard let label, let phrasings else { return nil }
    return TalkingPoint(
      label: label, weight: weight ?? 1, required: required, phrasings: phrasings,
      location: fields.location)
  }

  private func readMisconception(_ node: Node, file: String) -> Misconception? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a misconception", allowedKeys: BankKeys.misconception,
        problems: problems)
    else { return nil }
    let label = fields.string("label", required: true)
    let phrasings = readPhrasings(fields)
    let correction = fields.string("correction", required: true)
    let penalty = fields.number("penalty", in: Self.penaltyRange)
    guard let label, let phrasings, let correction else { return nil }
    return Misconception(
      label: label, phrasings: phrasings, correction: correction, penalty: penalty ?? 10,
      location: fields.location)
  }

  private func readExample(_ node: Node, file: String) -> GradedExample? {
    guard
      let fields = FieldReader(
        node, file: file, context: "a graded example", allowedKeys: BankKeys.example,
        problems: problems)
    else { return nil }
    let band = enumValue(Band.self, fields, "band", required: true)
    let answer = fields.string("answer", required: true)
    let note = fields.string("note", required: false)
    guard let band, let answer else { return nil }
    return GradedExample(band: band, answer: answer, note: note, location: fields.location)
  }

  /// Reads `phrasings`: a list whose items are a term or a list of terms.
  private func readPhrasings(_ fields: FieldReader) -> [Phrasing]? {
    guard let items = fields.list("phrasings", required: true) else { return nil }
    var phrasings: [Phrasing] = []
    for item in items {
      let location = YAMLFile.location(of: item, file: fields.file)
      let terms: [String]
      if let scalar = item.scalar {
        terms = [scalar.string]
      } else if let sequence = item.sequence {
        terms = sequence.map { $0.scalar?.string ?? "" }
      } else {
        problems.add(
          .wrongType(location, key: "phrasings", expected: "a list of terms or lists of terms"))
        continue
      }
      let trimmed = terms.map { $0.trimmedWhitespace }
      let hasWords = trimmed.allSatisfy { !Tokenizer.tokens(of: $0).isEmpty }
      guard !trimmed.isEmpty, hasWords else {
        problems.add(.emptyPhrasing(location))
        continue
      }
      phrasings.append(Phrasing(trimmed))
    }
    return phrasings
  }

  // MARK: Lexicon

  private func readLexicon(_ url: URL) -> Lexicon {
    let file = displayPath(url)
    guard let node = YAMLFile.parse(url: url, displayPath: file, problems: problems),
      let fields = FieldReader(
        node, file: file, context: "the lexicon", allowedKeys: BankKeys.lexicon,
        problems: problems),
      let groups = fields.list("synonyms", required: true)
    else { return Lexicon() }
    var result: [[String]] = []
    // The group an entry was first seen in: its place in the list (two groups may share a line
    // in flow style) and its location.
    var firstGroup: [String: (index: Int, location: SourceLocation)] = [:]
    for (index, group) in groups.enumerated() {
      let location = YAMLFile.location(of: group, file: file)
      guard let entries = group.sequence?.map({ $0.scalar?.string ?? "" }) else {
        problems.add(.wrongType(location, key: "synonyms", expected: "a list of lists of terms"))
        continue
      }
      var normalizedGroup: [String] = []
      for entry in entries {
        let key = Tokenizer.tokens(of: entry).map(\.stem).joined(separator: " ")
        guard !key.isEmpty else {
          problems.add(.empty(location, key: "synonyms"))
          continue
        }
        if let first = firstGroup[key] {
          // The same stems twice in one group is redundant but harmless.
          if first.index != index {
            problems.add(.lexiconConflict(location, entry: entry, first: first.location))
          }
          continue
        }
        firstGroup[key] = (index, location)
        normalizedGroup.append(entry)
      }
      if normalizedGroup.count >= 2 { result.append(normalizedGroup) }
    }
    return Lexicon(groups: result)
  }
}

/// A bank file to read, by its role.
private enum FileToRead: Sendable {
  case questions(URL)
  case rubrics(URL)
  case lexicon(URL)
}

/// What reading one file gave, with the problems found in it.
private struct FileRead: Sendable {
  enum Content: Sendable {
    case questions(([Question], [(String, SourceLocation)]))
    case rubrics([Rubric])
    case lexicon(Lexicon)
  }

  var content: Content
  var problems: [BankProblem]
}

/// Results written by concurrent tasks, one slot each, read once they have all finished.
struct ConcurrentResults<Value: Sendable>: @unchecked Sendable {
  private final class Storage: @unchecked Sendable {
    let lock = NSLock()
    var slots: [Value?]

    init(count: Int) {
      slots = Array(repeating: nil, count: count)
    }
  }

  private let storage: Storage

  init(count: Int) {
    storage = Storage(count: count)
  }

  func set(_ index: Int, _ value: Value) {
    storage.lock.lock()
    storage.slots[index] = value
    storage.lock.unlock()
  }

  /// Every slot's value, in order; a slot never set is left out.
  var values: [Value] {
    storage.lock.lock()
    defer { storage.lock.unlock() }
    return storage.slots.compactMap { $0 }
  }
}
