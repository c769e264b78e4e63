import ArgumentParser
import Foundation

/// A day written `YYYY-MM-DD`, meaning its first moment in the local time zone.
struct CalendarDay: ExpressibleByArgument {
  let start: Date

  init?(argument: String) {
    let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0)
    }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
      argument.count == 10
    else { return nil }
    var components = DateComponents(year: year, month: month, day: day)
    components.calendar = Calendar(identifier: .gregorian)
    components.timeZone = .current
    // A date the calendar has no such day for (2026-02-30) is refused, not rolled over.
    guard components.isValidDate, let date = components.date else { return nil }
    start = date
  }

  static var defaultValueDescription: String { "YYYY-MM-DD" }
}
