import Foundation

extension BankSource {
  /// The folder of the sentence-embedding model: beside the bank this source names when it is
  /// there, else beside the bank that ships with the program (a bank of one's own, `--bank
  /// DIR`, holds no model). When neither has it, the first, so the warning names where it was
  /// looked for.
  public func semanticModelFolder() -> URL? {
    var roots: [URL] = []
    if let root = try? locate() { roots.append(root) }
    var shippedEnvironment = environment
    shippedEnvironment["REHEARSE_BANK"] = nil
    if let shipped = try? BankLocator.locate(
      explicit: nil, environment: shippedEnvironment, executablePath: executablePath,
      currentDirectory: currentDirectory)
    {
      roots.append(shipped)
    }
    let folders = roots.map(SemanticModel.folder(bankRoot:))
    let fileManager = FileManager.default
    return folders.first {
      fileManager.fileExists(
        atPath: $0.appendingPathComponent(SemanticModel.weightsFile).path)
    } ?? folders.first
  }

  /// What reads answers by meaning for this source's bank, its model loading in the background;
  /// `nil` when `enabled` is false. A model that cannot be loaded is one warning through `warn`.
  public func semanticScorer(enabled: Bool) -> SemanticScorer? {
    guard enabled else { return nil }
    let folder =
      semanticModelFolder()
      ?? URL(fileURLWithPath: currentDirectory).appendingPathComponent(
        SemanticModel.relativeFolder)
    return SemanticScorer(model: SemanticModel(folder: folder, warn: warn))
  }
}
