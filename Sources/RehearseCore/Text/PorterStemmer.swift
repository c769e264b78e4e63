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

  private static func invariantOrIrregular(_ bytes: [UInt8]) -> [UInt8]? {
    switch String(decoding: bytes, as: UTF8.self) {
    case "skis": return Array("ski".utf8)
    case "skies": return Array("sky".utf8)
    case "dying": return Array("die".utf8)
    case "lying": return Array("lie".utf8)
    case "tying": return Array("tie".utf8)
    case "idly": return Array("idl".utf8)
    case "gently": return Array("gentl".utf8)
    case "ugly": return Array("ugli".utf8)
    case "early": return Array("earli".utf8)
    case "only": return Array("onli".utf8)
    case "singly": return Array("singl".utf8)
    case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes": return bytes
    default: return nil
    }
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

  mutating func markRegions() {
    region1 = bytes.count
    for prefix in ["gener", "commun", "arsen"] where hasPrefix(prefix) {
      region1 = prefix.utf8.count
    }
    if region1 == bytes.count {
      region1 = regionStart(after: 0)
    }
    region2 = regionStart(after: region1)
  }

  // MARK: Helpers

  func hasPrefix(_ prefix: String) -> Bool {
    let prefixBytes = Array(prefix.utf8)
    return bytes.count >= prefixBytes.count && Array(bytes[0..<prefixBytes.count]) == prefixBytes
  }

  func hasSuffix(_ suffix: String) -> Bool {
    let suffixBytes = suffix.utf8
    guard bytes.count >= suffixBytes.count else { return false }
    return bytes[(bytes.count - suffixBytes.count)...].elementsEqual(suffixBytes)
  }

  /// The longest of `suffixes` that the word ends with.
  func longestSuffix(_ suffixes: [String]) -> String? {
    var best: String?
    for suffix in suffixes where hasSuffix(suffix) {
      if suffix.utf8.count > (best?.utf8.count ?? -1) { best = suffix }
    }
    return best
  }

  mutating func replaceSuffix(_ suffix: String, with replacement: String) {
    bytes.removeLast(suffix.utf8.count)
    bytes.append(contentsOf: replacement.utf8)
  }

  func suffixStart(_ suffix: String) -> Int { bytes.count - suffix.utf8.count }

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

  mutating func step1a() {
    if let possessive = longestSuffix(["'", "'s", "'s'"]) {
      bytes.removeLast(possessive.utf8.count)
    }
    guard let suffix = longestSuffix(["sses", "ied", "ies", "s", "us", "ss"]) else { return }
    switch suffix {
    case "sses":
      replaceSuffix(suffix, with: "ss")
    case "ied", "ies":
      replaceSuffix(suffix, with: suffixStart(suffix) > 1 ? "i" : "ie")
    case "s":
      // A vowel must come before the letter just before the s.
      if containsVowel(before: bytes.count - 2) { bytes.removeLast() }
    default:
      break
    }
  }

  func isStep1aInvariant() -> Bool {
    switch String(decoding: bytes, as: UTF8.self) {
    case "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
      return true
    default:
      return false
    }
  }

  mutating func step1b() {
    guard let suffix = longestSuffix(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
    if suffix == "eed" || suffix == "eedly" {
      if suffixStart(suffix) >= region1 { replaceSuffix(suffix, with: "ee") }
      return
    }
    guard containsVowel(before: suffixStart(suffix)) else { return }
    bytes.removeLast(suffix.utf8.count)
    if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
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

  static let step2Replacements: [String: String] = [
    "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
    "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
    "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
    "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
    "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
  ]
  static let step2Suffixes = Array(step2Replacements.keys)

  mutating func step2() {
    guard let suffix = longestSuffix(Word.step2Suffixes), suffixStart(suffix) >= region1 else {
      return
    }
    let start = suffixStart(suffix)
    switch suffix {
    case "ogi":
      guard start > 0, bytes[start - 1] == UInt8(ascii: "l") else { return }
    case "li":
      guard start > 0, Word.isValidLiEnding(bytes[start - 1]) else { return }
    default:
      break
    }
    replaceSuffix(suffix, with: Word.step2Replacements[suffix, default: ""])
  }

  static let step3Replacements: [String: String] = [
    "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
    "ical": "ic", "ful": "", "ness": "", "ative": "",
  ]
  static let step3Suffixes = Array(step3Replacements.keys)

  mutating func step3() {
    guard let suffix = longestSuffix(Word.step3Suffixes), suffixStart(suffix) >= region1 else {
      return
    }
    if suffix == "ative" && suffixStart(suffix) < region2 { return }
    replaceSuffix(suffix, with: Word.step3Replacements[suffix, default: ""])
  }

  static let step4Suffixes = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion",
  ]

  mutating func step4() {
    guard let suffix = longestSuffix(Word.step4Suffixes), suffixStart(suffix) >= region2 else {
      return
    }
    if suffix == "ion" {
      let start = suffixStart(suffix)
      guard start > 0, bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t")
      else { return }
    }
    bytes.removeLast(suffix.utf8.count)
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
