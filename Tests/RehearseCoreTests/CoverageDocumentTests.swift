import Foundation
import RehearseCore
import Testing

/// `docs/coverage.md`: each seed concept and technology with the questions that cover it.
@Suite("Coverage document")
struct CoverageDocumentTests {
  /// The concepts of the user's notes and the technologies of its job description, as the
  /// document names them.
  static let required = [
    "SQL vs NoSQL", "Sharding vs partitions", "Primary keys vs clustering",
    "Processing patterns: batch", "Processing patterns: stream", "Processing patterns: delta",
    "ETL vs ELT", "Structured vs unstructured data", "Relational databases", "OOP",
    "Distributed processing", "Denormalisation", "Git", "Unit tests",
    "Data-quality tests: row counts", "Data-quality tests: unique rows",
    "Data-quality tests: ID distribution", "Data-quality tests: NULL values",
    "Dimensional models", "Facts and dimensions", "Activity schema",
    "Gaming company data model: players", "Gaming company data model: sessions",
    "Gaming company data model: games", "Gaming company data model: servers",
    "Gaming company data model: VPCs", "Gaming company data model: purchases",
    "Gaming company data model: network logs", "System design method: features",
    "System design method: traffic estimation", "System design method: request flow",
    "System design method: data structures and algorithms", "Database choice",
    "Sharding by metadata", "Key-value stores", "Document stores", "Time-series databases",
    "Columnar databases", "Compute (EC2)", "Storage (S3)", "Cloud databases", "Scaling", "VPC",
    "Subnets and gateways", "Load balancers", "API gateways", "IAM",
    "Multiple VPCs (NetEase architecture)", "Share a data pipeline you built",
    "Pipeline story template", "Scheduling and data-quality follow-up", "Cloud familiarity",
    "How you learn new technology", "Data warehouse design approach",
    "Warehouse design: business objectives", "Warehouse design: data requirements",
    "Warehouse design: data modelling", "Warehouse design: ETL process",
    "Warehouse design: data quality", "Warehouse design: security and compliance",
    "Warehouse design: analytics integration", "Warehouse design: monitoring and maintenance",
    "Hadoop/HDFS", "Hive", "Spark", "Kafka", "Kafka Streams", "Flink", "Elasticsearch",
    "Linux and TCP/IP tuning", "Shell/Python automation", "Monitoring and alerting",
    "Airflow-style orchestration", "Large-scale clusters",
  ]

  /// The topics public collections of interview questions ask most, as the document's section
  /// "Topics today's interviews ask most" names them.
  static let askedMost = [
    "Airflow architecture", "Data lake vs warehouse vs lakehouse", "Open table formats",
    "Log-based change data capture", "\"This query is slow\"", "dbt", "Spark internals",
    "Python concurrency", "Views vs materialised views and stored procedures",
    "Lineage, catalogues and data ownership", "Kafka producer durability",
    "Data mesh and data products", "What is OOP?",
  ]

  /// One line of the section "Topics today's interviews ask most":
  /// `- Topic [term; term; difficulty N]: id, id`.
  struct NamedTopic {
    var topic: String
    /// Words every listed question's prompt must contain, in any case.
    var terms: [String]
    /// The difficulty every listed question must have, when the line gives one.
    var difficulty: Int?
    var ids: [String]
  }

  /// The lines of the section "Topics today's interviews ask most".
  static func namedTopics() throws -> [NamedTopic] {
    let url = Repository.root.appendingPathComponent("docs/coverage.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var inSection = false
    var topics: [NamedTopic] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        inSection = line == "## Topics today's interviews ask most"
        continue
      }
      guard inSection, line.hasPrefix("- ") else { continue }
      let open = try #require(line.firstIndex(of: "["), "no [terms] in: \(line)")
      let close = try #require(line.range(of: "]: "), "no ]: in: \(line)")
      var topic = NamedTopic(
        topic: line[line.index(line.startIndex, offsetBy: 2)..<open]
          .trimmingCharacters(in: .whitespaces),
        terms: [], difficulty: nil,
        ids: line[close.upperBound...].split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces)
        })
      for term in line[line.index(after: open)..<close.lowerBound].split(separator: ";") {
        let term = term.trimmingCharacters(in: .whitespaces)
        if term.hasPrefix("difficulty "), let level = Int(term.dropFirst("difficulty ".count)) {
          topic.difficulty = level
        } else {
          topic.terms.append(term)
        }
      }
      topics.append(topic)
    }
    return topics
  }

  /// The document's `- Concept: id, id` lines.
  static func entries() throws -> [String: [String]] {
    let url = Repository.root.appendingPathComponent("docs/coverage.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var entries: [String: [String]] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("- ") {
      guard let colon = line.range(of: ": ", options: .backwards) else { continue }
      let concept = String(line[line.index(line.startIndex, offsetBy: 2)..<colon.lowerBound])
      let ids = line[colon.upperBound...].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(
          in: CharacterSet(charactersIn: "`"))
      }
      entries[concept, default: []] += ids.filter { !$0.isEmpty }
    }
    return entries
  }

  @Test("every seed concept and technology is listed with at least one question")
  func everyConceptCovered() throws {
    let entries = try Self.entries()
    for concept in Self.required {
      #expect(!(entries[concept] ?? []).isEmpty, "\(concept) is not covered")
    }
  }

  @Test("every question id the document names is in the bank")
  func idsExist() throws {
    let bank = try Bank.load(from: Repository.root)
    let known = Set(bank.questions.map(\.id))
    for (concept, ids) in try Self.entries() {
      for id in ids {
        #expect(known.contains(id), "\(concept): no question \(id)")
      }
    }
  }

  @Test("every topic interviews ask most is listed, with at least one question")
  func askedMostListed() throws {
    let topics = try Self.namedTopics()
    for topic in Self.askedMost {
      #expect(
        topics.contains { $0.topic == topic && !$0.ids.isEmpty && !$0.terms.isEmpty },
        "\(topic) is not listed with its terms and questions")
    }
  }

  @Test("each question listed for a topic interviews ask most names the topic in its prompt")
  func askedMostNamedInPrompts() throws {
    let bank = try Bank.load(from: Repository.root)
    for topic in try Self.namedTopics() {
      for id in topic.ids {
        let question = try #require(bank.question(id: id), "\(topic.topic): no question \(id)")
        let prompt = question.prompt.lowercased()
        for term in topic.terms {
          #expect(
            prompt.contains(term.lowercased()), "\(topic.topic): \(id)'s prompt lacks \(term)")
        }
        if let level = topic.difficulty {
          #expect(question.difficulty == level, "\(topic.topic): \(id) is not difficulty \(level)")
        }
      }
    }
  }
}
