/// One word of a text, normalised for matching, with where it stands in the original text.
///
/// The scorer, the STAR analysis and story matching all read text as these tokens. What matching
/// compares is `text` or `stem`; what the writer put (case, grouping, the marks written onto a
/// number) is read back through `surface`, with `TokenizedText`.
public struct Token: Sendable, Equatable {
  /// The word folded to lowercase without accents or apostrophes (`Doesn't` becomes `doesnt`);
  /// a grouped number loses its commas (`5,000` becomes `5000`).
  public var text: String {
    didSet { textKey = WordKey(text) }
  }
  /// The Porter2 stem of `text`.
  public var stem: String {
    didSet { stemKey = WordKey(stem) }
  }
  /// The exact characters of the original text this token came from.
  public var surface: Range<String.Index>
  /// Which sentence of the answer the token is in, counting from 0.
  public var sentence: Int
  /// Which clause of the answer the token is in; clauses are split at commas and contrast words,
  /// and a new sentence is a new clause.
  public var clause: Int
  /// Which claim of the answer the token is in: a stretch that states one thing, split where a
  /// sentence ends and at `:` and contrast words (`but`, `whereas`, `while`, `unlike` …), not at
  /// commas. A rubric phrasing's terms must stand in one claim.
  public var claim: Int
  /// The key of `text`, for looking the word up without hashing it again.
  private(set) var textKey: WordKey
  /// The key of `stem`.
  private(set) var stemKey: WordKey

  public init(
    text: String, stem: String, surface: Range<String.Index>, sentence: Int, clause: Int,
    claim: Int
  ) {
    self.init(
      text: text, textKey: WordKey(text), stem: stem, stemKey: WordKey(stem), surface: surface,
      sentence: sentence, clause: clause, claim: claim)
  }

  /// A token whose words' keys are already known.
  init(
    text: String, textKey: WordKey, stem: String, stemKey: WordKey,
    surface: Range<String.Index>, sentence: Int, clause: Int, claim: Int
  ) {
    self.text = text
    self.stem = stem
    self.surface = surface
    self.sentence = sentence
    self.clause = clause
    self.claim = claim
    self.textKey = textKey
    self.stemKey = stemKey
  }

  /// Gives the token other words, whose keys are already known.
  mutating func respell(text: String, textKey: WordKey, stem: String, stemKey: WordKey) {
    self.text = text
    self.stem = stem
    self.textKey = textKey
    self.stemKey = stemKey
  }
}

extension Token {
  /// The number the word carries: its first run of digits and decimal points, without grouping
  /// (`5000` for "5,000", `99.9` for "99.9%", `20` for "20GB"); empty when it has no digit.
  var number: Substring {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: Self.isDigit) else { return "" }
    var end = scalars[start...].firstIndex { !Self.isDigit($0) && $0 != "." } ?? scalars.endIndex
    while end > start, scalars[scalars.index(before: end)] == "." {
      end = scalars.index(before: end)
    }
    return text[start..<end]
  }

  /// The letters written straight after the word's last digit, as normalised: the unit of a
  /// number such as "20GB" (`gb`) or "$40k" (`k`); empty when there are none.
  var unitSuffix: String {
    let scalars = text.unicodeScalars
    guard let last = scalars.lastIndex(where: Self.isDigit) else { return "" }
    return String(text[scalars.index(after: last)...].filter { $0 != "." })
  }

  /// Whether the word has a digit, in any script.
  var hasDigit: Bool { text.unicodeScalars.contains(where: Self.isDigit) }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType == .decimal
  }
}
