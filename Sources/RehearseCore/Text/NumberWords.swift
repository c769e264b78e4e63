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

  /// Rewrites number phrases in `tokens` in place; `candidates` are the positions of the words
  /// that may take part in one (`mayTakePart`), in order. A text without a rewrite is left
  /// untouched.
  static func normalize(_ tokens: inout [Token], candidates: [Int]) {
    // A phrase may start up to two words before a candidate: "half a million".
    var starts: [Int] = []
    for candidate in candidates {
      for start in max(0, candidate - 2)...candidate where start > (starts.last ?? -1) {
        starts.append(start)
      }
    }
    var result: [Token]?
    var copied = 0
    var next = 0
    for start in starts where start >= next {
      guard let (replacement, length) = rewrite(tokens, at: start) else { continue }
      if result == nil {
        result = []
        result?.reserveCapacity(tokens.count + 2)
      }
      result?.append(contentsOf: tokens[copied..<start])
      result?.append(contentsOf: replacement)
      copied = start + length
      next = copied
    }
    guard var result else { return }
    result.append(contentsOf: tokens[copied...])
    tokens = result
  }

  /// The tokens that replace the number or percent starting at `index`, and how many they
  /// replace; `nil` when none starts there.
  private static func rewrite(_ tokens: [Token], at index: Int) -> ([Token], Int)? {
    let token = tokens[index]
    if mayStartNumber(token), let (value, count) = number(in: tokens, at: index) {
      let last = tokens[index + count - 1]
      let digits = format(value)
      var replacement = [
        Token(
          text: digits, stem: digits, surface: token.surface.lowerBound..<last.surface.upperBound,
          sentence: token.sentence, clause: token.clause, claim: token.claim)
      ]
      if count > 1, scales[last.text] != nil { replacement.append(last) }
      return (replacement, count)
    }
    if token.text.utf8.first == UInt8(ascii: "p"), let percent = percentWord(in: tokens, at: index)
    {
      return ([percent.token], percent.length)
    }
    return nil
  }

  /// The words that may begin or scale a rewrite; `a` is left out, since it matters only before
  /// a scale word.
  static let partWords: WordIndex<Void> = {
    var words = WordIndex<Void>()
    for word in Array(units.keys) + Array(scales.keys) + ["per", "pct"] {
      words.insert(word, key: WordKey(word), value: ())
    }
    return words
  }()

  /// Whether a word the tokenizer is about to emit (lowercase ASCII `bytes`, whose key is `key`)
  /// may take part in a rewrite: it starts with a digit, or is a number word, a scale word, `per`
  /// or `pct`. The tokenizer calls `normalize` only for a text holding such a word, at those
  /// words.
  static func mayTakePart(_ bytes: UnsafeRawBufferPointer, key: WordKey) -> Bool {
    guard let first = bytes.first else { return false }
    if first >= 0x30 && first <= 0x39 { return true }
    return partWords.contains(key, bytes: bytes)
  }

  /// Whether a number may start at `token`: a digit, a number word, or `a` (before a scale word).
  private static func mayStartNumber(_ token: Token) -> Bool {
    guard let first = token.text.utf8.first else { return false }
    if first >= 0x30 && first <= 0x39 { return true }
    return units[token.text] != nil || token.text == "a"
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
    func next(_ offset: Int = 0) -> Token? {
      let position = index + offset
      guard position < tokens.count, tokens[position].sentence == sentence else { return nil }
      return tokens[position]
    }
    // "a million", "half a million": the article counts as one only before a scale word.
    if tokens[start].text == "a" {
      guard let following = next(1), scales[following.text] != nil else { return nil }
      current = 1
      index += 1
      sawWord = true
    } else if let digits = digitValue(tokens[start]) {
      current = digits.value
      sawScale = digits.scaled
      sawDigits = true
      index += 1
    }
    while let token = next() {
      if let unit = units[token.text], !sawDigits {
        if unit == 0.5 {
          // "half a million", "half a billion"; a half of anything else stays a word.
          let skip = next(1)?.text == "a" ? 2 : 1
          guard let scale = next(skip), scales[scale.text] != nil else { break }
          current += unit
          index += skip
        } else {
          current += unit
          index += 1
        }
        sawWord = true
      } else if let scale = scales[token.text], current > 0 || sawWord || sawDigits {
        if scale == 100 {
          current *= scale
        } else {
          total += current * scale
          current = 0
        }
        sawScale = true
        index += 1
      } else if token.text == "and", sawWord, let following = next(1),
        units[following.text] != nil
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
      guard let following = next(), following.text == "percent" || following.text == "per"
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
