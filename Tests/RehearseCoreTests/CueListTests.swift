import Testing

@testable import RehearseCore

@Suite("Cue lists")
struct CueListTests {
  /// The spellings of the words of `text` that `cues` has as one-word phrases.
  private func found(_ cues: CueList, in text: String) -> [String] {
    let tokenized = TokenizedText(text)
    return tokenized.tokens.indices.filter { cues.contains(wordAt: $0, in: tokenized) }
      .map { String(tokenized.spelling(at: $0)) }
  }

  @Test("a cue is normalised as the words are: case, accents and -ise spellings meet")
  func normalisation() {
    let cues = CueList(["recognised", "Café"])
    #expect(
      found(cues, in: "RECOGNIZED at the cafe, recognised at the CAFÉ") == [
        "RECOGNIZED", "cafe", "recognised", "CAFÉ",
      ])
  }

  @Test("a cue with an apostrophe finds only words written with one: we're is not were")
  func elision() {
    let cues = CueList(["we're", "i'm"])
    #expect(found(cues, in: "We’re sure we were, and I'm sure im") == ["We’re", "I'm"])
  }

  @Test("a cue ending in * is a prefix; one ending in ~ finds every word with its stem")
  func prefixesAndStems() {
    let cues = CueList(["struggl*", "warehouse~"])
    #expect(
      found(cues, in: "We struggled with warehouses; the warehouse struggles; a ware")
        == ["struggled", "warehouses", "warehouse", "struggles"])
  }

  @Test("phrases are counted within a range, and two spellings of one cue count once")
  func phrases() {
    let cues = CueList(["as a result", "recognised", "recognized", "sql server"])
    let text = TokenizedText("As a result we moved to SQL Server. It was recognised.")
    #expect(cues.count(in: text, 0..<text.tokens.count) == 3)
    #expect(cues.count(in: text, 0..<2) == 0, "a phrase must fit in the range")
    #expect(cues.occurs(in: text))
  }
}
