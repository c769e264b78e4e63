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
}
