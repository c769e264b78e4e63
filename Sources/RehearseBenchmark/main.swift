import Foundation
import RehearseCore
import RehearseEmbedding

// Scoring throughput on the shipped bank: every model answer and graded example, scored over and
// over on one thread. Run it release-built:
//   swift run -c release RehearseBenchmark [--rounds N] [--seconds N] [--passes N] [--bank DIR]
//     [--cold] [--graded TSV] [--scoring-only] [--embedding-only]
// It runs several rounds and reports the median and the best: on a shared machine the speed
// varies between rounds, and the best round is the closest to what the code can do.
// The tokenizer remembers stems it has computed; --cold forgets them before every answer, which
// is the cost of an answer made entirely of words never seen before. --scoring-only stops after
// the two scoring figures, for comparing two builds in turn on a machine whose speed wanders.
// --embedding-only measures only the sentence-embedding model: its load and one answer's embedding.
// --reads-like measures how well a sentence's meaning names the talking point it makes, the
// figures `SemanticBlend.readsLikeThreshold` is chosen from (see `readsLikeCalibration`).
// --passes N scores the workload exactly N times a round instead of for a time: a fixed amount of
// work, for counting instructions (valgrind --tool=callgrind), which does not wander.

var seconds = 1.0
var rounds = 5
var bankPath: String?
var cold = false
var gradedPath: String?
var scoringOnly = false
var embeddingOnly = false
var readsLike = false
var passes: Int?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--seconds": seconds = arguments.next().flatMap(Double.init) ?? seconds
  case "--rounds": rounds = max(1, arguments.next().flatMap(Int.init) ?? rounds)
  case "--bank": bankPath = arguments.next()
  case "--cold": cold = true
  case "--graded": gradedPath = arguments.next()
  case "--scoring-only": scoringOnly = true
  case "--embedding-only": embeddingOnly = true
  case "--reads-like": readsLike = true
  case "--passes": passes = arguments.next().flatMap(Int.init).map { max(1, $0) }
  default:
    FileHandle.standardError.write(
      Data(
        ("usage: RehearseBenchmark [--rounds N] [--seconds N] [--passes N] [--bank DIR] [--cold]"
          + " [--graded TSV] [--scoring-only] [--embedding-only] [--reads-like]\n").utf8))
    exit(64)
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let clock = ContinuousClock()
let loadStart = clock.now
let bank: Bank
var bankRoot: URL?
do {
  let root = try BankLocator.locate(
    explicit: bankPath, environment: ProcessInfo.processInfo.environment,
    executablePath: ProgramPath.current(),
    currentDirectory: FileManager.default.currentDirectoryPath)
  bank = try Bank.load(from: root)
  bankRoot = root
} catch {
  FileHandle.standardError.write(Data("RehearseBenchmark: \(error)\n".utf8))
  exit(65)
}
let grader = Grader(bank: bank)
let loadTime = seconds(clock.now - loadStart)

var workload: [(id: String, answer: String)] = []
for question in bank.questions {
  workload.append((question.id, question.modelAnswer))
  for example in bank.rubrics[question.id]?.examples ?? [] {
    workload.append((question.id, example.answer))
  }
}
let words = workload.reduce(0) { $0 + $1.answer.split(whereSeparator: \.isWhitespace).count }

