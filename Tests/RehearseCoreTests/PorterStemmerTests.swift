import Foundation
import RehearseCore
import Testing

@Suite("Porter2 stemmer")
struct PorterStemmerTests {
  /// Pairs copied from the Snowball project's published English vocabulary and output lists.
  @Test(
    arguments: [
      ("abandoned", "abandon"), ("abandonment", "abandon"), ("abasement", "abas"),
      ("abbreviation", "abbrevi"), ("abdominal", "abdomin"), ("abed", "abe"),
      ("abeyance", "abey"), ("abhorred", "abhor"), ("abilities", "abil"), ("able", "abl"),
      ("abnormality", "abnorm"), ("abolition", "abolit"), ("aboriginally", "aborigin"),
      ("above", "abov"), ("absence", "absenc"), ("absorption", "absorpt"),
      ("academy", "academi"), ("accident", "accid"), ("accidental", "accident"),
      ("accountabilities", "account"), ("accuracy", "accuraci"), ("added", "ad"),
      ("adding", "ad"), ("adds", "add"), ("adas", "ada"), ("admiralty", "admiralti"),
      ("intricacies", "intricaci"), ("introductory", "introductori"), ("invalided", "invalid"),
      ("invaluable", "invalu"), ("inverness", "inver"), ("iris", "iri"), ("isn", "isn"),
      ("its", "it"), ("ivy", "ivi"), ("jaded", "jade"), ("jammed", "jam"), ("james", "jame"),
      ("jennings", "jen"), ("joneses", "jones"), ("joyful", "joy"), ("judgement", "judgement"),
      ("judicious", "judici"), ("speciality", "special"), ("specified", "specifi"),
      ("speechifying", "speechifi"), ("spied", "spi"), ("spoonful", "spoon"),
      ("sprightly", "spright"), ("spy", "spi"), ("squarely", "squar"), ("stability", "stabil"),
      ("standstill", "standstil"), ("stately", "state"), ("stationery", "stationeri"),
      ("statue", "statu"), ("staying", "stay"),
    ])
  func publishedPairs(word: String, stem: String) {
    #expect(PorterStemmer.stem(word) == stem)
  }

  @Test("agrees with the reference implementation on 2,700 words")
  func referenceVocabulary() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "porter2-reference", withExtension: "txt", subdirectory: "Fixtures"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    var checked = 0
    var disagreements: [String] = []
    for line in lines where !line.hasPrefix("#") {
      let parts = line.split(separator: " ")
      guard parts.count == 2 else { continue }
      let word = String(parts[0])
      let got = PorterStemmer.stem(word)
      if got != parts[1] { disagreements.append("\(word): expected \(parts[1]), got \(got)") }
      checked += 1
    }
    #expect(checked > 2_500)
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
  }

  @Test("leaves words outside ASCII and very short words alone")
  func untouched() {
    #expect(PorterStemmer.stem("naïve") == "naïve")
    #expect(PorterStemmer.stem("is") == "is")
    #expect(PorterStemmer.stem("") == "")
  }
}
