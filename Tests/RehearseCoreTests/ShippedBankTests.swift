import Foundation
import RehearseCore
import Testing

@Suite("Shipped bank")
struct ShippedBankTests {
  static let bank: Bank? = try? Bank.load(from: Repository.root)

  @Test("bank stats: 40 questions or more per component, all three levels, 30 SQL and 15 Python")
  func breadth() throws {
    let stats = BankReports.stats(try #require(Self.bank))
    for component in Component.allCases {
      let detail = try #require(stats.byComponent[component.rawValue])
      #expect((stats.components[component.rawValue] ?? 0) >= 40, "\(component)")
      #expect(
        ["1", "2", "3"].allSatisfy { (detail.difficulties[$0] ?? 0) > 0 }, "\(component)")
      #expect(detail.difficulties.values.reduce(0, +) == stats.components[component.rawValue])
    }
    #expect((stats.kinds["sql"] ?? 0) >= 30)
    #expect((stats.kinds["python"] ?? 0) >= 15)
    #expect(stats.byComponent["sql-python"]?.kinds["sql"] == stats.kinds["sql"])
  }

  @Test("every question has a model answer, two hints, a follow-up and tags")
  func questionContent() throws {
    let bank = try #require(Self.bank)
    for question in bank.questions {
      let words = question.modelAnswer.split(whereSeparator: \.isWhitespace).count
      #expect(words >= 60, "\(question.id): a model answer of \(words) words")
      #expect(question.hints.count >= 2, "\(question.id)")
      #expect(question.followUps.count >= 1, "\(question.id)")
      #expect(!question.tags.isEmpty, "\(question.id)")
    }
  }

  @Test(
    "every rubric has four talking points, a misconception, and strong, adequate and weak examples")
  func rubricContent() throws {
    let bank = try #require(Self.bank)
    for question in bank.questions {
      let rubric = try #require(bank.rubrics[question.id], "\(question.id)")
      #expect(rubric.points.count >= 4, "\(question.id)")
      #expect(!rubric.misconceptions.isEmpty, "\(question.id)")
      #expect(rubric.examples.count >= 3, "\(question.id)")
      #expect(Set(rubric.examples.map(\.band)) == Set(Band.allCases), "\(question.id)")
    }
  }

  @Test("a list of buzzwords is never better than adequate on any question")
  func buzzwordsAreNotStrong() throws {
    let bank = try #require(Self.bank)
    let grader = Grader(bank: bank)
    let buzzwords =
      "I have built pipelines with Spark, Kafka and Airflow, with monitoring and data quality "
      + "checks, scheduling, retries and alerts."
    for question in bank.questions {
      let scored = grader.grade(buzzwords, questionID: question.id)
      #expect(scored.score < 50, "\(question.id): \(scored.score)")
    }
  }

