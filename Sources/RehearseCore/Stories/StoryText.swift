/// The words and sentences of a story's text, as story matching still reads them.
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
