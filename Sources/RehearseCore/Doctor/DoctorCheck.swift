/// One line of `rehearse doctor`: what was checked, how it came out, and what was found.
public struct DoctorCheck: Encodable, Equatable, Sendable {
  /// The check's name, as the text shows it and JSON keys it: `bank`, `own bank`, `data`,
  /// `store`, `cache`, `config`, `python3`.
  public var name: String
  public var status: DoctorStatus
  /// What was found, in one sentence.
  public var summary: String
  /// Further lines: each problem found, or what to do about it.
  public var details: [String]
  /// What was found as values a script can read: paths, counts, versions; a fact not known
  /// (the schema of a store not created yet) is left out.
  public var facts: [String: DoctorFact]

  public init(
    name: String, status: DoctorStatus = .ok, summary: String, details: [String] = [],
    facts: [String: DoctorFact] = [:]
  ) {
    self.name = name
    self.status = status
    self.summary = summary
    self.details = details
    self.facts = facts
  }
}

/// A value `rehearse doctor` reports: a string, a number or a flag.
public enum DoctorFact: Encodable, Equatable, Sendable {
  case text(String)
  case number(Int)
  case flag(Bool)

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .flag(let value): try container.encode(value)
    }
  }

}
