import Foundation

extension Rehearse {
  /// The own bank a request's bank source merges, or an error when it has none.
  static func ownBank(of source: BankSource) throws -> OwnBank {
    guard let folder = source.ownBank else { throw OwnBankError.missingField("own bank folder") }
    return OwnBank(folder: folder)
  }

  /// `rehearse bank add`, first half: checks the fields, derives the id, drafts the rubric
  /// (`RubricDrafter`, as `rubric draft` does) and writes the question and the rubric as two
  /// private draft files, ready for the editor; `bankAddFinish` saves them once they lint.
  public static func bankAddDraft(_ request: BankAddRequest) throws -> OwnQuestionFiles {
    let own = try ownBank(of: request.bank)
    let fields = request.question
    guard let component = fields.component else { throw OwnBankError.missingField("component") }
    guard let prompt = fields.prompt?.trimmedWhitespace, !prompt.isEmpty else {
      throw OwnBankError.missingField("prompt")
    }
    guard let modelAnswer = fields.modelAnswer?.trimmedWhitespace, !modelAnswer.isEmpty else {
      throw OwnBankError.missingField("model answer")
    }
    let difficulty = fields.difficulty ?? OwnQuestionDraft.defaultDifficulty
    guard (1...3).contains(difficulty) else {
      throw OwnBankError.outOfRange(field: "difficulty", value: difficulty, range: 1...3)
    }
    let minutes = fields.minutes ?? OwnQuestionDraft.defaultMinutes
    guard (1...30).contains(minutes) else {
      throw OwnBankError.outOfRange(field: "minutes", value: minutes, range: 1...30)
    }
    let bank = try request.bank.load()
    let id: String
    if let given = fields.id {
      guard BankLoader.isValidID(given) else { throw OwnBankError.invalidID(given) }
      if let existing = bank.question(id: given) {
        throw OwnBankError.idTaken(given, at: existing.location)
      }
      guard own.isFree(given, in: bank) else {
        let draft = own.draft(id: given)
        if FileManager.default.fileExists(atPath: draft.folder.path) {
          throw OwnBankError.draftExists(id: given, folder: draft.folder.path)
        }
        throw OwnBankError.idTaken(
          given, at: SourceLocation(file: own.questionFile(id: given).path, line: 1))
      }
      id = given
    } else {
      id = own.derivedID(prompt: prompt, in: bank)
    }
    let tags = fields.tags.map(\.trimmedWhitespace).filter { !$0.isEmpty }
    let draft = own.draft(id: id)
    let rubric = RubricDrafter.draft(
      questionID: id, question: prompt, modelAnswer: modelAnswer, lexicon: bank.lexicon)
    try own.writeDraft(
      draft,
      question: OwnQuestionYAML.question(
        id: id, component: component, prompt: prompt, modelAnswer: modelAnswer, tags: tags,
        hints: fields.hints.map(\.trimmedWhitespace).filter { !$0.isEmpty },
        difficulty: difficulty,
        minutes: minutes),
      rubric: OwnQuestionYAML.rubric(rubric, modelAnswer: modelAnswer))
    return draft
  }

  /// `rehearse bank add --resume ID`: the draft of `id` kept by an earlier `bank add` whose
  /// draft did not lint.
  public static func bankAddWaitingDraft(_ request: BankAddRequest, id: String) throws
    -> OwnQuestionFiles
  {
    let draft = try ownBank(of: request.bank).draft(id: id)
    guard BankLoader.isValidID(id), FileManager.default.fileExists(atPath: draft.question.path)
    else { throw OwnBankError.noDraft(id: id) }
    return draft
  }

  /// `rehearse bank add`, second half: lints the draft merged with the banks (the own files
  /// that are broken already left out, as every command leaves them) and, when it lints, saves
  /// it into the own bank and removes the draft; returns the saved question's id.
  ///
  /// - Throws: `BankLoadFailure` with the draft's problems as `file:line: message` (the draft
  ///   is kept, nothing is saved); `OwnBankError.notOneQuestion` when the draft holds no
  ///   question or several.
  public static func bankAddFinish(_ request: BankAddRequest, draft: OwnQuestionFiles) throws
    -> String
  {
    let own = try ownBank(of: request.bank)
    let root = try request.bank.locate()
    let skipping = request.bank.brokenOwnFiles(root: root)
    let bank = try BankLoader(
      root: root, ownRoots: [own.folder, draft.folder], skipping: skipping
    ).load()
    let drafted = bank.questions.filter { $0.location.file == draft.question.path }
    guard drafted.count == 1, let question = drafted.first else {
      throw OwnBankError.notOneQuestion(file: draft.question.path, count: drafted.count)
    }
    _ = try own.save(draft, id: question.id)
    return question.id
  }

  /// `rehearse bank add` at the prompt: asks for each field the request does not give yet
  /// (component, prompt, model answer, tags, difficulty, minutes), and returns the request
  /// with them. The prompt and the model answer may take several lines, ending at an empty line.
  public static func bankAddAsk(
    _ request: BankAddRequest, input: inout some FormInput, show: (String) -> Void
  ) throws -> BankAddRequest {
    var fields = request.question
    let style = request.style
    func line(_ prompt: String, field: String) throws -> String? {
      switch input.read(prompt: prompt) {
      case .line(let text): return text.trimmedWhitespace
      case .end: return nil
      case .interrupt: throw StoryCommandError.cancelled
      }
    }
    if fields.component == nil {
      show(style.dim("Components: " + Component.allCases.map(\.rawValue).joined(separator: ", ")))
      while fields.component == nil {
        guard let text = try line("Component › ", field: "component") else {
          throw OwnBankError.inputEnded(field: "component")
        }
        fields.component = Component(rawValue: text.lowercased())
        if fields.component == nil && !text.isEmpty {
          show(style.yellow("'\(TerminalText.safe(text))' is not a component."))
        }
      }
    }
    if fields.prompt == nil {
      show(
        style.bold("Prompt")
          + style.dim(" — the question as the interviewer asks it; ends at an empty line"))
      guard let text = try readPart(&input) else { throw OwnBankError.inputEnded(field: "prompt") }
      fields.prompt = text
    }
    if fields.modelAnswer == nil {
      show(
        style.bold("Model answer")
          + style.dim(" — what a strong answer says; ends at an empty line"))
      guard let text = try readPart(&input) else {
        throw OwnBankError.inputEnded(field: "model answer")
      }
      fields.modelAnswer = text
    }
    if fields.tags.isEmpty,
      let text = try line("Tags (comma-separated, optional) › ", field: "tags")
    {
      fields.tags = text.split(separator: ",").map { String($0).trimmedWhitespace }.filter {
        !$0.isEmpty
      }
    }
    for (name, range, defaultValue, keyPath) in [
      ("Difficulty", 1...3, OwnQuestionDraft.defaultDifficulty, \OwnQuestionDraft.difficulty),
      ("Minutes", 1...30, OwnQuestionDraft.defaultMinutes, \OwnQuestionDraft.minutes),
    ] where fields[keyPath: keyPath] == nil {
      while fields[keyPath: keyPath] == nil {
        let prompt = "\(name) (\(range.lowerBound)–\(range.upperBound), default \(defaultValue)) › "
        guard let text = try line(prompt, field: name.lowercased()), !text.isEmpty else {
          fields[keyPath: keyPath] = defaultValue
          break
        }
        if let value = Int(text), range.contains(value) {
          fields[keyPath: keyPath] = value
        } else {
          show(style.yellow("A number from \(range.lowerBound) to \(range.upperBound), please."))
        }
      }
    }
    var asked = request
    asked.question = fields
    return asked
  }
}
