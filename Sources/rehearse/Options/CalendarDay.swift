import ArgumentParser
import Foundation
import RehearseCore

/// A day written `YYYY-MM-DD`, meaning its first moment in the local time zone.
struct CalendarDay: ExpressibleByArgument {
  let start: Date

  init?(argument: String) {
    // A date the calendar has no such day for (2026-02-30) is refused, not rolled over.
    guard let day = LocalDay(iso: argument) else { return nil }
    let (year, month, dayOfMonth) = day.date
    var components = DateComponents(year: year, month: month, day: dayOfMonth)
    components.calendar = Calendar(identifier: .gregorian)
    components.timeZone = .current
    guard let date = components.date else { return nil }
    start = date
  }

  static var defaultValueDescription: String { "YYYY-MM-DD" }
}
