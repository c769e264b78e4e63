/// Why the sentence-embedding model could not be used.
public enum EmbeddingError: Error, Equatable, Sendable {
  /// A model file is missing or cannot be read.
  case unreadable(file: String, reason: String)
  /// A model file is not what the encoder expects: a bad header, a missing or misshapen tensor,
  /// a vocabulary without its special entries.
  case malformed(file: String, reason: String)
}

extension EmbeddingError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read the model: \(reason)"
    case .malformed(let file, let reason): "\(file): not a usable model file: \(reason)"
    }
  }
}
