import Foundation
import RehearseCore
import Testing

/// The feedback model: what a candidate is told about an answer, whichever way it is shown.
@Suite("Feedback model")
struct FeedbackTests {
  /// An answer whose evidence includes quotations of function words alone.
  static let functionWordEvidence = ScoredAnswer(
    question: "dbc-partitioning", score: 45, band: .adequate,
    hits: [
      .init(
        point: "Partitions are chosen by a key", weight: 1, required: false,
        evidence: ["by", "partition key"])
    ],
    misses: [
      .init(
        point: "Rows are routed by the key's hash", weight: 1, required: true, credit: 0.5,
        evidence: ["by"]),
      .init(
        point: "Ranges suit time series", weight: 1, required: false, credit: 0.25,
        evidence: ["of the", "In the"]),
    ],
    misconceptions: [
      .init(
        label: "Partitions live on other servers", correction: "That is sharding.",
        evidence: ["on the"], penalty: 5, kind: .stated)
    ], cappedByRequired: true)

  @Test("evidence that is only function words is never shown, in any rendering")
  func functionWordEvidenceIsNotShown() throws {
    let feedback = Feedback(Self.functionWordEvidence, question: nil)
    #expect(feedback.made.first?.evidence == ["partition key"])
    #expect(feedback.partlyMade.map(\.evidence) == [[], []])
    #expect(feedback.misconceptions.first?.evidence == [])
    #expect(feedback.partlyMade.first?.credit == 0.5, "the score's credit is kept")

    let text = FeedbackText.render(feedback, style: .plain)
    let markdown = FeedbackMarkdown.lines(feedback).joined(separator: "\n")
    let html = FeedbackHTML.lines(feedback).joined(separator: "\n")
    let json = JSONOutput.encode(feedback)
    for quoted in ["by", "of the", "In the", "on the"] {
      #expect(!text.contains("\"\(quoted)\""), "text quotes \(quoted)")
      #expect(!markdown.contains("“\(quoted)”"), "Markdown quotes \(quoted)")
      #expect(!html.contains("“\(quoted)”"), "HTML quotes \(quoted)")
      #expect(!json.contains("\"\(quoted)\""), "JSON quotes \(quoted)")
    }
    #expect(text.contains("\"partition key\""))
    #expect(text.contains("50% of its weight\n"), "no colon before missing evidence")
  }

  @Test(
    "evidence with a word of its own is kept: content words, short names and numbers",
    arguments: ["partition key", "db", "S3", "by 40%", "3", "the warehouse"])
  func meaningfulEvidenceIsShown(_ quotation: String) {
    #expect(Feedback.shownEvidence([quotation]) == [quotation])
  }

  @Test(
    "evidence of function words alone is dropped",
    arguments: ["by", "the", "of the", "It is", "was", "from", "into", "and so"])
  func functionWordsAreDropped(_ quotation: String) {
    #expect(Feedback.shownEvidence([quotation]).isEmpty)
  }
}
