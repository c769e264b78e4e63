import Synchronization

/// Stems already computed, shared by every scorer and thread.
///
/// Answers reuse a small vocabulary, so most words are stemmed once. The memo is bounded: when it
/// holds `capacity` words it starts again, so a stream of novel words cannot grow it without limit.
public final class StemMemo: Sendable {
  /// The memo the tokenizer uses.
  public static let shared = StemMemo()
  public static let capacity = 50_000

  private let table = Mutex<[String: String]>([:])

  /// The stem of a lowercase ASCII word given as its text and bytes.
  func stem(_ text: String, bytes: [UInt8]) -> String {
    if let known = table.withLock({ $0[text] }) { return known }
    let stem = Tokenizer.stemExceptions[text] ?? PorterStemmer.stem(bytes: bytes)
    table.withLock { table in
      if table.count >= StemMemo.capacity { table.removeAll(keepingCapacity: true) }
      table[text] = stem
    }
    return stem
  }

  /// Forgets every stem; for measuring the cost of stemming unseen words.
  public func removeAll() {
    table.withLock { $0.removeAll() }
  }
}
