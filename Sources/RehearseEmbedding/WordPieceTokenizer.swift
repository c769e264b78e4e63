import Foundation

/// Splits text into the WordPiece ids of an uncased BERT vocabulary, as BERT's own tokenizer does.
///
/// Text is cleaned (control characters dropped, every kind of white space made a space), CJK
/// characters are set apart, words are lower-cased with their accents removed and split at
/// punctuation, and each word becomes the longest vocabulary pieces that spell it (`play`,
/// `##ing`), or `[UNK]` when none do or it is longer than 100 characters.
public struct WordPieceTokenizer: Sendable {
  /// The id of each vocabulary entry.
  let ids: [String: Int32]
  public let classifierID: Int32
  public let separatorID: Int32
  public let unknownID: Int32

  /// Reads a vocabulary of one entry a line, its id being the line's index.
  public init(vocabulary text: String) throws(EmbeddingError) {
    var ids: [String: Int32] = [:]
    var index: Int32 = 0
    text.enumerateLines { line, _ in
      if !line.isEmpty, ids[line] == nil { ids[line] = index }
      index += 1
    }
    guard let classifier = ids["[CLS]"], let separator = ids["[SEP]"], let unknown = ids["[UNK]"]
    else { throw .malformed(file: "vocab.txt", reason: "no [CLS], [SEP] or [UNK] entry") }
    self.ids = ids
    classifierID = classifier
    separatorID = separator
    unknownID = unknown
  }

  /// The ids of `text` between `[CLS]` and `[SEP]`, at most `limit` in all.
  public func encode(_ text: String, limit: Int) -> [Int32] {
    var result: [Int32] = [classifierID]
    reading: for word in words(text) {
      for piece in pieces(word) {
        guard result.count < limit - 1 else { break reading }
        result.append(piece)
      }
    }
    result.append(separatorID)
    return result
  }

  /// The words of `text` after BERT's basic tokenisation: cleaned, lower-cased, accents
  /// removed, and punctuation and CJK characters each a word of their own.
  public func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { words.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      let value = scalar.value
      let category = scalar.properties.generalCategory
      if value == 0 || value == 0xFFFD { continue }
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        || category == .spaceSeparator
      {
        flush()
        continue
      }
      if category == .control || category == .format || category == .privateUse
        || category == .surrogate || category == .unassigned
      {
        continue
      }
      if category == .nonspacingMark { continue }
      if Self.isPunctuation(scalar) || Self.isCJK(value) {
        flush()
        words.append(String(Character(scalar)))
        continue
      }
      current.append(scalar)
    }
    flush()
    return words
  }

  /// The vocabulary ids that spell `word`, longest piece first.
  func pieces(_ word: String) -> [Int32] {
    let characters = Array(word.unicodeScalars)
    if characters.count > 100 { return [unknownID] }
    var result: [Int32] = []
    var start = 0
    while start < characters.count {
      var end = characters.count
      var found: Int32?
      while start < end {
        var piece = String(String.UnicodeScalarView(characters[start..<end]))
        if start > 0 { piece = "##" + piece }
        if let id = ids[piece] {
          found = id
          break
        }
        end -= 1
      }
      guard let id = found else { return [unknownID] }
      result.append(id)
      start = end
    }
    return result
  }

  /// ASCII symbols count as punctuation, as in BERT, besides Unicode's punctuation.
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
      || (123...126).contains(value)
    {
      return true
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// The CJK Unified Ideographs blocks BERT sets apart.
  static func isCJK(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0x20000...0x2A6DF).contains(value) || (0x2A700...0x2B73F).contains(value)
      || (0x2B740...0x2B81F).contains(value) || (0x2B820...0x2CEAF).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
  }
}