// Scoring, in rounds.
var checksum = 0
// The sentence-embedding model: loading it, embedding answers one by one, and scoring one
// answer with its meaning as a session does (the question's references computed while it is
// on screen, so the answer costs its own embedding and the rubric).
@MainActor func benchmarkEmbedding() {
  guard let root = bankRoot else { return }
  let folder = SemanticModel.folder(bankRoot: root)
  let start = clock.now
  guard let encoder = try? SentenceEncoder(folder: folder) else {
    print("embedding: no model in \(folder.path)")
    return
  }
  let loaded = seconds(clock.now - start)
  print(String(format: "embedding: model loaded in %.0f ms (on its own thread)", loaded * 1000))
  // Model answers (most reach the token limit) and graded examples (a candidate's length).
  for (name, texts) in [
    ("model answers", bank.questions.prefix(20).map(\.modelAnswer)),
    (
      "graded examples",
      bank.questions.prefix(20).compactMap { bank.rubrics[$0.id]?.examples.first?.answer }
    ),
  ] {
    let tokens = texts.reduce(0) {
      $0 + encoder.tokenizer.encode($1, limit: SentenceEncoder.tokenLimit).count
    }
    var times: [Double] = []
    for _ in 0..<max(1, min(rounds, 3)) {
      let round = clock.now
      for text in texts { checksum &+= Int(encoder.embed(text)[0] * 1000) }
      times.append(seconds(clock.now - round) / Double(texts.count))
    }
    times.sort()
    print(
      String(
        format: "embedding: %d %@ of %d tokens on average: median %.1f ms each, best %.1f ms",
        texts.count, name, tokens / max(1, texts.count), times[times.count / 2] * 1000,
        times[0] * 1000))
  }

  // A session's grader, ready for its first prompt: with the model loading behind it, and
  // without the semantic signal at all.
  let sessionIDs = Array(bank.questions.prefix(8).map(\.id))
  var ready: [String: [Double]] = ["with": [], "without": []]
  for _ in 0..<max(1, rounds) {
    for (name, semantic) in [("with", true), ("without", false)] {
      let begin = clock.now
      let scorer =
        semantic
        ? SemanticScorer(model: SemanticModel(folder: folder, warn: { _ in })) : nil
      let session = Grader(bank: bank, questionIDs: sessionIDs, semantics: scorer)
      session.prepare(questionID: sessionIDs[0])
      ready[name, default: []].append(seconds(clock.now - begin))
    }
  }
  let readyWith = ready["with"]!.sorted()
  let readyWithout = ready["without"]!.sorted()
  print(
    String(
      format: "first prompt: grader ready in %.2f ms with the semantic signal, %.2f ms without "
        + "(medians; the model loads behind it)",
      readyWith[readyWith.count / 2] * 1000, readyWithout[readyWithout.count / 2] * 1000))

  // Scoring one answer with its meaning: candidates' answers (the interviewer-graded file beside
  // the checkout when there is one, else the bank's graded examples), each question's
  // references computed first, as while a question is on screen.
  let answersFile = root.deletingLastPathComponent()
    .appendingPathComponent("shared/data/bank-answers/dev.tsv").path
  var candidates: [(id: String, answer: String)] = workload
  var source = "model answers and graded examples"
  if let text = try? GradedAnswersFile.text(atPath: answersFile),
    let answers = try? BankAnswersFile.parse(text, path: answersFile)
  {
    candidates = answers.map { ($0.questionID, $0.answer) }
    source = "candidate answers"
  }
  candidates = candidates.filter { item in
    bank.question(id: item.id).map { $0.kind == .open || $0.kind == .behavioural } ?? false
  }.prefix(100).map { $0 }
  let scorer = SemanticScorer(model: SemanticModel(folder: folder, warn: { _ in }))
  let blended = Grader(bank: bank, semantics: scorer)
  for id in Set(candidates.map(\.id)) {
    checksum &+= blended.grade("warm up", questionID: id).score
  }
  var perAnswer: [Double] = []
  var tokens = 0
  for item in candidates {
    tokens += encoder.tokenizer.encode(item.answer, limit: SentenceEncoder.tokenLimit).count
    let begin = clock.now
    checksum &+= blended.grade(item.answer, questionID: item.id).score
    perAnswer.append(seconds(clock.now - begin))
  }
  perAnswer.sort()
  if !perAnswer.isEmpty {
    print(
      String(
        format: "scoring one answer with its meaning: %d %@ of %d tokens on average: median "
          + "%.1f ms, mean %.1f ms, 90th percentile %.1f ms, longest %.1f ms",
        perAnswer.count, source,
        tokens / perAnswer.count, perAnswer[perAnswer.count / 2] * 1000,
        perAnswer.reduce(0, +) / Double(perAnswer.count) * 1000,
        perAnswer[perAnswer.count * 9 / 10] * 1000, perAnswer[perAnswer.count - 1] * 1000))
  }
}

