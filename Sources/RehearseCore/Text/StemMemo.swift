import Synchronization

/// Stems already computed, shared by every scorer and thread.
///
/// Answers reuse a small vocabulary, so most words are stemmed once. The memo also keeps each
/// word's text, so a known word costs the tokenizer no new string; the tokenizer looks up all
/// the words of a text under one lock and adds the new ones under another. The memo is bounded:
/// when it holds `capacity` words it starts again, so a stream of novel words cannot grow it
/// without limit. What it hands out are copies, which stay valid when it starts again.
public final class StemMemo: Sendable {
  /// The memo the tokenizer uses.
  public static let shared = StemMemo()
  public static let capacity = 50_000

  /// A word's stem and the stem's key.
  struct Stem: Sendable {
    var stem: String
    var key: WordKey
  }

  /// The words known, each with its stem.
  private let table = Mutex(WordIndex<Stem>(capacity: 1024))

  /// Runs `body` with the words known, under the memo's lock.
  func withWords<Result: Sendable>(_ body: (borrowing WordIndex<Stem>) -> Result) -> Result {
    table.withLock { body($0) }
  }

  /// The stem of a lowercase ASCII word, computed: an exception of the tokenizer's, or Porter2.
  static func stem(_ text: String, bytes: [UInt8]) -> Stem {
    let stem = Tokenizer.stemExceptions[text] ?? PorterStemmer.stem(bytes: bytes)
    return Stem(stem: stem, key: WordKey(stem))
  }

  /// Remembers `words`, each with its key and stem.
  func remember(_ words: [(key: WordKey, text: String, stem: Stem)]) {
    table.withLock { table in
      for (key, text, stem) in words {
        if table.count >= StemMemo.capacity { table.removeAll() }
        table.insert(text, key: key, value: stem)
      }
    }
  }

  /// Forgets every stem; for measuring the cost of stemming unseen words.
  public func removeAll() {
    table.withLock { $0.removeAll() }
  }
}
