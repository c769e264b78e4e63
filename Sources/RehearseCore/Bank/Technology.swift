/// One entry of the technology catalogue (`rubrics/technologies.yaml`): a technology or concept a
/// job description may name, the ways it is written, and the components it belongs to.
///
/// The catalogue is general data-engineering knowledge; `rehearse recon` reads job descriptions
/// through it.
public struct Technology: Sendable, Equatable {
  /// Whether the entry is a product or tool (`technology`) or an idea (`concept`).
  public enum Kind: String, Sendable, CaseIterable, Codable {
    case technology
    case concept
  }

  /// The name shown in reports (`AWS`, `cloud architecture`).
  public var name: String
  public var kind: Kind
  /// Other ways of writing it (`Amazon Web Services`); the name itself is always one.
  public var aliases: [String]
  /// The interview components it belongs to, most relevant first.
  public var components: [Component]
  public var location: SourceLocation

  public init(
    name: String, kind: Kind, aliases: [String], components: [Component],
    location: SourceLocation
  ) {
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.components = components
    self.location = location
  }

  /// The name and the aliases: every spelling that names the entry.
  public var spellings: [String] { [name] + aliases }
}
