/// A text with its tokens, for reading the words back as they were written.
///
/// Tokens are normalised for matching: `5,000` is `5000`, `I’m` is `im`, `InfluxDB` is
/// `influxdb`. The story reader also needs what the writer put, so this view answers it from the
/// text each token's `surface` points into: a word's spelling and case, the marks written onto a
/// number (`$2M`, `99.9%`, `80+`), whether it carried an apostrophe, and whether it opens its
/// sentence. It reads no text the Tokenizer did not.
struct TokenizedText: Sendable {
  /// Signs written before a number that make it an amount of money.
  private static let currencySigns: Set<Unicode.Scalar> = ["$", "€", "£"]
  /// Signs written after a number that belong to it (`99.9%`, `80+`) or to a name (`C++`).
  private static let trailingSigns: Set<Unicode.Scalar> = ["%", "+"]

  let text: String
  let tokens: [Token]

  /// Tokenises `text`.
  init(_ text: String) {
    var text = text
    // The tokens' surfaces must index this very string.
    text.makeContiguousUTF8()
    self.text = text
    tokens = Tokenizer.tokens(of: text)
  }

  /// `text` with its tokens as the Tokenizer gave them, for reading one text several ways
  /// without tokenising it again.
  init(_ text: String, tokens: [Token]) {
    self.text = text
    self.tokens = tokens
  }

  /// The characters of the word at `index` as written: its surface, with a currency sign just
  /// before it and percent or plus signs just after it (`$40k`, `99.9%`, `80+`, `C++`).
  func spelling(at index: Int) -> Substring {
    text[written(index)]
  }

  /// The words at `range` as written, one space apart (`At a manufacturing site`).
  func words(in range: Range<Int>) -> String {
    range.map { spelling(at: $0) }.joined(separator: " ")
  }

  /// The text from the first word of `range` to the last as written, with what stands between
  /// them and each run of white space as one space (`SQL Server`, `CI/CD`, `C++`).
  func spelling(of range: Range<Int>) -> String {
    guard let first = range.first, let last = range.last else { return "" }
    var spelled = ""
    var afterSpace = false
    for character in text[written(first).lowerBound..<written(last).upperBound] {
      if character.isWhitespace {
        afterSpace = true
        continue
      }
      if afterSpace { spelled.append(" ") }
      afterSpace = false
      spelled.append(character)
    }
    return spelled
  }

  /// Where the words at `range` stand in `text`, from the first as written (with its currency
  /// sign) to the last (with its percent or plus signs); `nil` for an empty range.
  func span(of range: Range<Int>) -> Range<String.Index>? {
    guard let first = range.first, let last = range.last else { return nil }
    return written(first).lowerBound..<written(last).upperBound
  }

  /// Whether the word at `index` is the first of its sentence, so that a capital letter says
  /// nothing about it.
  func opensSentence(at index: Int) -> Bool {
    index == 0 || tokens[index - 1].sentence != tokens[index].sentence
  }

  /// Whether the word at `index` was written with an apostrophe inside (`I’m`, `we're`), which
  /// its normalised text has lost.
  func isElided(at index: Int) -> Bool {
    text[tokens[index].surface].unicodeScalars.contains(where: Tokenizer.isApostrophe)
  }

  /// The token ranges of every sentence, in order.
  var sentenceRanges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in tokens.indices.dropFirst()
    where tokens[index].sentence != tokens[index - 1].sentence {
      ranges.append(start..<index)
      start = index
    }
    if !tokens.isEmpty { ranges.append(start..<tokens.count) }
    return ranges
  }

  /// The range of the word at `index` with the signs written onto it.
  private func written(_ index: Int) -> Range<String.Index> {
    let scalars = text.unicodeScalars
    let surface = tokens[index].surface
    var start = surface.lowerBound
    if start > scalars.startIndex {
      let before = scalars.index(before: start)
      if Self.currencySigns.contains(scalars[before]) { start = before }
    }
    var end = surface.upperBound
    while end < scalars.endIndex, Self.trailingSigns.contains(scalars[end]) {
      end = scalars.index(after: end)
    }
    return start..<end
  }
}
