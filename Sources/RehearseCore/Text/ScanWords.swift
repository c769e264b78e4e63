/// The words the token scanner treats specially, found in one lookup per word.
///
/// Most words are none of them, and are turned away by their first letter and length alone.
struct ScanWords: Sendable {
  /// What a word is to the scanner.
  struct Role: OptionSet, Sendable {
    let rawValue: UInt8
    /// A number or scale word, `per` or `pct`: the number rewrite may start near it
    /// (`NumberWords.partWords`).
    static let numberPart = Role(rawValue: 1)
    /// A word that starts a new clause and claim (`Tokenizer.clauseWords`).
    static let clauseWord = Role(rawValue: 2)
  }

  /// The words in use.
  static let shared = ScanWords()

  private var words = WordIndex<Role>()
  /// For each ASCII first letter, a bit for each length (under 16) of the words starting with it.
  private var shapes = [UInt16](repeating: 0, count: 128)

  private init() {
    for word in NumberWords.partWords { add(word, .numberPart) }
    for word in Tokenizer.clauseWords { add(word, .clauseWord) }
  }

  private mutating func add(_ word: String, _ role: Role) {
    let bytes = Array(word.utf8)
    precondition(bytes.count < 16 && bytes[0] < 128, "a scan word must be short ASCII")
    shapes[Int(bytes[0])] |= 1 << UInt16(bytes.count)
    words.update(word, initial: []) { $0.insert(role) }
  }

  /// The role of the lowercase ASCII word held as `bytes`, whose key is `key`.
  func role(_ bytes: UnsafeRawBufferPointer, key: WordKey) -> Role {
    let length = bytes.count
    guard length < 16, let first = bytes.first, first < 128,
      shapes[Int(first)] & (1 << UInt16(length)) != 0
    else { return [] }
    return words.find(key, bytes: bytes).map { words.entries[$0].value } ?? []
  }
}
