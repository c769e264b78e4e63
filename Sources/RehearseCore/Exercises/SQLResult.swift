import Foundation
import GRDBSQLite

/// The columns and rows a query returned.
public struct SQLResult: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[SQLValue]]
}
