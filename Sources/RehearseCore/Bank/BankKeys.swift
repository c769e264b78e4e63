/// The allowed keys of each part of the format, in the order the documentation gives them.
enum BankKeys {
  static let questionFile = ["component", "questions"]
  static let question = [
    "id", "kind", "prompt", "difficulty", "minutes", "tags", "hints", "follow_ups",
    "model_answer", "competencies", "fixture", "reference_query", "ordered", "column_names",
    "signature", "reference_solution", "tests",
  ]
  static let pythonTest = ["call", "expected"]
  static let sqlKeys = ["fixture", "reference_query", "ordered", "column_names"]
  static let pythonKeys = ["signature", "reference_solution", "tests"]
  static let rubric = [
    "points", "misconceptions", "examples", "full_credit_at", "curve", "negation", "claims",
  ]
  static let point = ["label", "weight", "required", "phrasings"]
  static let misconception = ["label", "phrasings", "correction", "penalty"]
  static let example = ["band", "kind", "answer", "note"]
  static let lexicon = ["synonyms"]
  static let technologyFile = ["technologies"]
  static let technology = ["name", "kind", "aliases", "components"]
}
