/// A quantity a story states: a number with its unit, a percentage, an amount of money, a
/// multiplier or a number word.
struct Quantity: Sendable, Equatable {
  /// The quantity as written: "80+ sensors", "$40k", "99.9%", "5,000 rows", "halved".
  var text: String
  /// The number without grouping ("5000" for "5,000"); empty for a number word.
  var number: String
  /// The unit, normalised: the word after the number, or the letters written onto it ("gb" for
  /// "20GB"); empty when there is none.
  var unit: String
  /// The words of the text the quantity takes, by index: the number and its unit word.
  var words: Range<Int>

  /// Words that do not name a unit after a number.
  static let functionWords = CueList([
    "of", "in", "to", "and", "or", "the", "a", "an", "from", "for", "with", "on", "at", "by",
    "as", "that", "which", "was", "were", "is", "are", "but", "so", "than", "into", "per",
  ])
  static let numberWords = CueList([
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "twice",
    "double", "doubled", "triple", "tripled", "half", "halved", "quarter", "tenfold",
  ])

  /// The quantities among the words at `indices` of `text`, in order: each word with a digit,
  /// with the next word of its sentence as its unit unless it is a percentage or that word is a
  /// function word, and each number word. A bare year is not a quantity.
  static func all(in text: TokenizedText, at indices: some Sequence<Int>) -> [Quantity] {
    var found: [Quantity] = []
    let numberWords = Quantity.numberWords
    let functionWords = Quantity.functionWords
    for index in indices {
      let token = text.tokens[index]
      guard token.hasDigit else {
        if numberWords.contains(wordAt: index, in: text) {
          found.append(
            Quantity(
              text: String(text.spelling(at: index)), number: "", unit: "",
              words: index..<(index + 1)))
        }
        continue
      }
      let number = String(token.number)
      if isYear(number, token) { continue }
      let spelling = text.spelling(at: index)
      let next = index + 1
      if next < text.tokens.count, text.tokens[next].sentence == token.sentence,
        !spelling.contains("%"), !functionWords.contains(wordAt: next, in: text)
      {
        found.append(
          Quantity(
            text: spelling + " " + text.spelling(at: next), number: number,
            unit: text.tokens[next].text, words: index..<(next + 1)))
      } else {
        found.append(
          Quantity(
            text: String(spelling), number: number, unit: token.unitSuffix,
            words: index..<(index + 1)))
      }
    }
    return found
  }

  /// Whether a number is a bare year: four digits, 1900 to 2099, and nothing else in the word.
  private static func isYear(_ number: String, _ token: Token) -> Bool {
    number.utf8.count == 4 && number == token.text
      && Int(number).map((1900...2099).contains) == true
  }

  /// Whether any of the words at `indices` of `text` is a quantity: the same as asking whether
  /// `all` finds one, without spelling any out.
  static func any(in text: TokenizedText, at indices: some Sequence<Int>) -> Bool {
    let numberWords = Quantity.numberWords
    for index in indices {
      guard text.tokens[index].hasDigit else {
        if numberWords.contains(wordAt: index, in: text) { return true }
        continue
      }
      if !isYear(String(text.tokens[index].number), text.tokens[index]) { return true }
    }
    return false
  }
}
