/// The mechanical self-tests `bank test` runs on every open and behavioural rubric, beside its
/// graded examples: answers a rubric must tell apart from a good one without anyone writing them.
///
/// - its **keyword salad** (one one-term phrasing of each point, comma-joined) must be `weak`;
/// - the question's **prompt pasted back** must be `weak`;
/// - **no misconception** may fire on the model answer or on a `strong` example;
/// - each **required point** must be fully made by the model answer and every `strong` example;
/// - the rubric must name at least `fewestMisconceptions` misconceptions, the classic wrong ideas
///   and swapped facts of its topic;
/// - the rubric must carry an **inverted** example (the right words, the facts swapped) and a
///   **plain** one (the model answer's content in everyday words), each scored on its band by the
///   ordinary example check.
///
/// A question of the user's own bank is held to the tests that grade answers against its rubric
/// (the pasted prompt, misconceptions on good answers, required points) but not to the shipped
/// bank's authoring standard (the keyword salad, the misconception count and the inverted and
/// plain examples): a fresh own rubric is drafted one point per word (`RubricDrafter`), which a
/// salad of those words meets by construction, and nobody has written its wrong ideas yet.
public enum RubricSelfTest {
  /// The fewest misconceptions an open or behavioural rubric names.
  public static let fewestMisconceptions = 2

  /// One self-test a rubric failed.
  public struct Failure: Codable, Equatable, Sendable {
    /// Which self-test failed.
    public enum Test: String, Codable, Sendable {
      case keywordSalad = "keyword_salad"
      case pastedPrompt = "pasted_prompt"
      case misconceptionOnGoodAnswer = "misconception_on_good_answer"
      case requiredPointMissed = "required_point_missed"
      case missingInvertedExample = "missing_inverted_example"
      case missingPlainExample = "missing_plain_example"
      case tooFewMisconceptions = "too_few_misconceptions"
    }

    public var question: String
    public var test: Test
    public var file: String
    public var line: Int
    /// What was found, in a sentence.
    public var detail: String
  }

  /// Whether a question's rubric is held to the self-tests: open and behavioural questions,
  /// whose answers are read by their rubric alone.
  public static func applies(to question: Question) -> Bool {
    question.kind == .open || question.kind == .behavioural
  }

  /// The keyword salad of a rubric: the first one-term phrasing of each point (else the terms of
  /// its first phrasing), joined by commas, as a candidate reciting topic names would type them.
  public static func keywordSalad(of rubric: Rubric) -> String {
    rubric.points.compactMap { point -> String? in
      let single = point.phrasings.first { $0.terms.count == 1 }
      return (single ?? point.phrasings.first)?.terms.joined(separator: ", ")
    }.joined(separator: ", ")
  }

  /// Runs every self-test on one question's rubric; `scored` grades an answer to it.
  static func run(
    _ question: Question, rubric: Rubric, grade: (String) -> ScoredAnswer
  ) -> [Failure] {
    var failures: [Failure] = []
    func fail(_ test: Failure.Test, at location: SourceLocation, _ detail: String) {
      failures.append(
        Failure(
          question: question.id, test: test, file: location.file, line: location.line,
          detail: detail))
    }
    let authored = !question.isOwn
    for (test, answer) in [
      (Failure.Test.keywordSalad, keywordSalad(of: rubric)), (.pastedPrompt, question.prompt),
    ] where authored || test != .keywordSalad {
      let scored = grade(answer)
      if scored.band != .weak {
        fail(
          test, at: rubric.location,
          "scored \(scored.score) (\(scored.band.rawValue)), expected weak: \(answer)")
      }
    }
    var good: [(name: String, answer: String, location: SourceLocation)] = [
      ("the model answer", question.modelAnswer, question.location)
    ]
    good += rubric.examples.filter { $0.band == .strong }.map {
      ("the \($0.kind == .plain ? "plain" : "strong") example", $0.answer, $0.location)
    }
    for (name, answer, location) in good {
      let scored = grade(answer)
      for wrongIdea in scored.misconceptions where wrongIdea.kind == .stated {
        fail(
          .misconceptionOnGoodAnswer, at: location,
          "\(name) states the misconception '\(wrongIdea.label)' (\(wrongIdea.evidence.joined(separator: ", ")))"
        )
      }
      for miss in scored.misses where miss.required {
        fail(
          .requiredPointMissed, at: location,
          "\(name) does not fully make the required point '\(miss.point)'")
      }
    }
    guard authored else { return failures }
    if rubric.misconceptions.count < fewestMisconceptions {
      fail(
        .tooFewMisconceptions, at: rubric.location,
        "\(rubric.misconceptions.count) misconception(s); at least \(fewestMisconceptions) expected"
      )
    }
    let kinds = Set(rubric.examples.map(\.kind))
    if !kinds.contains(.inverted) {
      fail(.missingInvertedExample, at: rubric.location, "no example of kind 'inverted' (weak)")
    }
    if !kinds.contains(.plain) {
      fail(.missingPlainExample, at: rubric.location, "no example of kind 'plain' (strong)")
    }
    return failures
  }
}
