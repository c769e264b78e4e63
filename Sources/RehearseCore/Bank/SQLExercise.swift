/// What a `sql` question is graded by: a small database and the query that answers it.
public struct SQLExercise: Sendable, Equatable, Codable {
  /// SQL (SQLite dialect) that creates the tables and inserts the rows.
  public var fixture: String
  /// A correct query; its result is the expected result.
  public var referenceQuery: String
  /// Whether the rows must come in the reference's order (the question asks for an order).
  public var ordered: Bool
  /// Whether the column names must match the reference's (the question names them).
  public var columnNames: Bool

  public init(fixture: String, referenceQuery: String, ordered: Bool, columnNames: Bool) {
    self.fixture = fixture
    self.referenceQuery = referenceQuery
    self.ordered = ordered
    self.columnNames = columnNames
  }
}