/// How well "reads like" names the point a sentence makes, at each threshold.
///
/// Over every model answer and strong example of an open or behavioural question, each talking
/// point the rubric finds is treated as if it were missed: the answer's sentence closest in
/// meaning to the point's label is named when their cosine reaches the threshold, and it is right
/// when it is the sentence holding the words the rubric found. Printed per threshold: how often a
/// sentence is named, and how often the named one is right.
@MainActor func readsLikeCalibration() {
  guard let root = bankRoot,
    let encoder = try? SentenceEncoder(folder: SemanticModel.folder(bankRoot: root))
  else { return }
  var cases: [(similarity: Float, right: Bool)] = []
  for question in bank.questions where question.kind == .open || question.kind == .behavioural {
    guard let rubric = bank.rubrics[question.id], let compiled = grader.rubric(for: question.id)
    else { continue }
    let labels = Dictionary(
      uniqueKeysWithValues: rubric.points.map { ($0.label, encoder.embed($0.label)) })
    let answers =
      [question.modelAnswer] + rubric.examples.filter { $0.band == .strong }.map(\.answer)
    for answer in answers {
      let sentences = Grader.sentences(of: answer, tokens: Tokenizer.tokens(of: answer))
      guard sentences.count > 1 else { continue }
      let parts = encoder.embed(parts: sentences).parts
      for hit in Scorer.score(answer, against: compiled).hits {
        guard let label = labels[hit.point], let quote = hit.evidence.first else { continue }
        let best = parts.indices.max {
          SentenceEncoder.cosine(parts[$0], label) < SentenceEncoder.cosine(parts[$1], label)
        }!
        cases.append((SentenceEncoder.cosine(parts[best], label), sentences[best].contains(quote)))
      }
    }
  }
  print("reads like: \(cases.count) points made, each treated as missed")
  print("THRESHOLD  NAMED  RIGHT WHEN NAMED")
  for threshold in stride(from: Float(0.3), through: 0.75, by: 0.05) {
    let named = cases.filter { $0.similarity >= threshold }
    let right = named.filter(\.right).count
    print(
      String(
        format: "%.2f       %3.0f%%   %3.0f%% (%d of %d)", threshold,
        100 * Double(named.count) / Double(max(1, cases.count)),
        100 * Double(right) / Double(max(1, named.count)), right, named.count))
  }
}

if readsLike {
  readsLikeCalibration()
  exit(0)
}

if embeddingOnly {
  benchmarkEmbedding()
  exit(0)
}

let budget = Duration.milliseconds(Int(seconds * 1000))

/// The answers a second of each round, sorted: `score` runs over `count` items, again and again,
/// until the round's budget is spent.
@MainActor func measure(count: Int, _ score: (Int) -> Int) -> [Double] {
  var rates: [Double] = []
  for _ in 0..<rounds {
    var scored = 0
    let start = clock.now
    var pass = 0
    while passes.map({ pass < $0 }) ?? (clock.now - start < budget) {
      pass += 1
      for index in 0..<count {
        if cold { StemMemo.shared.removeAll() }
        checksum &+= score(index)
      }
      scored += count
    }
    rates.append(Double(scored) / seconds(clock.now - start))
  }
  return rates.sorted()
}

let rates = measure(count: workload.count) {
  grader.grade(workload[$0].answer, questionID: workload[$0].id).score
}
let median = rates[rates.count / 2]
let best = rates[rates.count - 1]

// The rubric part alone (`Scorer`), without the STAR reading of behavioural answers: what a
// rubric costs an answer.
let rubricWorkload = workload.compactMap { item in
  grader.rubric(for: item.id).map { (rubric: $0, answer: item.answer) }
}
let rubricRates = measure(count: rubricWorkload.count) {
  Scorer.score(rubricWorkload[$0].answer, against: rubricWorkload[$0].rubric).score
}

if scoringOnly {
  print(
    String(
      format:
        "full grading: median %.0f answers/s, best %.0f; rubric alone: median %.0f, best %.0f",
      median, best, rubricRates[rubricRates.count / 2], rubricRates[rubricRates.count - 1]))
  exit(0)
}

