/// Why adding, exporting or importing own questions stopped, for a reason not in a bank file
/// (those are `BankLoadFailure`).
public enum OwnBankError: RehearseError, Equatable {
  /// A field `bank add` needs is empty or missing (and could not be asked for).
  case missingField(String)
  /// A difficulty outside 1–3 or minutes outside 1–30.
  case outOfRange(field: String, value: Int, range: ClosedRange<Int>)
  /// `--id` is not lowercase letters, digits and single hyphens.
  case invalidID(String)
  /// `--id` names a question the banks already have.
  case idTaken(String, at: SourceLocation)
  /// A draft for this id is already waiting (from an earlier `bank add` that did not lint).
  case draftExists(id: String, folder: String)
  /// `--resume ID` names no kept draft.
  case noDraft(id: String)
  /// The edited draft does not hold exactly one question.
  case notOneQuestion(file: String, count: Int)
  /// The input ended before a field `bank add` needs was given.
  case inputEnded(field: String)
  /// No own question matches what `bank export` was asked for.
  case nothingToExport
  /// An own question shares its file with questions that were not asked for; a file is
  /// exported whole.
  case sharedFile(file: String, selected: [String], others: [String])
  /// `bank export`'s folder already holds bank files.
  case exportTargetInUse(String)
  /// `bank import`'s folder holds no question.
  case nothingToImport(String)
  /// An imported question has the id of one already in the banks (a shipped one, or an own one
  /// without `--replace`).
  case importClash(id: String, incoming: SourceLocation, existing: SourceLocation, own: Bool)
  /// An imported file has the name of an own file that it does not replace.
  case importFileNameTaken(incoming: String, existing: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .missingField, .outOfRange, .invalidID, .idTaken: .usage
    case .draftExists, .exportTargetInUse, .importFileNameTaken: .cannotCreate
    case .notOneQuestion, .sharedFile, .importClash: .dataError
    case .inputEnded, .nothingToImport, .noDraft: .noInput
    case .nothingToExport: .usage
    }
  }

  public var description: String {
    switch self {
    case .missingField(let field):
      "the question needs a \(field): nothing was saved"
    case .outOfRange(let field, let value, let range):
      "--\(field) \(value) is outside \(range.lowerBound)…\(range.upperBound)"
    case .invalidID(let id):
      "--id '\(id)' must be lowercase letters, digits and single hyphens"
    case .idTaken(let id, let location):
      "question id '\(id)' is already used at \(location)"
    case .draftExists(let id, let folder):
      "a draft of '\(id)' is already waiting at \(folder): take it up with "
        + "'rehearse bank add --resume \(id)', or remove that folder"
    case .noDraft(let id):
      "no draft of '\(id)' is waiting: 'rehearse bank add' starts a new one"
    case .notOneQuestion(let file, let count):
      "\(file):1: the draft must hold exactly one question; it holds \(count)"
    case .inputEnded(let field):
      "the input ended before the question's \(field): nothing was saved"
    case .nothingToExport:
      "no own question matches: nothing was exported ('rehearse bank list' marks your own)"
    case .sharedFile(let file, let selected, let others):
      "\(file):1: holds \(selected.joined(separator: ", ")) with "
        + "\(others.joined(separator: ", ")), which were not asked for; a file is exported whole: "
        + "ask for all of them, or split the file"
    case .exportTargetInUse(let path):
      "\(path) already holds bank files: export into a new or empty folder"
    case .nothingToImport(let path):
      "\(path) holds no question to import"
    case .importClash(let id, let incoming, let existing, let own):
      "\(incoming): question id '\(id)' is already used at \(existing)"
        + (own
          ? " (your own question: --replace replaces it)" : " (the shipped bank: never replaced)")
        + "; nothing was imported"
    case .importFileNameTaken(let incoming, let existing):
      "\(incoming): your own bank already has a file of that name, \(existing), holding other "
        + "questions; rename one of them; nothing was imported"
    }
  }
}
