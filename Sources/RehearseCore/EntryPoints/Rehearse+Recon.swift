import Foundation

extension Rehearse {
  /// The largest job description read.
  public static let maximumJobDescriptionBytes = 256 * 1024

  /// `rehearse recon FILE|-`: the terms a job description names, the questions asking them, its
  /// gaps and component weights; with `save`, kept as a focus of that name (replacing one only
  /// when `replacing`).
  public static func recon(
    _ request: ReconRequest, input: ReconRequest.Input, save: String?, replacing: Bool
  ) throws -> CommandOutput {
    // A bad name is refused before anything is read.
    if let save, !Focus.isValidName(save) { throw FocusError.invalidName(save) }
    let text: String
    let source: String
    switch input {
    case .file(let path):
      text = try TextFile.read(path: path, limit: maximumJobDescriptionBytes)
      source = path
    case .handle(let handle, let name):
      text = try TextFile.read(from: handle, name: name, limit: maximumJobDescriptionBytes)
      source = name
    }
    let bank = try request.bank.load()
    let report = JobDescriptionReader(bank: bank).read(text, source: source)
    if let save {
      try request.library.save(Focus(name: save, report: report), replacing: replacing)
    }
    switch request.format {
    case .json: return CommandOutput(ReconReports.json(report, saved: save))
    default: return CommandOutput(ReconReports.text(report, saved: save, style: request.style))
    }
  }

  /// `rehearse recon list`: the saved focuses; a damaged file is reported and left out.
  public static func reconList(_ request: ReconRequest) throws -> CommandOutput {
    var focuses: [Focus] = []
    var problems: [String] = []
    for name in try request.library.names() {
      do {
        focuses.append(try request.library.load(name: name))
      } catch {
        problems.append(error.description)
      }
    }
    let text =
      request.format == .json
      ? ReconReports.listJSON(focuses) : ReconReports.listText(focuses, style: request.style)
    guard !problems.isEmpty else { return CommandOutput(text) }
    return CommandOutput(
      text, status: .dataError,
      standardError: problems + [
        "rehearse: error: \(problems.count) focus file\(problems.count == 1 ? "" : "s") could "
          + "not be read and \(problems.count == 1 ? "was" : "were") left out"
      ])
  }

  /// `rehearse recon show NAME`.
  public static func reconShow(_ request: ReconRequest, name: String) throws -> CommandOutput {
    let focus = try request.library.load(name: name)
    switch request.format {
    case .json: return CommandOutput(ReconReports.focusJSON(focus))
    default: return CommandOutput(ReconReports.focusText(focus, style: request.style))
    }
  }

  /// `rehearse recon rm NAME`.
  public static func reconRemove(_ request: ReconRequest, name: String) throws -> CommandOutput {
    try request.library.remove(name: name)
    return CommandOutput("Removed focus \(name).")
  }
}
