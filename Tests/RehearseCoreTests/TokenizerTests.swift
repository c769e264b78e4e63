import Testing

@testable import RehearseCore

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
      ("Red. Blue! Green? Gold; grey", [["red"], ["blue"], ["green"], ["gold"], ["grey"]]),
      ("Use node.js, e.g. for APIs", [["use", "node.js", "e.g", "for", "apis"]]),
      (
        "It took 3.5 hours for 5,000 rows", [["it", "took", "3.5", "hours", "for", "5000", "rows"]]
      ),
      ("first line\nsame sentence", [["first", "line", "same", "sentence"]]),
      ("para first\n\npara second", [["para", "first"], ["para", "second"]]),
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

  @Test(
    "a token's spelling is the word as written, with the signs written onto it",
    arguments: [
      ("InfluxDB took 5,000 rows", ["InfluxDB", "took", "5,000", "rows"]),
      ("It saved $2M and €40k, or £3", ["It", "saved", "$2M", "and", "€40k", "or", "£3"]),
      ("Uptime 99.9% for 80+ sensors", ["Uptime", "99.9%", "%", "for", "80+", "sensors"]),
      ("I’m on C++ and node.js", ["I’m", "on", "C++", "and", "node.js"]),
    ])
  func spelling(text: String, expected: [String]) {
    let tokenized = TokenizedText(text)
    #expect(tokenized.tokens.indices.map { String(tokenized.spelling(at: $0)) } == expected)
  }

  @Test(
    "a number token is normalised without grouping or signs, and knows its number and unit",
    arguments: [
      ("5,000", "5000", "5000", ""), ("99.9%", "99.9", "99.9", ""),
      ("$2M", "2000000", "2000000", ""),
      ("80+", "80", "80", ""), ("20GB", "20gb", "20", "gb"), ("3.5x", "3.5x", "3.5", "x"),
      ("S3", "s3", "3", ""), ("Airflow", "airflow", "", ""),
    ])
  func numbers(written: String, text: String, number: String, unit: String) throws {
    let token = try #require(Tokenizer.tokens(of: written).first)
    #expect(token.text == text)
    #expect(token.number == number)
    #expect(token.unitSuffix == unit)
    #expect(token.hasDigit == !number.isEmpty)
  }

  @Test("a token opens its sentence after . ! ? ; a blank line or a bullet, not after e.g.")
  func opensSentence() {
    let tokenized = TokenizedText("Airflow ran. Then Grafana, e.g. Loki\n\nCron runs\n- Kafka too")
    let opening = tokenized.tokens.indices.filter(tokenized.opensSentence)
      .map { String(tokenized.spelling(at: $0)) }
    #expect(opening == ["Airflow", "Then", "Cron", "Kafka"])
  }

  @Test("a pronoun with a verb contracted onto it reads as the pronoun")
  func contractions() {
    #expect(
      Tokenizer.tokens(of: "I'd add an ID; we'll see, well, it's fine").map(\.text) == [
        "i", "add", "an", "id", "we", "see", "well", "its", "fine",
      ])
  }

  @Test("a token knows whether it was written with an apostrophe its text has lost")
  func elision() {
    let tokenized = TokenizedText("We’re sure we were, and I'm sure im")
    #expect(
      tokenized.tokens.map(\.text) == ["we", "sure", "we", "were", "and", "i", "sure", "im"])
    #expect(
      tokenized.tokens.indices.map(tokenized.isElided)
        == [true, false, false, false, false, true, false, false])
  }

  @Test("words as written: one space apart, or with what stands between them")
  func spelledRanges() {
    let tokenized = TokenizedText("Runs on SQL\n  Server and CI/CD, daily.")
    #expect(tokenized.words(in: 2..<4) == "SQL Server")
    #expect(tokenized.spelling(of: 2..<4) == "SQL Server")
    #expect(tokenized.words(in: 5..<7) == "CI CD")
    #expect(tokenized.spelling(of: 5..<7) == "CI/CD")
    #expect(tokenized.spelling(of: 5..<8) == "CI/CD, daily")
  }
}

