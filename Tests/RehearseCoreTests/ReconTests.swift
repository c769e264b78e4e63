import Foundation
import Testing

@testable import RehearseCore

/// `rehearse recon`'s reading of job descriptions: the terms named, the questions asking them,
/// the gaps and the component weights, on the shipped bank and its technology catalogue.
@Suite("Job-description recon")
struct ReconTests {
  static let netease = "examples/job-descriptions/netease-games-data-platform.md"
  static let analytics = "Tests/RehearseCoreTests/Fixtures/job-descriptions/analytics-engineer.md"

  static func bank() throws -> Bank {
    try Bank.load(from: Repository.root)
  }

  static func read(_ relative: String, bank: Bank) throws -> ReconReport {
    let path = Repository.root.appendingPathComponent(relative).path
    return JobDescriptionReader(bank: bank).read(
      try TextFile.read(path: path, limit: Rehearse.maximumJobDescriptionBytes), source: relative)
  }

  @Test("the NetEase example names its stack, and weighs cloud platforms and system design most")
  func netease() throws {
    let report = try Self.read(Self.netease, bank: try Self.bank())
    let names = Set(report.terms.map(\.name))
    for expected in [
      "AWS", "GCP", "Hadoop", "Kafka", "Flink", "Elasticsearch", "Linux", "TCP/IP", "Shell",
      "Python", "cloud architecture",
    ] {
      #expect(names.contains(expected), "\(expected) is named")
    }
    #expect(Array(report.ranking.prefix(2)) == [.cloudPlatforms, .systemDesign])
    let kafka = try #require(report.terms.first { $0.name == "Kafka" })
    let text = try String(
      contentsOf: Repository.root.appendingPathComponent(Self.netease), encoding: .utf8)
    let kafkaLines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { $0.element.contains("Kafka") }.map { $0.offset + 1 }
    #expect(kafka.lines == kafkaLines, "the lines of the file that name it")
    #expect(!kafka.questions.isEmpty)
    // Every term without a question is a gap, and only those.
    #expect(report.gaps.map(\.name) == report.terms.filter { $0.questions.isEmpty }.map(\.name))
  }

  @Test("an analytics-engineer description weighs data models first and lists Dagster as a gap")
  func analytics() throws {
    let bank = try Self.bank()
    let report = try Self.read(Self.analytics, bank: bank)
    let names = Set(report.terms.map(\.name))
    for expected in ["dbt", "Snowflake", "Airflow", "Dagster", "Looker", "SQL", "data modelling"] {
      #expect(names.contains(expected), "\(expected) is named")
    }
    #expect(report.ranking.first == .dataModels)
    #expect(!report.ranking.prefix(2).contains(.cloudPlatforms))
    #expect(report.ranking.prefix(2) != (try Self.read(Self.netease, bank: bank)).ranking.prefix(2))
    #expect(report.gaps.map(\.name) == ["Dagster"])
    #expect(!report.gaps.map(\.name).contains("dbt"), "dbt has questions")
  }

  @Test("weights sum to 1 and every component keeps the floor")
  func weights() throws {
    let bank = try Self.bank()
    let example = try String(
      contentsOf: Repository.root.appendingPathComponent(Self.netease), encoding: .utf8)
    for text in ["", "Kafka Kafka Kafka", example] {
      let report = JobDescriptionReader(bank: bank).read(text, source: "jd")
      #expect(report.weights.count == Component.allCases.count)
      #expect(abs(report.weights.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
      #expect(report.weights.allSatisfy { $0.weight >= JobDescriptionReader.floorWeight - 1e-12 })
    }
  }

  @Test(
    "spellings the tokenizer splits or drops signs from are found as written",
    arguments: [
      ("We build services in C++ over TCP/IP.", ["C++", "TCP/IP"]),
      ("Our CI/CD runs Node.js tests and some C# tools.", ["CI/CD", "Node.js", "C#"]),
      ("Experience with Amazon Web Services and Apache Kafka.", ["AWS", "Kafka"]),
    ])
  func spellings(text: String, expected: [String]) throws {
    let names = Set(
      JobDescriptionReader(bank: try Self.bank()).read(text, source: "jd").terms.map(\.name))
    for name in expected { #expect(names.contains(name), "\(name) in \(text)") }
  }

  @Test("a word that only looks like a technology does not name it")
  func noFalseFriends() throws {
    let text = "Each node of the cluster feeds our dashboards; we use C and go-to runbooks."
    let names = Set(
      JobDescriptionReader(bank: try Self.bank()).read(text, source: "jd").terms.map(\.name))
    #expect(!names.contains("Node.js"))
    #expect(!names.contains("Grafana"), "the lexicon folds Grafana into dashboard, not back")
    #expect(!names.contains("C++") && !names.contains("C#"))
  }

  @Test("a term in bold weighs more than the same term in plain text")
  func emphasis() throws {
    let reader = JobDescriptionReader(bank: try Self.bank())
    let plain = reader.read("We use Looker and Kafka.", source: "jd")
    let bold = reader.read("We use Looker and **Kafka**.", source: "jd")
    #expect(bold.terms.first { $0.name == "Kafka" }?.emphasised == true)
    #expect(bold.weight(of: .systemDesign) > plain.weight(of: .systemDesign))
  }

  @Test("the catalogue's problems are reported as file:line")
  func catalogueLint() throws {
    let bank = try TestBank(replacing: [
      "rubrics/technologies.yaml": """
      technologies:
        - {name: Kafka, components: [system-design]}
        - {name: Apache Kafka, aliases: [kafka], components: [cloud-platforms]}
        - {name: Flink, components: [streaming]}
        - {name: Spark}
      """
    ])
    defer { bank.remove() }
    let problems = bank.problems().map(\.description)
    let file = bank.path("rubrics/technologies.yaml")
    #expect(problems.contains { $0.hasPrefix("\(file):3:") && $0.contains("'kafka'") })
    #expect(problems.contains { $0.hasPrefix("\(file):4:") && $0.contains("streaming") })
    #expect(problems.contains { $0.hasPrefix("\(file):5:") && $0.contains("components") })
  }

  @Test("a valid catalogue loads with the bank, and through its cached copy")
  func catalogueLoads() throws {
    let bank = try TestBank(replacing: [
      "rubrics/technologies.yaml": """
      technologies:
        - {name: Kafka, aliases: [Apache Kafka], components: [system-design, cloud-platforms]}
        - {name: sharding, kind: concept, components: [database-concepts]}
      """
    ])
    defer { bank.remove() }
    let loaded = try Bank.load(from: bank.root)
    #expect(loaded.technologies.map(\.name) == ["Kafka", "sharding"])
    #expect(loaded.technologies[0].components == [.systemDesign, .cloudPlatforms])
    let cache = BankCache(
      folder: bank.root.appendingPathComponent("cache"), executablePath: CommandLine.arguments[0])
    _ = try cache.load(root: bank.root)
    #expect(try cache.load(root: bank.root).technologies == loaded.technologies)
    let report = JobDescriptionReader(bank: loaded).read("Sharding with Kafka", source: "jd")
    #expect(report.terms.first { $0.name == "sharding" }?.questions == ["dbc-sharding"])
  }
}
