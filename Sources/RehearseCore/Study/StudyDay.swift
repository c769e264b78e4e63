import Foundation

/// A local calendar day, counted from 1970-01-01: the unit the schedule works in.
///
/// An interview candidate practises in the evening; what counts is the day on their calendar,
/// not 24-hour spans, so an answer at 23:50 and one at 08:00 the next morning are a day apart.
/// The time zone is passed in, so the same moments give the same days in tests anywhere.
public struct StudyDay: Hashable, Comparable, Sendable, Codable {
  /// Days since 1970-01-01 in the time zone the day was taken in.
  public var number: Int

  public init(number: Int) {
    self.number = number
  }

  /// The day `date` falls on in `timeZone`.
  public init(_ date: Date, in timeZone: TimeZone) {
    let offset = Double(timeZone.secondsFromGMT(for: date))
    number = Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
  }

  /// The day `days` after this one.
  public func adding(_ days: Int) -> StudyDay {
    StudyDay(number: number + days)
  }

  /// Whole days from `earlier` to this day.
  public func days(since earlier: StudyDay) -> Int {
    number - earlier.number
  }

  /// The day as `2026-12-03`.
  public var text: String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
    let date = Date(timeIntervalSince1970: Double(number) * 86_400)
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  public static func < (lhs: StudyDay, rhs: StudyDay) -> Bool {
    lhs.number < rhs.number
  }
}