// The stages on their own, over the same answers: tokenising (which includes stemming) and
// stemming alone.
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

// One answer at the input limit.
let longAnswer = String(
  repeating: workload[0].answer + " ",
  count: AnswerInput.maximumBytes / max(1, workload[0].answer.utf8.count + 1))
let longStart = clock.now
checksum &+= grader.grade(longAnswer, questionID: workload[0].id).score
let longTime = seconds(clock.now - longStart)

print(
  String(
    format: "bank: %d questions, loaded, validated and compiled in %.0f ms",
    bank.questions.count, loadTime * 1000))
print("workload: \(workload.count) answers, \(words / max(1, workload.count)) words on average")
print(cold ? "stem memo: cleared before every answer (cold)" : "stem memo: warm")
print(
  String(
    format: "%d rounds of %.1f s: median %.0f answers/s (%.1f µs/answer), best %.0f answers/s",
    rounds, seconds, median, 1e6 / median, best))
print(
  String(
    format: "rubric scoring alone (no STAR reading): median %.0f answers/s (%.1f µs/answer)",
    rubricRates[rubricRates.count / 2], 1e6 / rubricRates[rubricRates.count / 2]))
print(
  String(
    format: "stages: tokenising %.1f µs/answer; stemming %.0f ns/word",
    tokenizeTime * 1e6, stemTime * 1e9))
print(
  String(
    format: "one %d-byte answer (the input limit): %.1f ms",
    longAnswer.utf8.count, longTime * 1000))

benchmarkEmbedding()

// Stories: reading and checking the example story, scoring a retelling of it, and retellings at
// the input limit (ordinary text, one endless word, emoji with combining marks).
if let root = bankRoot,
  case let path = root.appendingPathComponent("examples/stories/control-tower-pipeline.md").path,
  let text = try? StoryFile.text(atPath: path),
  let story = try? StoryFile.parse(text, file: "example", slug: "example")
{
  let repeats = 300
  let checkStart = clock.now
  for _ in 0..<repeats {
    if let text = try? StoryFile.text(atPath: path),
      let parsed = try? StoryFile.parse(text, file: "example", slug: "example")
    {
      checksum &+= StarAnalyzer.analyze(parsed).words
    }
  }
  let checkTime = seconds(clock.now - checkStart) / Double(repeats)
  let retelling = story.spokenText
  let retellStart = clock.now
  for _ in 0..<repeats { checksum &+= StoryRehearsal.score(retelling, against: story).score }
  let retellTime = seconds(clock.now - retellStart) / Double(repeats)
  print(
    String(
      format: "stories: read and check %.2f ms/story; score a %d-word retelling %.2f ms",
      checkTime * 1000, retelling.split(separator: " ").count, retellTime * 1000))
  let limit = AnswerInput.maximumBytes
  let hostile = [
    (
      "ordinary text", String(repeating: retelling + " ", count: limit / (retelling.utf8.count + 1))
    ),
    ("one endless word", String(repeating: "x", count: limit)),
    ("emoji and combining marks", String(repeating: "e\u{301}🚀 ", count: limit / 8)),
  ]
  for (name, text) in hostile {
    let start = clock.now
    checksum &+= StoryRehearsal.score(text, against: story).score
    print(
      String(
        format: "  a %d-byte retelling (%@): %.1f ms", text.utf8.count, name,
        seconds(clock.now - start) * 1000))
  }
}

// Scoring human-graded answers against drafted rubrics, as `rehearse eval` does: the scorer's
// throughput on real student answers (default: the shared Mohler dev set beside the checkout).
let graded =
  gradedPath
  ?? bankRoot.map {
    $0.deletingLastPathComponent().appendingPathComponent("shared/data/asag/mohler-dev.tsv").path
  }
