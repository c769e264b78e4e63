import Foundation
import RehearseCore
import Testing

@Suite("Answer input")
struct AnswerInputTests {
  @Test("text is accepted as it is")
  func text() throws {
    #expect(
      try AnswerInput.decode(Data("Shards – naïve 🙂\n".utf8), source: "a") == "Shards – naïve 🙂\n")
  }

  @Test(
    "binary and invalid UTF-8 are refused with the line of the first bad byte",
    arguments: [
      ([0x61, 0x0A, 0x62, 0x00], 2),
      ([0x61, 0x0A, 0x0A, 0xC3, 0x28], 3),
      ([0xFF, 0xFE], 1),
    ] as [([UInt8], Int)])
  func notText(bytes: [UInt8], line: Int) {
    #expect(throws: TextFileError.notText(file: "answer.txt", line: line)) {
      try AnswerInput.decode(Data(bytes), source: "answer.txt")
    }
  }

  @Test("an answer over the limit is refused with exit code 65")
  func tooLarge() {
    let data = Data(String(repeating: "a\n", count: AnswerInput.maximumBytes).utf8)
    #expect(
      throws: TextFileError.tooLarge(
        file: "<stdin>", line: AnswerInput.maximumBytes / 2 + 1, limit: AnswerInput.maximumBytes)
    ) {
      try AnswerInput.decode(data, source: "<stdin>")
    }
    #expect(TextFileError.tooLarge(file: "x", line: 1, limit: 1).exitStatus == .dataError)
  }

  @Test("a missing file is missing input, exit code 66")
  func missing() {
    #expect(throws: TextFileError.missing(file: "/nonexistent/answer")) {
      try AnswerInput.read(path: "/nonexistent/answer")
    }
    #expect(TextFileError.missing(file: "x").exitStatus == .noInput)
  }
}
