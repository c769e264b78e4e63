import Foundation
import RehearseEmbedding

/// The sentence-embedding model, loaded on a thread of its own so that nobody waits for it
/// before they need it.
///
/// Loading takes a tenth of a second; a session starts it with the session and the first answer
/// finds it ready. A model that cannot be loaded (missing, damaged, foreign) is reported once
/// through `warn`, and every score is then the rubric's alone.
public final class SemanticModel: @unchecked Sendable {
  /// The model's folder, relative to the folder that holds the bank.
  public static let relativeFolder = "models/all-minilm-l6-v2"
  /// The file whose presence says a folder holds the model.
  public static let weightsFile = SentenceEncoder.weightsFile

  /// The folder the model is read from.
  public let folder: URL
  private let warn: @Sendable (String) -> Void
  private let condition = NSCondition()
  private var result: Result<SentenceEncoder, EmbeddingError>?
  private var warned = false

  /// Starts loading the model in `folder` on another thread; `warn` is told once if it fails.
  public init(folder: URL, warn: @escaping @Sendable (String) -> Void) {
    self.folder = folder
    self.warn = warn
    Thread.detachNewThread { [self] in
      let loaded = Result { () throws(EmbeddingError) in try SentenceEncoder(folder: folder) }
      condition.lock()
      result = loaded
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The model's folder for the bank at `bankRoot`: beside the bank's `question-bank` and
  /// `rubrics`, in a checkout and in an installed copy alike.
  public static func folder(bankRoot: URL) -> URL {
    bankRoot.appendingPathComponent(relativeFolder)
  }

  /// The encoder, once loaded; `nil` when the model could not be loaded, which is reported
  /// through `warn` the first time it is asked for.
  public var encoder: SentenceEncoder? {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    switch result {
    case .success(let encoder): return encoder
    case .failure(let error):
      if !warned {
        warned = true
        warn(
          "rehearse: warning: \(error); scores are the rubric's alone (the semantic signal is "
            + "off; 'rehearse doctor' checks the model)")
      }
      return nil
    case nil: return nil
    }
  }
}
