import Foundation
import GRDBSQLite

/// Why a query gave no result.
public enum SQLRunFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// SQLite rejected or failed the statement; its own message.
  case error(String)
  /// The statement would change the database or the connection; what it tried.
  case refused(String)
  /// The query ran past the time limit, in seconds.
  case timedOut(Double)
  /// The query returned more rows than the limit.
  case tooManyRows(Int)
  /// The query went past a size limit (a value, the statement, the memory, the result…), or
  /// SQLite refused to compile it for one.
  case overLimit(SQLLimit)
  /// The user asked to stop (Ctrl-C) while the query ran, and it was stopped.
  case interrupted

  /// What the failure means to the candidate, in one sentence.
  public var description: String {
    switch self {
    case .error(let message):
      return message
    case .refused(let action):
      return "\(action) would change the database or the connection, so nothing was "
        + "run; an answer is one query that reads (SELECT or WITH)"
    case .timedOut(let seconds):
      return "the query ran for more than \(seconds.formatted()) s and was stopped (a missing "
        + "join condition or a recursive CTE without an end makes rows without end)"
    case .tooManyRows(let limit):
      return "the query returned more than \(limit.formatted()) rows and was stopped"
    case .overLimit(let limit):
      return "the query went past a limit and was stopped: \(limit.rule)"
    case .interrupted:
      return "grading was interrupted (Ctrl-C) before the query finished"
    }
  }
}