  @Test("SQL questions carry a fixture and reference query; Python ones a signature and tests")
  func executableExercises() throws {
    let bank = try #require(Self.bank)
    let sql = bank.questions.filter { $0.kind == .sql }
    let python = bank.questions.filter { $0.kind == .python }
    #expect(sql.count >= 15)
    #expect(python.count >= 8)
    for question in sql {
      let exercise = try #require(question.sql, "\(question.id)")
      #expect(exercise.fixture.uppercased().contains("CREATE TABLE"), "\(question.id)")
      #expect(exercise.referenceQuery.uppercased().contains("SELECT"), "\(question.id)")
    }
    for question in python {
      let exercise = try #require(question.python, "\(question.id)")
      #expect(exercise.tests.count >= 3, "\(question.id)")
      #expect(
        exercise.referenceSolution.contains("def \(exercise.functionName)("), "\(question.id)")
    }
  }

  @Test("behavioural questions carry every competency, and the seed's questions are asked")
  func behaviouralQuestions() throws {
    let bank = try #require(Self.bank)
    let behavioural = bank.questions.filter { $0.component == .behavioural }
    for competency in Competency.allCases {
      #expect(
        behavioural.filter { $0.competencies.contains(competency) }.count >= 2, "\(competency)")
    }
    let prompts = behavioural.map { $0.prompt.lowercased() }
    for phrase in ["pipeline", "data warehouse", "cloud", "learn"] {
      #expect(prompts.contains { $0.contains(phrase) }, "\(phrase)")
    }
  }

  @Test("system design and data models use the seed's gaming-company scenario")
  func gamingScenario() throws {
    let bank = try #require(Self.bank)
    for component in [Component.systemDesign, .dataModels] {
      let prompts = bank.questions.filter { $0.component == component }.map {
        $0.prompt.lowercased()
      }
      #expect(prompts.filter { $0.contains("player") }.count >= 3, "\(component)")
    }
  }

  @Test(
    "every rubric has a strong and a weak graded example, every example gets its band, and every open and behavioural rubric passes its self-tests"
  )
  func gradedExamples() throws {
    let bank = try #require(Self.bank)
    for question in bank.questions {
      let bands = Set(bank.rubrics[question.id]?.examples.map(\.band) ?? [])
      #expect(bands.isSuperset(of: [.strong, .weak]), "\(question.id)")
    }
    let result = BankTester.run(bank)
    #expect(result.checked > bank.questions.count * 3)
    #expect(result.failures.isEmpty, "\(result.failures)")
    #expect(result.selfTestFailures.isEmpty, "\(result.selfTestFailures)")
  }

  static let questionID = "dbc-sharding-vs-partitioning"

  @Test("a database-concepts model answer is strong")
  func modelAnswerIsStrong() throws {
    let bank = try #require(Self.bank)
    let question = try bank.requireQuestion(id: Self.questionID)
    let scored = Grader(bank: bank).grade(question.modelAnswer, questionID: question.id)
    #expect(scored.band == .strong)
    #expect(scored.misses.allSatisfy { !$0.required })
  }

  @Test(
    "off-topic answers are weak",
    arguments: [
      "I enjoy hiking in the mountains and cooking pasta on weekends.",
      "Python is a programming language with dynamic typing and a large standard library.",
      "",
    ])
  func offTopicIsWeak(answer: String) throws {
    let bank = try #require(Self.bank)
    let scored = Grader(bank: bank).grade(answer, questionID: Self.questionID)
    #expect(scored.band == .weak)
    #expect(scored.score < 20)
  }

  @Test("a talking point stated only in negated form is not earned")
  func negatedPointIsNotEarned() throws {
    let bank = try #require(Self.bank)
    let grader = Grader(bank: bank)
    let point = "Shards are independent databases on separate nodes"
    let affirmed = grader.grade(
      "Sharding splits data across separate servers.", questionID: Self.questionID)
    #expect(affirmed.hits.map(\.point).contains(point))
    let negated = grader.grade(
      "Sharding does not split data across separate servers.", questionID: Self.questionID)
    #expect(!negated.hits.map(\.point).contains(point))
    #expect(
      negated.misconceptions.contains { $0.kind == .negatedPoint && $0.label.hasSuffix(point) })
    #expect(negated.score < affirmed.score)
  }
}

/// Naming a wrong idea to reject it, measured over the whole shipped bank.
@Suite("Rejected misconceptions")
struct RejectedMisconceptionTests {
  /// Every misconception of the bank, stated as the rubric labels it inside `template`; a label of
  /// two sentences is joined into one, since a verdict speaks of the sentence it is in.
  static func fired(_ template: (String) -> String) throws -> (fired: Int, total: Int) {
    let bank = try #require(ShippedBankTests.bank)
    let grader = Grader(bank: bank)
    var fired = 0
    var total = 0
    for (id, rubric) in bank.rubrics {
      for misconception in rubric.misconceptions {
        total += 1
        let label = (misconception.label.prefix(1).lowercased() + misconception.label.dropFirst())
          .replacingOccurrences(of: ";", with: ",")
        let scored = grader.grade(template(String(label)), questionID: id)
        if scored.misconceptions.contains(where: { $0.label == misconception.label }) {
          fired += 1
        }
      }
    }
    return (fired, total)
  }

  @Test(
    "a misconception named to reject it is not charged",
    arguments: [
      "A common myth is that %@; that is wrong.",
      "Some people think that %@, but that is a misconception.",
      "It is wrong to say that %@.",
    ])
  func rejected(template: String) throws {
    let (fired, total) = try Self.fired { template.replacingOccurrences(of: "%@", with: $0) }
    #expect(fired == 0, "\(fired) of \(total) misconceptions fired")
  }

  @Test("a misconception stated as the answer's own claim is still charged")
  func stated() throws {
    let (fired, total) = try Self.fired { "In my experience \($0)." }
    #expect(fired * 2 > total, "\(fired) of \(total) misconceptions fired")
  }
}
