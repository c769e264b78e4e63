/// The words and sentences of a story's text, as the STAR analysis reads them.
struct StoryText {
  /// A word as written and lowercased, with the sentence it belongs to.
  struct Word {
    var text: String
    var lower: String
    var sentence: Int
    /// Whether the word opens its sentence (so a capital letter says nothing about it).
    var opensSentence: Bool
    /// Whether the word is plain ASCII: every cue is, so another word is never equal to one, and
    /// comparing it would cost a Unicode normalisation.
    var isASCII: Bool
  }

  private(set) var words: [Word] = []
  /// The number of sentences.
  private(set) var sentenceCount = 0

  /// Splits `text` into words (letters, digits and the marks inside numbers and names) and
  /// sentences (ended by `.`, `!`, `?` or a line break before a list item or blank line).
  init(_ text: String) {
    var sentence = 0
    var current = ""
    var sentenceHasWords = false
    var pendingEnd = false
    // A comma after a digit: part of the number ("5,000") when a digit follows.
    var pendingComma = false
    var lineStart = true

    func endWord() {
      // Marks that only end a word (a full stop, a comma) are not part of it.
      while let last = current.last, ".,:;'’-".contains(last) { current.removeLast() }
      while let first = current.first, "'’-".contains(first) { current.removeFirst() }
      if !current.isEmpty {
        words.append(
          Word(
            text: current, lower: current.lowercased(), sentence: sentence,
            opensSentence: !sentenceHasWords, isASCII: current.utf8.allSatisfy { $0 < 0x80 }))
        sentenceHasWords = true
      }
      current = ""
    }
    func endSentence() {
      if sentenceHasWords {
        sentence += 1
        sentenceHasWords = false
      }
    }

    for character in text {
      if character.isLetter || character.isNumber || "%$€£+".contains(character) {
        if pendingComma {
          pendingComma = false
          if character.isNumber { current.append(",") } else { endWord() }
        }
        if pendingEnd {
          // ".5", "e.g": a full stop followed directly by a letter or digit stays inside.
          if !current.isEmpty { current.append(".") }
          pendingEnd = false
        }
        current.append(character)
        lineStart = false
        continue
      }
      if pendingComma {
        pendingComma = false
        endWord()
      }
      if pendingEnd {
        pendingEnd = false
        endWord()
        endSentence()
      }
      switch character {
      case "," where current.last?.isNumber == true:
        pendingComma = true
      case ".":
        // A dot inside a number or name (3.5, Node.js) is decided by what follows.
        if current.isEmpty { endSentence() } else { pendingEnd = true }
      case "!", "?", ";":
        endWord()
        endSentence()
      case "\n", "\r\n":
        endWord()
        if lineStart { endSentence() }  // a blank line ends a paragraph
        lineStart = true
      case "'", "’", "-", "/", "_", "#", "&":
        if current.isEmpty {
          if character == "-" && lineStart { endSentence() }  // a list item
        } else {
          current.append(character == "’" ? "'" : character)
        }
      default:
        endWord()
        if !character.isWhitespace { lineStart = false }
      }
    }
    endWord()
    endSentence()
    sentenceCount = sentence
  }

  /// The word ranges of every sentence, in order.
  var sentenceRanges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in words.indices.dropFirst() where words[index].sentence != words[index - 1].sentence
    {
      ranges.append(start..<index)
      start = index
    }
    if !words.isEmpty { ranges.append(start..<words.count) }
    return ranges
  }
}

/// Phrases that signal something in a story, matched on lowercased words; a phrase word ending
/// in `*` matches any word it begins.
struct CueList: Sendable {
  /// One word of a phrase: a whole word, or the start of one.
  private struct Cue: Sendable {
    var text: String
    var isPrefix: Bool

    func matches(_ word: StoryText.Word) -> Bool {
      isPrefix ? word.lower.utf8.starts(with: text.utf8) : word.isASCII && word.lower == text
    }
  }

  /// The phrases by their first word, when it is a whole word.
  private let byFirstWord: [String: [[Cue]]]
  /// The phrases whose first word is a prefix (`struggl*`).
  private let byPrefix: [[Cue]]

  init(_ phrases: [String]) {
    var byFirstWord: [String: [[Cue]]] = [:]
    var byPrefix: [[Cue]] = []
    for phrase in phrases {
      let cues = phrase.split(separator: " ").map { word in
        word.hasSuffix("*")
          ? Cue(text: String(word.dropLast()), isPrefix: true)
          : Cue(text: String(word), isPrefix: false)
      }
      guard let first = cues.first else { continue }
      if first.isPrefix {
        byPrefix.append(cues)
      } else {
        byFirstWord[first.text, default: []].append(cues)
      }
    }
    self.byFirstWord = byFirstWord
    self.byPrefix = byPrefix
  }

  /// The phrases that occur in `words`, as written.
  func matches(in words: ArraySlice<StoryText.Word>) -> [String] {
    var found: [String] = []
    scan(words) { range in
      found.append(words[range].map(\.text).joined(separator: " "))
      return true
    }
    return found
  }

  /// Whether any phrase occurs in `words`.
  func occurs(in words: ArraySlice<StoryText.Word>) -> Bool {
    var found = false
    scan(words) { _ in
      found = true
      return false
    }
    return found
  }

  /// Calls `found` with the words of each match until it returns `false`.
  private func scan(_ words: ArraySlice<StoryText.Word>, _ found: (Range<Int>) -> Bool) {
    for start in words.indices {
      let word = words[start]
      for list in [word.isASCII ? byFirstWord[word.lower] ?? [] : [], byPrefix] {
        for phrase in list where start + phrase.count <= words.endIndex {
          var matched = true
          for (offset, cue) in phrase.enumerated() where !cue.matches(words[start + offset]) {
            matched = false
            break
          }
          if matched && !found(start..<start + phrase.count) { return }
        }
      }
    }
  }
}
