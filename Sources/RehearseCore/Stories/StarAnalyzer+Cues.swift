/// The cues the STAR reading looks for, compiled through the tokenizer.
extension StarAnalyzer {
  /// The phrases that mark each STAR part of a told answer.
  static let cuePhrases: [StarPart: [String]] = [
    .situation: [
      "at my previous", "at my last", "at my current", "when i was", "i was working",
      "i worked at", "i was at", "we had", "we were", "our team", "the team", "the company",
      "the business", "the problem", "the challenge", "the situation", "context", "background",
      "at the time", "back in", "was using", "were using", "relied on", "existing", "legacy",
      "struggl*", "manually", "there was", "there were", "used to", "previously", "originally",
    ],
    .task: [
      "my task", "i was asked", "i was tasked", "tasked", "my job", "my role", "responsible for",
      "i needed to", "i had to", "needed to", "the goal", "goal was", "my goal", "the aim",
      "objective", "asked me", "my responsibility", "the requirement", "requirement was",
      "to make sure", "deadline", "i owned", "in charge", "i volunteered", "i took on",
      "i was given", "the ask", "had to deliver", "my part",
    ],
    .action: [
      "i built", "i designed", "i wrote", "i implemented", "i created", "i set up", "i added",
      "i changed", "i moved", "i migrated", "i reverse", "i proposed", "i used", "i started",
      "first i", "then i", "so i", "i decided", "i worked with", "i reached out", "i talked",
      "i met", "i automated", "i tested", "i introduced", "i rewrote", "i replaced", "i split",
      "i made", "i ran", "i led", "i chose", "i found", "i fixed", "i traced", "i profiled",
      "i benchmark*", "i wrapped", "i documented", "i presented", "i convinced", "i scheduled",
      "i monitored", "i configured", "i deployed", "i refactored", "i partitioned",
      "i indexed", "i investigated", "i analysed", "i analyzed", "i learned", "i learnt",
      "i read", "i asked", "i explained", "i negotiated", "i set", "i broke", "i put",
      "i took", "i kept", "i spent", "i modelled", "i modeled", "next", "after that",
      "to do that", "to do this", "my approach", "i approached",
    ],
    .result: [
      "as a result", "result", "resulted", "in the end", "eventually", "finally", "outcome",
      "reduced", "reducing", "cut", "increased", "improved", "saved", "saving", "went from",
      "down to", "up to", "now", "since then", "led to", "which meant", "meant that", "allowed",
      "enabled", "achieved", "delivered", "faster", "fewer", "no longer", "lesson",
      "learned that", "learnt that", "impact", "percent", "adopted", "praised", "recognised",
      "recognized", "promoted", "still running", "still in use", "zero", "the dashboard went",
      "stakeholders could", "users could", "the team could",
    ],
  ]

  /// The cues of each STAR part.
  static let cues: [StarPart: CueList] = cuePhrases.mapValues { CueList($0) }

  /// The cues of every part in one list, grouped in the order of `StarPart.allCases`, so that
  /// one scan of a sentence scores it for every part.
  static let partCues = CueList(groups: StarPart.allCases.map { cuePhrases[$0] ?? [] })

  static let pipelineCues: [PipelinePart: CueList] = [
    .requirement: CueList([
      "requirement*", "required", "needed", "need for", "business need*", "stakeholder*",
      "asked for", "wanted", "dashboard*", "report*", "so that", "use case", "analysts~",
      "the business",
    ]),
    .source: CueList([
      "source*", "extract*", "pulled", "pull", "ingest*", "read from", "api*", "stream*",
      "files~", "logs", "sensor*", "sap", "oracle", "influx*", "postgres*", "mysql", "kafka",
      "s3", "sql server", "upstream", "crm", "erp", "lims", "events~",
    ]),
    .logic: CueList([
      "transform*", "business logic", "logic", "join*", "aggregat*", "downsampl*", "clean*",
      "deduplicat*", "dedup*", "enrich*", "filter*", "delta", "incremental*", "etl", "elt",
      "mapped", "validat*", "normaliz*", "reverse engineered", "spark", "dbt",
    ]),
    .destination: CueList([
      "destination", "warehouse~", "loaded into", "load into", "loaded it into", "wrote to",
      "written to", "lake*", "target", "sink", "stored in", "mart*", "bigquery", "redshift",
      "snowflake", "tables~", "views", "indexed", "indexes", "landed",
    ]),
    .scheduler: CueList([
      "schedul*", "cron*", "airflow", "orchestrat*", "daily", "hourly", "nightly", "weekly",
      "every day", "every hour", "every night", "dag*", "trigger*", "kubernetes", "k8s",
      "step functions", "dagster", "prefect", "grafana", "monitor*", "alert*",
    ]),
  ]

  // "I'm", "I'd", "we're" … read as the pronoun itself (`Tokenizer.contractedPronouns`).
  static let singular = CueList(["i", "my", "me", "myself", "mine"])
  static let plural = CueList(["we", "our", "us", "ourselves", "ours"])
  /// Verbs after "I" that say what was needed or felt, not what was done.
  static let nonActionVerbs = CueList([
    "needed", "wanted", "was", "had", "noticed", "realised", "realized", "felt", "thought",
    "joined", "worked", "used", "started", "liked", "loved", "hoped", "tried",
  ])
}
