import Foundation
import Yams

/// Reads a bank folder file by file, collecting problems instead of stopping at the first.
///
/// This is the one place the user's own bank is merged with the shipped one: `ownRoots` are read
/// after `root`, as one bank, so an id used twice is a problem naming both places. An own bank's
/// question files may be named freely (one file per question is the layout `bank add` writes);
/// each declares its component. Its rubrics use `root`'s lexicon; its folders may be missing.
struct BankLoader {
  static let questionFolder = "question-bank"
  static let rubricFolder = "rubrics"
  static let lexiconFile = "lexicon.yaml"
  static let weightRange = 0.5...5.0
  static let penaltyRange = 0.0...50.0
  static let fullCreditRange = 0.1...1.0

  let root: URL
  /// Own banks merged with `root`, in order: the user's, then (for `bank import`) the one read in.
  var ownRoots: [URL] = []
  /// Paths of own files left out (those found broken, or about to be replaced).
  var skipping: Set<String> = []
  let problems = ProblemCollector()

  init(root: URL, ownRoot: URL? = nil) {
    self.root = root
    self.ownRoots = ownRoot.map { [$0] } ?? []
  }

  init(root: URL, ownRoots: [URL], skipping: Set<String>) {
    self.root = root
    self.ownRoots = ownRoots
    self.skipping = skipping
  }

  func load() throws(BankLoadFailure) -> Bank {
    let questionsURL = root.appendingPathComponent(Self.questionFolder)
    let rubricsURL = root.appendingPathComponent(Self.rubricFolder)
    guard isDirectory(questionsURL), isDirectory(rubricsURL) else {
      throw BankLoadFailure(problems: [.missingFolder(path: root.path)])
    }

    let lexiconURL = rubricsURL.appendingPathComponent(Self.lexiconFile)
    let hasLexicon = FileManager.default.fileExists(atPath: lexiconURL.path)
    let questionFiles = yamlFiles(in: questionsURL)
    let technologiesURL = rubricsURL.appendingPathComponent(Self.technologiesFile)
    let hasTechnologies = FileManager.default.fileExists(atPath: technologiesURL.path)
    let rubricFiles = yamlFiles(in: rubricsURL).filter {
      $0.lastPathComponent != Self.lexiconFile && $0.lastPathComponent != Self.technologiesFile
    }
    let ownQuestionFiles = ownRoots.flatMap {
      yamlFiles(in: $0.appendingPathComponent(Self.questionFolder))
    }.filter { !skipping.contains($0.path) }
    let ownRubricFiles = ownRoots.flatMap {
      yamlFiles(in: $0.appendingPathComponent(Self.rubricFolder))
    }.filter { !skipping.contains($0.path) }
    // Reading a file (parsing it, then checking its fields) is most of a load's time and needs
    // nothing from the other files, so every file is read on whichever core is free; the
    // results, and their problems, are then taken in file order, so the messages do not depend
    // on the scheduling. The checks across files follow.
    let files =
      questionFiles.map { FileToRead.questions($0, own: false) }
      + ownQuestionFiles.map { FileToRead.questions($0, own: true) }
      + (rubricFiles + ownRubricFiles).map { FileToRead.rubrics($0) }
      + (hasLexicon ? [FileToRead.lexicon(lexiconURL)] : [])
      + (hasTechnologies ? [FileToRead.technologies(technologiesURL)] : [])
    let root = self.root
    let reads = ConcurrentResults<FileRead>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let reader = BankLoader(root: root)
      let content: FileRead.Content =
        switch files[index] {
        case .questions(let url, let own): .questions(reader.readQuestionFile(url, own: own))
        case .rubrics(let url): .rubrics(reader.readRubricFile(url))
        case .lexicon(let url): .lexicon(reader.readLexicon(url))
        case .technologies(let url): .technologies(reader.readTechnologies(url))
        }
      reads.set(index, FileRead(content: content, problems: reader.problems.problems))
    }
    var questionReads: [([Question], [(String, SourceLocation)])] = []
    var rubricReads: [[Rubric]] = []
    var rubricProblems: [[BankProblem]] = []
    var lexiconRead: (Lexicon, [BankProblem])?
    var technologiesRead: ([Technology], [BankProblem])?
    for read in reads.values {
      switch read.content {
      case .questions(let value):
        for problem in read.problems { problems.add(problem) }
        questionReads.append(value)
      case .rubrics(let value):
        rubricReads.append(value)
        rubricProblems.append(read.problems)
      case .lexicon(let value): lexiconRead = (value, read.problems)
      case .technologies(let value): technologiesRead = (value, read.problems)
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
    for problem in technologiesRead?.1 ?? [] { problems.add(problem) }

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
    return Bank(
      questions: ordered, rubrics: rubrics, lexicon: lexicon,
      technologies: technologiesRead?.0 ?? [], root: root)
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

  func displayPath(_ url: URL) -> String {
    url.path
  }

  // MARK: Questions

  /// The valid questions of a file, and the ids of those that have problems.
  private func readQuestionFile(_ url: URL, own: Bool) -> ([Question], [(String, SourceLocation)]) {
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
        if !own, declaredComponent.rawValue != fileName {
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
      if var question = readQuestion(item, component: readComponent, file: file) {
        question.isOwn = own
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
    if let id, !Self.isValidID(id) {
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
    guard let id, Self.isValidID(id), let kind, let prompt, let difficulty, let minutes,
      let modelAnswer
    else { return nil }
    if kind == .sql && sql == nil || kind == .python && python == nil { return nil }
    return Question(
      id: id, component: component, kind: kind, prompt: prompt, difficulty: difficulty,
      minutes: minutes, tags: tags, hints: hints, followUps: followUps, modelAnswer: modelAnswer,
      competencies: competencies, sql: sql, python: python, location: fields.location)
  }

  /// Reports keys of one exercise kind on a question of another.
  func rejectKeys(
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

  /// Whether `id` is lowercase letters and digits in parts joined by single hyphens.
  static func isValidID(_ id: String) -> Bool {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    return !id.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty
          && part.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
          }
      }
  }

  func enumValue<Value: RawRepresentable & CaseIterable>(
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
}

/// A bank file to read, by its role.
private enum FileToRead: Sendable {
  case questions(URL, own: Bool)
  case rubrics(URL)
  case lexicon(URL)
  case technologies(URL)
}

/// What reading one file gave, with the problems found in it.
private struct FileRead: Sendable {
  enum Content: Sendable {
    case questions(([Question], [(String, SourceLocation)]))
    case rubrics([Rubric])
    case lexicon(Lexicon)
    case technologies([Technology])
  }

  var content: Content
  var problems: [BankProblem]
}
