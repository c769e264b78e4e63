/// Reading which words of an answer stand among a list of names rather than in a statement.
extension AnswerText {
  /// The longest stretch between commas read as one item of a list.
  static let longestListItem = 4
  /// The fewest items that make a list.
  static let shortestList = 3

  /// Marks the tokens that stand among a list of names: the words of a run of at least
  /// `shortestList` short sentences without a predicate word ("Composite index. Covering index.
  /// Column order."), and, in a run of at least `shortestList` comma-separated items within a
  /// sentence, the words after the last predicate word of each item ("Options are B-tree, hash,
  /// bitmap and GIN").
  static func listedTokens(_ tokens: [Token], flags: [CommonVocabulary.Flags]) -> [Bool] {
    var listed = [Bool](repeating: false, count: tokens.count)
    var fragments: [Range<Int>] = []
    var items: [(range: Range<Int>, isWhole: Bool, isShort: Bool)] = []
    func flushFragments() {
      if fragments.count >= shortestList {
        for fragment in fragments {
          for position in fragment { listed[position] = true }
        }
      }
      fragments.removeAll()
    }
    var sentenceStart = 0
    while sentenceStart < tokens.count {
      var sentenceEnd = sentenceStart
      var hasPredicate = false
      while sentenceEnd < tokens.count
        && tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence
      {
        hasPredicate = hasPredicate || flags[sentenceEnd].contains(.predicateWord)
        sentenceEnd += 1
      }
      if !hasPredicate && sentenceEnd - sentenceStart <= longestListItem {
        fragments.append(sentenceStart..<sentenceEnd)
      } else {
        flushFragments()
        // Each claim of the sentence on its own: a list after a colon leaves the claim before it.
        var claimStart = sentenceStart
        while claimStart < sentenceEnd {
          var claimEnd = claimStart
          while claimEnd < sentenceEnd && tokens[claimEnd].claim == tokens[claimStart].claim {
            claimEnd += 1
          }
          markListItems(tokens, flags: flags, in: claimStart..<claimEnd, &items, &listed)
          claimStart = claimEnd
        }
      }
      sentenceStart = sentenceEnd
    }
    flushFragments()
    return listed
  }

  /// Marks the items of comma-separated runs within one claim; `items` is scratch space.
  private static func markListItems(
    _ tokens: [Token], flags: [CommonVocabulary.Flags], in sentence: Range<Int>,
    _ items: inout [(range: Range<Int>, isWhole: Bool, isShort: Bool)], _ listed: inout [Bool]
  ) {
    // The item part of each clause: the words after its last predicate word, and whether the
    // clause is nothing but that.
    if !items.isEmpty { items.removeAll(keepingCapacity: true) }
    var clauseStart = sentence.lowerBound
    while clauseStart < sentence.upperBound {
      var clauseEnd = clauseStart
      var itemStart = clauseStart
      // The longest stretch of the item between `and`/`or`: "composite and covering indexes"
      // is two short items.
      var part = 0
      var longestPart = 0
      while clauseEnd < sentence.upperBound
        && tokens[clauseEnd].clause == tokens[clauseStart].clause
      {
        if flags[clauseEnd].contains(.predicateWord) {
          itemStart = clauseEnd + 1
          part = 0
          longestPart = 0
        } else if flags[clauseEnd].contains(.conjunction) {
          part = 0
        } else {
          part += 1
          longestPart = max(longestPart, part)
        }
        clauseEnd += 1
      }
      items.append(
        (
          itemStart..<clauseEnd, itemStart == clauseStart,
          longestPart > 0 && longestPart <= longestListItem
        ))
      clauseStart = clauseEnd
    }
    var runStart = 0
    while runStart < items.count {
      // A run: a clause whose tail is short, then clauses that are short items entirely.
      guard items[runStart].isShort else {
        runStart += 1
        continue
      }
      var runEnd = runStart + 1
      while runEnd < items.count && items[runEnd].isWhole && items[runEnd].isShort {
        runEnd += 1
      }
      if runEnd - runStart >= shortestList {
        for item in items[runStart..<runEnd] {
          for position in item.range { listed[position] = true }
        }
      }
      runStart = runEnd
    }
  }
}
