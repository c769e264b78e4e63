import Foundation
import RehearseCore

// Scoring throughput on the shipped bank: every model answer and graded example, scored over and
// over on one thread for a fixed wall-clock budget. Run it release-built:
//   swift run -c release RehearseBenchmark [--seconds N] [--bank DIR] [--cold]
// The tokenizer remembers stems it has computed; --cold forgets them before every answer, which
// is the cost of an answer made entirely of words never seen before.

var seconds = 3.0
var bankPath: String?
var cold = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--seconds": seconds = arguments.next().flatMap(Double.init) ?? seconds
  case "--bank": bankPath = arguments.next()
  case "--cold": cold = true
  default:
    FileHandle.standardError.write(
      Data("usage: RehearseBenchmark [--seconds N] [--bank DIR] [--cold]\n".utf8))
    exit(64)
  }
}

let clock = ContinuousClock()
let loadStart = clock.now
let bank: Bank
do {
  let root = try BankLocator.locate(
    explicit: bankPath, environment: ProcessInfo.processInfo.environment,
    executablePath: CommandLine.arguments[0],
    currentDirectory: FileManager.default.currentDirectoryPath)
  bank = try Bank.load(from: root)
} catch {
  FileHandle.standardError.write(Data("RehearseBenchmark: \(error)\n".utf8))
  exit(65)
}
let scorer = Scorer(bank: bank)
let loadTime = clock.now - loadStart

var workload: [(id: String, answer: String)] = []
for question in bank.questions {
  workload.append((question.id, question.modelAnswer))
  for example in bank.rubrics[question.id]?.examples ?? [] {
    workload.append((question.id, example.answer))
  }
}
let words = workload.reduce(0) { $0 + $1.answer.split(whereSeparator: \.isWhitespace).count }

var scored = 0
var checksum = 0
let start = clock.now
let budget = Duration.milliseconds(Int(seconds * 1000))
while clock.now - start < budget {
  for item in workload {
    if cold { StemMemo.shared.removeAll() }
    checksum &+= scorer.score(item.answer, questionID: item.id)?.score ?? 0
  }
  scored += workload.count
}
let elapsed = clock.now - start
let elapsedSeconds =
  Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

// The stages on their own, over the same answers: tokenising (which includes stemming) and
// stemming alone.
func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
let allWords = workload.flatMap { item in
  item.answer.lowercased().split { !$0.isLetter }.map(String.init)
}
var stageChecksum = 0
let tokenizeStart = clock.now
for _ in 0..<200 {
  for item in workload {
    if cold { StemMemo.shared.removeAll() }
    stageChecksum &+= Tokenizer.tokens(of: item.answer).count
  }
}
let tokenizeTime = seconds(clock.now - tokenizeStart) / Double(200 * workload.count)
let stemStart = clock.now
for _ in 0..<200 {
  for word in allWords { stageChecksum &+= PorterStemmer.stem(word).utf8.count }
}
let stemTime = seconds(clock.now - stemStart) / Double(200 * allWords.count)

let longAnswer = String(
  repeating: workload[0].answer + " ", count: 100_000 / max(1, workload[0].answer.utf8.count))
let longStart = clock.now
_ = scorer.score(longAnswer, questionID: workload[0].id)
let longTime = clock.now - longStart

print("bank: \(bank.questions.count) questions, loaded and compiled in \(loadTime)")
print("workload: \(workload.count) answers, \(words / max(1, workload.count)) words on average")
print(
  String(
    format: "scored %d answers in %.2f s: %.0f answers/s, %.1f µs/answer",
    scored, elapsedSeconds, Double(scored) / elapsedSeconds, elapsedSeconds / Double(scored) * 1e6))
print("one \(longAnswer.utf8.count)-byte answer: \(longTime)")
print(
  String(
    format: "stages: tokenising %.1f µs/answer; stemming %.0f ns/word", tokenizeTime * 1e6,
    stemTime * 1e9))
print("checksum \(checksum) \(stageChecksum)")
