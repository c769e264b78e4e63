import Foundation

/// A calendar day in the user's time zone, counted in days since 1970-01-01.
///
/// The number is the moment's local date, whatever the offset of the day (a day of a daylight
/// saving change is still one day), so that practice days compare and step by plain integers; it
/// is written `YYYY-MM-DD`, in JSON too.
public struct LocalDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var number: Int

  public init(number: Int) {
    self.number = number
  }

  /// The day `date` falls on in `timeZone`.
  public init(_ date: Date, timeZone: TimeZone) {
    let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    number = Int((local / 86_400).rounded(.down))
  }

  /// The day written `YYYY-MM-DD`, if it is a valid date.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1],
      let day = parts[2], (1...12).contains(month), day >= 1,
      day <= Self.daysIn(month: month, year: year)
    else { return nil }
    number = Self.daysFromCivil(year: year, month: month, day: day)
  }

  /// The day `days` later (earlier when negative).
  public func adding(_ days: Int) -> LocalDay { LocalDay(number: number + days) }

  /// Whole days from `earlier` to this day.
  public func days(since earlier: LocalDay) -> Int { number - earlier.number }

  /// Its year, month (1–12) and day of the month (1–31).
  public var date: (year: Int, month: Int, day: Int) { Self.civil(fromDays: number) }

  /// The day of the week, Monday 0 to Sunday 6.
  public var weekday: Int { ((number + 3) % 7 + 7) % 7 }

  /// The Monday of its week.
  public var weekStart: LocalDay { adding(-weekday) }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let (year, month, day) = date
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  public var description: String { iso }

  public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.number < rhs.number }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = LocalDay(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }

  /// The offsets from UTC of `timeZone` between two moments: the first applies from `start`,
  /// each later one from the moment it takes effect. The store turns answer times into local
  /// days with them in SQL, where the time zone database is out of reach.
  public static func utcOffsets(
    of timeZone: TimeZone, from start: Date, to end: Date
  ) -> [(from: Date, seconds: Int)] {
    var offsets = [(from: start, seconds: timeZone.secondsFromGMT(for: start))]
    var moment = start
    // A zone changes its offset a few times a year at most; the bound only guards a zone that
    // reports a transition without moving on.
    while offsets.count < 10_000,
      let next = timeZone.nextDaylightSavingTimeTransition(after: moment),
      next <= end, next > moment
    {
      let seconds = timeZone.secondsFromGMT(for: next)
      if seconds != offsets[offsets.count - 1].seconds { offsets.append((next, seconds)) }
      moment = next
    }
    return offsets
  }

  // Howard Hinnant's proleptic Gregorian day arithmetic ("chrono-compatible low-level date
  // algorithms"): exact for every day, and no calendar object per answer.

  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
