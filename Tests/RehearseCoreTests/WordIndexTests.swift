import Foundation
import Synchronization
import Testing

@testable import RehearseCore

@Suite("Word index and stem memo")
struct WordIndexTests {
  /// A word made of letters only, different for every `number`.
  private func word(_ number: Int) -> String {
    var letters = "q"
    var rest = number
    repeat {
      letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26))))
      rest /= 26
    } while rest > 0
    return letters
  }

  @Test("finds every word added, by text and by bytes, and no other; grows as needed")
  func findsWords() {
    var index = WordIndex<Int>()
    for number in 0..<2000 {
      let inserted = index.insert(word(number), key: WordKey(word(number)), value: number)
      #expect(inserted)
    }
    #expect(index.count == 2000)
    let insertedAgain = index.insert(word(7), key: WordKey(word(7)), value: -1)
    #expect(!insertedAgain)
    #expect(index.value(WordKey(word(7)), word(7)) == 7)
    for number in 0..<2000 {
      let text = word(number)
      #expect(index.value(WordKey(text), text) == number)
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBytes { index.entry(WordKey(bytes: $0), bytes: $0)?.value } == number)
      #expect(bytes.withUnsafeBytes { index.contains(WordKey(bytes: $0), bytes: $0) })
    }
    #expect(index.value(WordKey("absent"), "absent") == nil)
    #expect(index.entries.map(\.value) == Array(0..<2000))
  }

  @Test("update adds a word with its initial value, then changes it in place")
  func updates() {
    var index = WordIndex<[Int]>()
    index.update("word", initial: []) { $0.append(1) }
    index.update("word", initial: []) { $0.append(2) }
    #expect(index.value(WordKey("word"), "word") == [1, 2])
    #expect(index.count == 1)
  }

  @Test("forgetting every word leaves an index that works like a new one")
  func removesAll() {
    var index = WordIndex<Int>()
    for number in 0..<100 { index.insert(word(number), key: WordKey(word(number)), value: number) }
    index.removeAll()
    #expect(index.count == 0)
    #expect(index.value(WordKey(word(5)), word(5)) == nil)
    index.insert(word(5), key: WordKey(word(5)), value: 50)
    #expect(index.value(WordKey(word(5)), word(5)) == 50)
  }

  @Test("the tokenizer gives the same tokens whether the stem memo knows the words or not")
  func memoIsInvisible() {
    let text = "Partitions were partitioned; the organisation's consistency, I'd say, helped."
    StemMemo.shared.removeAll()
    let cold = Tokenizer.tokens(of: text)
    let warm = Tokenizer.tokens(of: text)
    #expect(cold == warm)
    #expect(cold.map(\.stem) == cold.map { Tokenizer.tokens(of: $0.text).first?.stem ?? "" })
  }

  @Test("more novel words than the memo holds: it starts again, and every stem is still right")
  func memoIsBounded() {
    let count = StemMemo.capacity + 10_000
    let perText = Tokenizer.maximumTokens
    for start in stride(from: 0, to: count, by: perText) {
      let words = (start..<min(count, start + perText)).map { word($0) + "ing" }
      let tokens = Tokenizer.tokens(of: words.joined(separator: " "))
      #expect(tokens.map(\.stem) == words.map { PorterStemmer.stem($0) })
    }
    #expect(Tokenizer.tokens(of: "partitioning").first?.stem == "partit")
  }

  @Test("threads tokenising while the memo is emptied and refilled all get the right tokens")
  func memoIsThreadSafe() {
    let texts = (0..<40).map { text in
      (0..<300).map { word(text * 300 + $0) + ($0 % 2 == 0 ? "ed" : "s") }.joined(separator: " ")
    }
    StemMemo.shared.removeAll()
    let expected = texts.map { Tokenizer.tokens(of: $0) }
    let mismatches = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<3 {
        for (index, text) in texts.enumerated() {
          if thread == 0 && index % 5 == round { StemMemo.shared.removeAll() }
          if Tokenizer.tokens(of: text) != expected[index] { mismatches.withLock { $0 += 1 } }
        }
      }
    }
    #expect(mismatches.withLock { $0 } == 0)
  }
}
