import ArgumentParser

/// `rehearse bank`: inspect and check the question bank.
struct BankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bank",
    abstract:
      "List, show, lint, test and count the question bank; add, export and import your own.",
    discussion: """
      A bank is a folder with question-bank/ (one YAML file per component) and rubrics/ (the \
      keyword rubrics keyed by question id, plus lexicon.yaml). The full reference is \
      docs/formats.md. Unknown keys are errors; every problem is reported as file:line: message.

      question-bank/database-concepts.yaml:

        component: database-concepts
        questions:
          - id: dbc-sharding-vs-partitioning     # unique; lowercase, digits, hyphens
            kind: open                           # open | sql | python | behavioural
            prompt: What is the difference between sharding and partitioning?
            difficulty: 2                        # 1-3
            minutes: 4                           # 1-30, the answer's time limit
            tags: [sharding, partitioning]
            hints: [Think about how many machines each one involves.]
            follow_ups: [How would you pick a shard key?]
            model_answer: |
              Sharding splits data into independent databases...
            # competencies: [pipeline-built]     # behavioural questions only
            # fixture, reference_query,          # sql questions: SQLite tables and rows, a
            #   ordered, column_names            #   correct query, how results compare
            # signature, reference_solution,     # python questions: the def line, a correct
            #   tests: [{call, expected}]        #   solution, calls and expected values

      rubrics/database-concepts.yaml:

        dbc-sharding-vs-partitioning:
          points:
            - label: Shards are independent databases on separate nodes
              weight: 2                          # 0.5-5, default 1
              required: true                     # no strong band without it
              phrasings:                         # any one earns the point
                - [shard, independent database]  # terms that must share a sentence
                - [shard, separate node]
          misconceptions:
            - label: Sharding and partitioning are the same thing
              phrasings: [[shard, partition, same]]
              correction: Shards are separate databases; partitions split one.
              penalty: 15                        # 0-50, default 10
          examples:                              # kept honest by 'bank test'
            - band: strong                       # strong | adequate | weak
              answer: Sharding splits data into independent...

      rubrics/lexicon.yaml:

        synonyms:
          - [database, db]                       # first entry: canonical
          - [primary key, pk]

      Matching ignores case, accents, punctuation and hyphenation, stems words (Porter2), \
      applies the lexicon, allows two words between the words of a multi-word term, tolerates a \
      typo in longer words, and gives no credit to a negated phrasing.
      """,
    subcommands: [
      BankListCommand.self, BankShowCommand.self, BankLintCommand.self, BankTestCommand.self,
      BankStatsCommand.self, BankAddCommand.self, BankExportCommand.self, BankImportCommand.self,
    ]
  )
}
