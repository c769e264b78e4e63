import Foundation

/// The five parts of a pipeline story, from the seed's template:
/// requirement, then [source > logic > destination] under a scheduler.
public enum PipelinePart: String, CaseIterable, Sendable, Codable {
  case requirement, source, logic, destination, scheduler

  /// The subsection heading the part has in a story file.
  public var heading: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// What the part should say, for prompts and findings.
  public var purpose: String {
    switch self {
    case .requirement: "the business need the pipeline serves"
    case .source: "where the data comes from: systems, formats, volumes"
    case .logic: "the business logic: joins, cleaning, aggregation, delta loads"
    case .destination: "where the data lands and how it is modelled for its readers"
    case .scheduler: "what runs it, how often, and how it is monitored"
    }
  }
}
