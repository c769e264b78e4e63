/// Rewrites the ways a number is said into the digits it means, so that "400 thousand", "400k",
/// "0.4 million" and "four hundred thousand" all read as `400000`, and "three percent", "3 per
/// cent" and "3%" as `3 percent`.
///
/// Applied by the tokenizer to answers and rubric terms alike. A lone "one" stays a word ("the one
/// with", "one big table"); it is a number only before a scale word or `percent`, or inside a
/// longer number ("twenty one"). A scale said as a word stays after the digits too ("2 million"
/// reads `2000000 million`), so "millions of players" and "two million players" still share a
/// word.
enum NumberWords {
  private static let units: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "half": 0.5,
  ]
  private static let scales: [String: Double] = [
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000,
  ]
  /// Letters written onto digits that scale them (`400k`, `1.5m`, `2bn`).
  private static let suffixes: [String: Double] = [
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
  ]

  /// `units` and `scales` by key: each number word's value, and whether it is a scale.
  private static let values: WordIndex<(value: Double, isScale: Bool)> = {
    var words = WordIndex<(value: Double, isScale: Bool)>()
    for (word, value) in units { words.insert(word, key: WordKey(word), value: (value, false)) }
    for (word, value) in scales { words.insert(word, key: WordKey(word), value: (value, true)) }
    return words
  }()

  /// The value of the token at `position` as a unit (`units`), if it is one.
  private static func unit(_ tokens: [Token], _ position: Int) -> Double? {
    guard let found = values.value(tokens[position].textKey, tokens[position].text),
      !found.isScale
    else { return nil }
    return found.value
  }

  /// The value of the token at `position` as a scale (`scales`), if it is one.
  private static func scale(_ tokens: [Token], _ position: Int) -> Double? {
    guard let found = values.value(tokens[position].textKey, tokens[position].text),
      found.isScale
    else { return nil }
    return found.value
  }

  /// Rewrites number phrases in `tokens` in place; `candidates` are the positions of the words
  /// that may take part in one (`partWords`, and words starting with a digit), in order. A text without a rewrite is left
  /// untouched.
  static func normalize(_ tokens: inout [Token], candidates: [Int]) {
    // A phrase may start up to two words before a candidate: "half a million".
    // Only a candidate or `a` can begin one (`mayStartNumber`): other words are passed over here
    // rather than looked up.
    var starts: [Int] = []
    for candidate in candidates {
      for start in max(0, candidate - 2)...candidate where start > (starts.last ?? -1) {
        if start == candidate || tokens[start].text == "a" { starts.append(start) }
      }
    }
    // Every rewrite is read from the tokens as given; they do not overlap, so they are made
    // from the last back, each leaving the positions before it as they were.
    var rewrites: [(start: Int, length: Int, replacement: [Token])] = []
    var next = 0
    for start in starts where start >= next {
      guard let (replacement, length) = rewrite(tokens, at: start) else { continue }
      rewrites.append((start, length, replacement))
      next = start + length
    }
    for (start, length, replacement) in rewrites.reversed() {
      tokens.replaceSubrange(start..<(start + length), with: replacement)
    }
  }

  /// The tokens that replace the number or percent starting at `index`, and how many they
  /// replace; `nil` when none starts there.
  private static func rewrite(_ tokens: [Token], at index: Int) -> ([Token], Int)? {
    if mayStartNumber(tokens, index), let (value, count) = number(in: tokens, at: index) {
      let last = index + count - 1
      let digits = format(value)
      var replacement = [
        Token(
          text: digits, stem: digits,
          surface: tokens[index].surface.lowerBound..<tokens[last].surface.upperBound,
          sentence: tokens[index].sentence, clause: tokens[index].clause,
          claim: tokens[index].claim)
      ]
      if count > 1, scale(tokens, last) != nil { replacement.append(tokens[last]) }
      return (replacement, count)
    }
    if tokens[index].text.utf8.first == UInt8(ascii: "p"),
      let percent = percentWord(in: tokens, at: index)
    {
      return ([percent.token], percent.length)
    }
    return nil
  }

  /// The words that may begin or scale a rewrite (`a` is left out, since it matters only before
  /// a scale word): with a word starting with a digit, the words the tokenizer calls `normalize`
  /// at (`ScanWords`).
  static let partWords = Array(units.keys) + Array(scales.keys) + ["per", "pct"]

  /// Whether a number may start at the token at `index`: a digit, a number word, or `a` (before a
  /// scale word).
  private static func mayStartNumber(_ tokens: [Token], _ index: Int) -> Bool {
    guard let first = tokens[index].text.utf8.first else { return false }
    if first >= 0x30 && first <= 0x39 { return true }
    return unit(tokens, index) != nil || tokens[index].text == "a"
  }

  /// The value of the number phrase starting at `start` and its length in tokens, when the
  /// tokens there say a number in words or scale one written in digits.
  private static func number(in tokens: [Token], at start: Int) -> (Double, Int)? {
    var index = start
    var total = 0.0
    var current = 0.0
    var sawWord = false
    var sawScale = false
    var sawDigits = false
    let sentence = tokens[start].sentence
    /// The position `offset` words on from `index`, if it is in the same sentence.
    func next(_ offset: Int = 0) -> Int? {
      let position = index + offset
      guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
      return position
    }
    // "a million", "half a million": the article counts as one only before a scale word.
    if tokens[start].text == "a" {
      guard let following = next(1), scale(tokens, following) != nil else { return nil }
      current = 1
      index += 1
      sawWord = true
    } else if let digits = digitValue(tokens[start]) {
      current = digits.value
      sawScale = digits.scaled
      sawDigits = true
      index += 1
    }
    while let position = next() {
      if let unit = unit(tokens, position), !sawDigits {
        if unit == 0.5 {
          // "half a million", "half a billion"; a half of anything else stays a word.
          let skip = next(1).map { tokens[$0].text == "a" } == true ? 2 : 1
          guard let scale = next(skip), NumberWords.scale(tokens, scale) != nil else { break }
          current += unit
          index += skip
        } else {
          current += unit
          index += 1
        }
        sawWord = true
      } else if let scale = scale(tokens, position), current > 0 || sawWord || sawDigits {
        if scale == 100 {
          current *= scale
        } else {
          total += current * scale
          current = 0
        }
        sawScale = true
        index += 1
      } else if tokens[position].text == "and", sawWord, let following = next(1),
        unit(tokens, following) != nil
      {
        index += 1
      } else {
        break
      }
      if sawDigits && !sawScale { break }
    }
    let length = index - start
    guard length > 0 else { return nil }
    let value = total + current
    // A lone "one" stays a word unless a scale word or `percent` follows.
    if length == 1 && tokens[start].text == "one" {
      guard let following = next(),
        tokens[following].text == "percent" || tokens[following].text == "per"
      else { return nil }
    }
    if sawDigits && !sawScale { return nil }
    return (value, length)
  }

  /// The value of a token written in digits, scaled by a suffix (`400k`), if it is a number.
  private static func digitValue(_ token: Token) -> (value: Double, scaled: Bool)? {
    let digits = token.number
    guard !digits.isEmpty, token.text.hasPrefix(digits), let value = Double(digits) else {
      return nil
    }
    let suffix = token.text.dropFirst(digits.count)
    if suffix.isEmpty { return (value, false) }
    guard let scale = suffixes[String(suffix)] else { return nil }
    return (value * scale, true)
  }

  /// `per cent` and `pct` read as `percent`.
  private static func percentWord(in tokens: [Token], at index: Int) -> (token: Token, length: Int)?
  {
    let token = tokens[index]
    var length = 0
    if token.text == "pct" {
      length = 1
    } else if token.text == "per", index + 1 < tokens.count, tokens[index + 1].text == "cent" {
      length = 2
    }
    guard length > 0 else { return nil }
    var percent = token
    percent.text = "percent"
    percent.stem = "percent"
    percent.surface = token.surface.lowerBound..<tokens[index + length - 1].surface.upperBound
    return (percent, length)
  }

  /// The value as digits: whole numbers without a decimal point, others to six places at most.
  static func format(_ value: Double) -> String {
    let rounded = (value * 1_000_000).rounded() / 1_000_000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      return String(Int64(rounded))
    }
    var text = String(rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
