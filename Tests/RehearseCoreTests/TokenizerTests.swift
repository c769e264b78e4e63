import RehearseCore
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
  private func sentences(_ text: String) -> [[String]] {
    let tokens = Tokenizer.tokens(of: text)
    let count = (tokens.map(\.sentence).max() ?? -1) + 1
    return (0..<count).map { sentence in tokens.filter { $0.sentence == sentence }.map(\.text) }
      .filter { !$0.isEmpty }
  }

  @Test(
    "sentences end at . ! ? ; blank lines and bullets, not inside numbers, names or e.g.",
    arguments: [
      ("One. Two! Three? Four; five", [["one"], ["two"], ["three"], ["four"], ["five"]]),
      ("Use node.js, e.g. for APIs", [["use", "node.js", "e.g", "for", "apis"]]),
      (
        "It took 3.5 hours for 5,000 rows", [["it", "took", "3.5", "hours", "for", "5000", "rows"]]
      ),
      ("first line\nsame sentence", [["first", "line", "same", "sentence"]]),
      ("para one\n\npara two", [["para", "one"], ["para", "two"]]),
      ("- a bullet\n- another", [["a", "bullet"], ["another"]]),
    ])
  func sentenceBoundaries(text: String, expected: [[String]]) {
    #expect(sentences(text) == expected)
  }

  @Test("words are folded and their surface is the original text")
  func folding() {
    let text = "Doesn’t the CAFÉ’s Ｄａｔａ normalise?"
    let tokens = Tokenizer.tokens(of: text)
    #expect(tokens.map(\.text) == ["doesnt", "the", "cafes", "data", "normalize"])
    #expect(
      tokens.map { String(text[$0.surface]) } == ["Doesn’t", "the", "CAFÉ’s", "Ｄａｔａ", "normalise"])
  }

  @Test("commas and contrast words start a new clause")
  func clauses() {
    let tokens = Tokenizer.tokens(of: "a b, c but d")
    #expect(tokens.map(\.clause) == [0, 0, 1, 2, 2])
  }

  @Test("a very long text is cut at the token limit")
  func limit() {
    let tokens = Tokenizer.tokens(
      of: String(repeating: "word ", count: Tokenizer.maximumTokens + 10))
    #expect(tokens.count == Tokenizer.maximumTokens)
  }
}