if let graded, let answers = try? GradedAnswersFile.read(path: graded) {
  let lexicon = CompiledLexicon(bank.lexicon)
  var rubrics: [String: CompiledRubric] = [:]
  for answer in answers where rubrics[answer.questionID] == nil {
    rubrics[answer.questionID] = CompiledRubric(
      RubricDrafter.draft(
        questionID: answer.questionID, question: answer.question,
        modelAnswer: answer.referenceAnswer, lexicon: bank.lexicon),
      lexicon: lexicon)
  }
  var gradedRates: [Double] = []
  for _ in 0..<rounds {
    let start = clock.now
    var scored = 0
    var pass = 0
    while passes.map({ pass < $0 }) ?? (clock.now - start < budget) {
      pass += 1
      for answer in answers {
        checksum &+= Scorer.score(answer.answer, against: rubrics[answer.questionID]!).score
      }
      scored += answers.count
    }
    gradedRates.append(Double(scored) / seconds(clock.now - start))
  }
  gradedRates.sort()
  let evalStart = clock.now
  let report = Rehearse.evaluate(answers, lexicon: bank.lexicon)
  print(
    String(
      format:
        "graded answers (%d, drafted rubrics): median %.0f answers/s, best %.0f; whole eval "
        + "%.0f ms, Pearson %.3f",
      answers.count, gradedRates[gradedRates.count / 2], gradedRates[gradedRates.count - 1],
      seconds(clock.now - evalStart) * 1000, report.pearson))
}
// Executable grading: one SQL answer checked (fixture loaded, reference and answer run, results
// compared), one Python answer run against its tests in python3, the time the limits take to stop
// a runaway query and an endless loop, and the executable part of `bank test`.
let checker = ExerciseChecker.locate(environment: ProcessInfo.processInfo.environment)
let sqlQuestions = bank.questions.filter { $0.sql != nil }
if !sqlQuestions.isEmpty {
  var perCheck: [Double] = []
  for _ in 0..<rounds {
    let start = clock.now
    for question in sqlQuestions {
      checksum &+= checker.check(question.modelAnswer, for: question)?.score ?? 0
    }
    perCheck.append(seconds(clock.now - start) / Double(sqlQuestions.count))
  }
  perCheck.sort()
  print(
    String(
      format: "SQL answers (%d questions): median %.2f ms per check, best %.2f",
      sqlQuestions.count, perCheck[perCheck.count / 2] * 1000, perCheck[0] * 1000))
  let bomb =
    "SELECT COUNT(*) FROM " + (0..<12).map { "players p\($0)" }.joined(separator: ", ") + ";"
  if let players = sqlQuestions.first(where: { $0.sql?.fixture.contains("players") == true }) {
    let start = clock.now
    let report = checker.check(bomb, for: players)
    print(
      String(
        format: "  a cartesian product of 12 tables: %@ after %.2f s (limit %.1f s)",
        report?.outcome.rawValue ?? "-", seconds(clock.now - start), checker.limits.sqlSeconds))
  }
}
let pythonQuestions = bank.questions.filter { $0.python != nil }
if let first = pythonQuestions.first, checker.python.isAvailable {
  var perRun: [Double] = []
  for question in pythonQuestions {
    let start = clock.now
    checksum &+= checker.check(question.modelAnswer, for: question)?.score ?? 0
    perRun.append(seconds(clock.now - start))
  }
  perRun.sort()
  print(
    String(
      format: "Python answers (%d questions): median %.0f ms per run (two python3 start-ups each)",
      pythonQuestions.count, perRun[perRun.count / 2] * 1000))
  let loop =
    "def \(first.python!.functionName)(*arguments, **options):\n    while True:\n        pass\n"
  let start = clock.now
  let report = checker.check(loop, for: first)
  print(
    String(
      format: "  an endless loop: %@ after %.2f s (limits %.0f s wall, %d s CPU)",
      report?.outcome.rawValue ?? "-", seconds(clock.now - start), checker.limits.pythonSeconds,
      checker.limits.pythonCPUSeconds))
}
let exerciseStart = clock.now
let exerciseResult = ExerciseTester.run(bank, checker: checker)
print(
  String(
    format: "bank test, executable part: %d questions, %d runs in %.2f s (%d not as expected)",
    exerciseResult.questions, exerciseResult.run, seconds(clock.now - exerciseStart),
    exerciseResult.failures.count))
print("checksum \(checksum) \(stageChecksum)")
