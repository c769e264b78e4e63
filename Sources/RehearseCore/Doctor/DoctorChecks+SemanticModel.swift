import Foundation
import RehearseEmbedding

extension DoctorChecks {
  /// Whether answers can be read by meaning: where the sentence-embedding model is, and whether
  /// it loads and embeds. Without it every score is the rubric's alone: a warning, not a failure.
  static func semanticModel(_ source: BankSource, enabled: Bool) -> DoctorCheck {
    guard let folder = source.semanticModelFolder() else {
      return DoctorCheck(
        name: "semantic model", status: .warning,
        summary: "no bank to find it beside: scores are the rubric's alone")
    }
    var facts: [String: DoctorFact] = ["path": .text(folder.path), "enabled": .flag(enabled)]
    do {
      let encoder = try SentenceEncoder(folder: folder)
      // Two sentences that mean the same must come out close, and an unrelated one far.
      let same = SentenceEncoder.cosine(
        encoder.embed("The load is idempotent, so a rerun does not duplicate rows."),
        encoder.embed("Running the job twice leaves the same rows: reruns are safe."))
      let unrelated = SentenceEncoder.cosine(
        encoder.embed("The load is idempotent, so a rerun does not duplicate rows."),
        encoder.embed("My favourite fruit is a ripe mango."))
      facts["loads"] = .flag(true)
      guard same > unrelated + 0.2 else {
        return DoctorCheck(
          name: "semantic model", status: .warning,
          summary: "\(folder.path) loads but does not tell meanings apart: its weights are not "
            + "all-MiniLM-L6-v2's", facts: facts)
      }
      return DoctorCheck(
        name: "semantic model",
        summary: "\(folder.path): answers are read by meaning"
          + (enabled ? "" : ", but the config file's semantic = false turns it off"),
        facts: facts)
    } catch {
      facts["loads"] = .flag(false)
      return DoctorCheck(
        name: "semantic model", status: .warning,
        summary: "cannot be used: scores are the rubric's alone",
        details: [
          error.description,
          "Rebuild it with scripts/build-embedding-model.py, or reinstall Rehearse.",
        ], facts: facts)
    }
  }
}
