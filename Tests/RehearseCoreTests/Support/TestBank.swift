import Foundation
import RehearseCore

/// A small, valid bank written to a temporary folder, which a test may then break on purpose.
struct TestBank {
  static let questions = """
    component: database-concepts
    questions:
      - id: dbc-sharding
        kind: open
        prompt: What is the difference between sharding and partitioning?
        difficulty: 2
        minutes: 4
        tags: [sharding, partitioning]
        hints: [Think about machines.]
        follow_ups: [How would you choose a shard key?]
        model_answer: |
          Sharding splits data into independent databases on separate nodes, which scales out.
          Partitioning splits a table within a single database.
      - id: dbc-etl
        kind: open
        prompt: ETL or ELT?
        difficulty: 1
        minutes: 3
        model_answer: ETL transforms before loading; ELT loads raw data then transforms in the warehouse.

    """

  static let rubrics = """
    dbc-sharding:
      points:
        - label: Shards are independent databases on separate nodes
          weight: 2
          required: true
          phrasings:
            - [shard, independent database]
            - [shard, separate node]
        - label: Partitions split a table within one database
          phrasings:
            - [partition, single database]
      misconceptions:
        - label: Sharding and partitioning are the same
          phrasings: [[shard, partition, same]]
          correction: They work at different levels.
      examples:
        - band: strong
          answer: Shards are independent databases on separate nodes. Partitions split a table in a single database.
        - band: weak
          answer: It is about indexes.
    dbc-etl:
      points:
        - label: ETL transforms before loading
          phrasings: [[etl, before load]]
        - label: ELT transforms inside the warehouse
          phrasings: [[elt, warehouse]]

    """

  static let lexicon = """
    synonyms:
      - [database, db]
      - [extract transform load, etl]
      - [extract load transform, elt]
      - [horizontal scaling, scale out]

    """

  let root: URL

  /// Writes the valid bank, with `replacing` files (path relative to the bank) put in its place.
  init(replacing overrides: [String: String] = [:]) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rehearse-bank-\(UUID().uuidString)")
    var files = [
      "question-bank/database-concepts.yaml": Self.questions,
      "rubrics/database-concepts.yaml": Self.rubrics,
      "rubrics/lexicon.yaml": Self.lexicon,
    ]
    for (path, text) in overrides { files[path] = text }
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The problems a load reports, or an empty list when it loads.
  func problems() -> [BankProblem] {
    do {
      _ = try Bank.load(from: root)
      return []
    } catch {
      return error.problems
    }
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }
}

/// The repository's own folder, found from this source file.
enum Repository {
  static var root: URL {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return url
  }
}
