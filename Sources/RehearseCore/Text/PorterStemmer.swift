/// The English (Porter2) stemmer of the Snowball project.
///
/// Reduces an inflected English word to its stem so that `partition`, `partitions`, `partitioned`
/// and `partitioning` all become `partit`. Implements the published algorithm
/// (snowballstem.org, "The English (Porter2) stemming algorithm") on lowercase ASCII bytes; a word
/// holding any other byte is returned unchanged, since the algorithm is defined for English only.
public enum PorterStemmer {
  /// Returns the stem of a lowercase word.
  public static func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return word }
    stem(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The stem of a lowercase word given as UTF-8 bytes.
  public static func stem(bytes: [UInt8]) -> String {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
    var copy = bytes
    stem(&copy)
    return String(decoding: copy, as: UTF8.self)
  }

  /// Stems a lowercase ASCII word held as bytes, in place.
  public static func stem(_ bytes: inout [UInt8]) {
    if let exception = invariantOrIrregular(bytes) {
      bytes = exception
      return
    }
    guard bytes.count >= 3 else { return }
    var word = Word(bytes)
    word.run()
    bytes = word.finished()
  }

  private static let irregular: [(word: [UInt8], stem: [UInt8])] = [
    ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
    ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
    ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
    ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  private static func invariantOrIrregular(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count <= 6 else { return nil }
    return irregular.first { $0.word == bytes }?.stem
  }
}

private let apostrophe = UInt8(ascii: "'")
private let lowerY = UInt8(ascii: "y")
/// Stands for a `y` that acts as a consonant while stemming; turned back into `y` at the end.
private let consonantY = UInt8(ascii: "Y")

/// The working state of one word through the algorithm's steps.
private struct Word {
  var bytes: [UInt8]
  /// Start of region R1.
  var region1 = 0
  /// Start of region R2.
  var region2 = 0
  var foundConsonantY = false

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func run() {
    prelude()
    markRegions()
    step1a()
    if isStep1aInvariant() { return }
    step1b()
    step1c()
    step2()
    step3()
    step4()
    step5()
  }

  func finished() -> [UInt8] {
    guard foundConsonantY else { return bytes }
    return bytes.map { $0 == consonantY ? lowerY : $0 }
  }

  // MARK: Character classes

  static func isVowel(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
      UInt8(ascii: "u"), UInt8(ascii: "y"):
      return true
    default:
      return false
    }
  }

  static func isValidLiEnding(_ byte: UInt8) -> Bool {
    "cdeghkmnrt".utf8.contains(byte)
  }

  // MARK: Prelude and regions

  mutating func prelude() {
    if bytes.first == apostrophe { bytes.removeFirst() }
    if bytes.first == lowerY {
      bytes[0] = consonantY
      foundConsonantY = true
    }
    var index = 1
    while index < bytes.count {
      if bytes[index] == lowerY && Word.isVowel(bytes[index - 1]) {
        bytes[index] = consonantY
        foundConsonantY = true
      }
      index += 1
    }
  }

  /// The position just after the first non-vowel that follows a vowel, searching from `start`.
  func regionStart(after start: Int) -> Int {
    var index = start
    while index < bytes.count && !Word.isVowel(bytes[index]) { index += 1 }
    while index < bytes.count && Word.isVowel(bytes[index]) { index += 1 }
    return min(index + 1, bytes.count)
  }

  static let regionPrefixes = ["gener", "commun", "arsen"].map { Array($0.utf8) }

  mutating func markRegions() {
    region1 = bytes.count
    for prefix in Word.regionPrefixes where hasPrefix(prefix) {
      region1 = prefix.count
    }
    if region1 == bytes.count {
      region1 = regionStart(after: 0)
    }
    region2 = regionStart(after: region1)
  }

  // MARK: Helpers

  func hasPrefix(_ prefix: [UInt8]) -> Bool {
    bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
  }

  func hasSuffix(_ suffix: [UInt8]) -> Bool {
    let count = suffix.count
    guard bytes.count >= count else { return false }
    let offset = bytes.count - count
    for index in 0..<count where bytes[offset + index] != suffix[index] { return false }
    return true
  }

  /// The longest entry of `table` whose suffix the word ends with.
  func longestSuffix(_ table: SuffixTable) -> Suffix? {
    guard let last = bytes.last, last < 0x80 else { return nil }
    return table.byLastByte[Int(last)].first { hasSuffix($0.suffix) }
  }

  mutating func replaceSuffix(_ length: Int, with replacement: [UInt8]) {
    bytes.removeLast(length)
    bytes.append(contentsOf: replacement)
  }

  func suffixStart(_ suffix: Suffix) -> Int { bytes.count - suffix.suffix.count }

  func containsVowel(before end: Int) -> Bool {
    bytes[0..<max(0, end)].contains(where: Word.isVowel)
  }

  /// Whether the word ends, at `end`, in a short syllable.
  ///
  /// A short syllable is a vowel followed by a non-vowel other than `w`, `x` or `Y` and preceded
  /// by a non-vowel, or a vowel at the beginning of the word followed by a non-vowel.
  func endsInShortSyllable(at end: Int) -> Bool {
    if end >= 3 {
      let last = bytes[end - 1]
      let middle = bytes[end - 2]
      let first = bytes[end - 3]
      if !Word.isVowel(last) && last != UInt8(ascii: "w") && last != UInt8(ascii: "x")
        && last != consonantY && Word.isVowel(middle) && !Word.isVowel(first)
      {
        return true
      }
    }
    if end == 2 {
      return Word.isVowel(bytes[0]) && !Word.isVowel(bytes[1])
    }
    return false
  }

  var isShort: Bool { region1 >= bytes.count && endsInShortSyllable(at: bytes.count) }

  // MARK: Steps

  static let possessives = Suffix.table(["'": "", "'s": "", "'s'": ""])
  static let step1aSuffixes = Suffix.table([
    "sses": "ss", "ied": "i", "ies": "i", "s": "", "us": "us", "ss": "ss",
  ])

  mutating func step1a() {
    if let possessive = longestSuffix(Word.possessives) {
      bytes.removeLast(possessive.suffix.count)
    }
    guard let entry = longestSuffix(Word.step1aSuffixes) else { return }
    switch entry.name {
    case "sses":
      replaceSuffix(entry.suffix.count, with: entry.replacement)
    case "ied", "ies":
      let replacement = suffixStart(entry) > 1 ? "i" : "ie"
      replaceSuffix(entry.suffix.count, with: Array(replacement.utf8))
    case "s":
      // A vowel must come before the letter just before the s.
      if containsVowel(before: bytes.count - 2) { bytes.removeLast() }
    default:
      break
    }
  }

  static let step1aInvariants = [
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
  ].map { Array($0.utf8) }

  func isStep1aInvariant() -> Bool {
    bytes.count <= 7 && Word.step1aInvariants.contains(bytes)
  }

  static let step1bSuffixes = Suffix.table([
    "eed": "ee", "eedly": "ee", "ed": "", "edly": "", "ing": "", "ingly": "",
  ])
  static let lengthenAfter = ["at", "bl", "iz"].map { Array($0.utf8) }

  mutating func step1b() {
    guard let entry = longestSuffix(Word.step1bSuffixes) else { return }
    if entry.name == "eed" || entry.name == "eedly" {
      if suffixStart(entry) >= region1 {
        replaceSuffix(entry.suffix.count, with: entry.replacement)
      }
      return
    }
    guard containsVowel(before: suffixStart(entry)) else { return }
    bytes.removeLast(entry.suffix.count)
    if Word.lengthenAfter.contains(where: hasSuffix) {
      bytes.append(UInt8(ascii: "e"))
    } else if let last = bytes.last, bytes.count >= 2, bytes[bytes.count - 2] == last,
      "bdfgmnprt".utf8.contains(last)
    {
      bytes.removeLast()
    } else if isShort {
      bytes.append(UInt8(ascii: "e"))
    }
  }

  mutating func step1c() {
    guard let last = bytes.last, last == lowerY || last == consonantY, bytes.count > 2,
      !Word.isVowel(bytes[bytes.count - 2])
    else { return }
    bytes[bytes.count - 1] = UInt8(ascii: "i")
  }

  static let step2Suffixes = Suffix.table([
    "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
    "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
    "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
    "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
    "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
  ])

  mutating func step2() {
    guard let entry = longestSuffix(Word.step2Suffixes), suffixStart(entry) >= region1 else {
      return
    }
    let start = suffixStart(entry)
    switch entry.name {
    case "ogi":
      guard start > 0, bytes[start - 1] == UInt8(ascii: "l") else { return }
    case "li":
      guard start > 0, Word.isValidLiEnding(bytes[start - 1]) else { return }
    default:
      break
    }
    replaceSuffix(entry.suffix.count, with: entry.replacement)
  }

  static let step3Suffixes = Suffix.table([
    "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
    "ical": "ic", "ful": "", "ness": "", "ative": "",
  ])

  mutating func step3() {
    guard let entry = longestSuffix(Word.step3Suffixes), suffixStart(entry) >= region1 else {
      return
    }
    if entry.name == "ative" && suffixStart(entry) < region2 { return }
    replaceSuffix(entry.suffix.count, with: entry.replacement)
  }

  static let step4Suffixes = Suffix.table(
    Dictionary(
      uniqueKeysWithValues: [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
      ].map { ($0, "") }))

  mutating func step4() {
    guard let entry = longestSuffix(Word.step4Suffixes), suffixStart(entry) >= region2 else {
      return
    }
    if entry.name == "ion" {
      let start = suffixStart(entry)
      guard start > 0,
        bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t")
      else { return }
    }
    bytes.removeLast(entry.suffix.count)
  }

  mutating func step5() {
    guard let last = bytes.last else { return }
    let start = bytes.count - 1
    if last == UInt8(ascii: "e") {
      if start >= region2 || (start >= region1 && !endsInShortSyllable(at: start)) {
        bytes.removeLast()
      }
    } else if last == UInt8(ascii: "l") {
      if start >= region2 && start > 0 && bytes[start - 1] == UInt8(ascii: "l") {
        bytes.removeLast()
      }
    }
  }
}

/// A suffix of a step with its replacement, as bytes.
private struct Suffix {
  var name: String
  var suffix: [UInt8]
  var replacement: [UInt8]

  /// The table of a step.
  static func table(_ replacements: [String: String]) -> SuffixTable {
    SuffixTable(
      replacements.map {
        Suffix(name: $0.key, suffix: Array($0.key.utf8), replacement: Array($0.value.utf8))
      })
  }
}

/// A step's suffixes grouped by their last letter, longest first, so the first match is the
/// longest and only a few candidates are compared.
private struct SuffixTable {
  var byLastByte: [[Suffix]]

  init(_ suffixes: [Suffix]) {
    byLastByte = Array(repeating: [], count: 128)
    for suffix in suffixes {
      byLastByte[Int(suffix.suffix[suffix.suffix.count - 1])].append(suffix)
    }
    for index in byLastByte.indices {
      byLastByte[index].sort { ($0.suffix.count, $0.name) > ($1.suffix.count, $1.name) }
    }
  }
}
