/// One of the seven components a data-engineering interview is made of.
///
/// The raw values are the stable ids used in files, flags, the store and JSON output. The cases are
/// declared in the order of the user's notes, which is also the order of a default mock session.
public enum Component: String, CaseIterable, Sendable, Codable, Comparable {
  case sqlPython = "sql-python"
  case databaseConcepts = "database-concepts"
  case ciCd = "ci-cd"
  case dataModels = "data-models"
  case systemDesign = "system-design"
  case cloudPlatforms = "cloud-platforms"
  case behavioural = "behavioural"

  /// A short human title for tables and headings.
  public var title: String {
    switch self {
    case .sqlPython: "SQL / Python"
    case .databaseConcepts: "Database concepts"
    case .ciCd: "CI/CD"
    case .dataModels: "Data models"
    case .systemDesign: "System design"
    case .cloudPlatforms: "Cloud platforms"
    case .behavioural: "Behavioural"
    }
  }

  public static func < (lhs: Component, rhs: Component) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