/// Words whose Porter2 stem would make them meet an unrelated word.
@Suite("Stem collisions")
struct StemCollisionTests {
  static func stem(_ word: String) -> String {
    Tokenizer.tokens(of: word).first?.stem ?? ""
  }

  @Test(
    "a word of a family keeps apart from the word its stem collided with, and meets its family",
    arguments: [
      ("consistency", "consists", "inconsistent"),
      ("relative", "relational", "relatively"),
      ("organisations", "organ", "organizational"),
      ("executives", "execute", "executive"),
    ])
  func apart(word: String, unrelated: String, family: String) {
    #expect(Self.stem(word) != Self.stem(unrelated))
    #expect(Self.stem(word) == Self.stem(family))
  }

  @Test("an answer saying a table consists of parts does not earn a point about consistency")
  func scoring() {
    let location = SourceLocation(file: "test.yaml", line: 1)
    let point = TalkingPoint(
      label: "eventual consistency", phrasings: [Phrasing(["consistency"], isClaim: true)],
      location: location)
    let rubric = CompiledRubric(
      Rubric(questionID: "q", points: [point], location: location),
      lexicon: CompiledLexicon(Lexicon()))
    #expect(Scorer.score("The table consists of partitions.", against: rubric).score == 0)
    #expect(Scorer.score("Replicas are eventually consistent.", against: rubric).score == 100)
  }
}

@Suite("Numbers said in words")
struct NumberWordsTests {
  private static func texts(_ text: String) -> [String] {
    Tokenizer.tokens(of: text).map(\.text)
  }

  @Test(
    "a number said in words or scaled reads as its digits, and a scale word stays after them",
    arguments: [
      ("about 400,000 rows", ["about", "400000", "rows"]),
      ("about 400k rows", ["about", "400000", "rows"]),
      ("about 400 thousand rows", ["about", "400000", "thousand", "rows"]),
      ("about 0.4 million rows", ["about", "400000", "million", "rows"]),
      ("about four hundred thousand rows", ["about", "400000", "thousand", "rows"]),
      ("half a million players", ["500000", "million", "players"]),
      ("a million events", ["1000000", "million", "events"]),
      ("twenty five shards", ["25", "shards"]),
      ("two hundred and fifty GB", ["250", "gb"]),
      ("1.5bn events", ["1500000000", "events"]),
    ])
  func numbers(text: String, expected: [String]) {
    #expect(Self.texts(text) == expected)
  }

  @Test(
    "a share reads as a number and the word percent, however it is written",
    arguments: ["3%", "3 percent", "3 per cent", "three percent", "3 pct"])
  func percent(text: String) {
    #expect(Self.texts(text) == ["3", "percent"])
  }

  @Test(
    "words that only look like numbers stay words",
    arguments: [
      ("the one with the key", ["the", "one", "with", "the", "key"]),
      ("half the rows", ["half", "the", "rows"]),
      ("a table", ["a", "table"]),
      ("version 2 of it", ["version", "2", "of", "it"]),
    ])
  func words(text: String, expected: [String]) {
    #expect(Self.texts(text) == expected)
  }

  @Test("a rubric term written in digits meets the same number said in words")
  func matching() {
    let location = SourceLocation(file: "test.yaml", line: 1)
    let point = TalkingPoint(
      label: "the peak", phrasings: [Phrasing(["400,000", "second"])], location: location)
    let rubric = CompiledRubric(
      Rubric(questionID: "q", points: [point], location: location),
      lexicon: CompiledLexicon(Lexicon()))
    for answer in [
      "The peak is 400k a second.", "The peak is four hundred thousand a second.",
      "The peak is 0.4 million events a second.",
    ] {
      #expect(Scorer.score(answer, against: rubric).score == 100, "\(answer)")
    }
    #expect(Scorer.score("The peak is 40k a second.", against: rubric).score < 100)
  }
}
