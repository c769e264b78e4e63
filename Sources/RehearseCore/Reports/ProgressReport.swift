import Foundation

/// How a candidate's practice has gone, per component and overall: what `rehearse progress`
/// shows, built once and rendered as text, HTML and JSON.
///
/// Days are calendar days in the user's time zone; every count covers the answers the filter
/// selected (a component, a first day), streaks included.
public struct ProgressReport: Codable, Equatable, Sendable {
  /// How many answers earned each band.
  public struct Bands: Codable, Equatable, Sendable {
    public var strong = 0
    public var adequate = 0
    public var weak = 0

    public init(strong: Int = 0, adequate: Int = 0, weak: Int = 0) {
      self.strong = strong
      self.adequate = adequate
      self.weak = weak
    }

    /// The answers counted.
    public var total: Int { strong + adequate + weak }

    /// The count of `band`.
    public subscript(band: Band) -> Int {
      switch band {
      case .strong: strong
      case .adequate: adequate
      case .weak: weak
      }
    }

    static func + (lhs: Bands, rhs: Bands) -> Bands {
      Bands(
        strong: lhs.strong + rhs.strong, adequate: lhs.adequate + rhs.adequate,
        weak: lhs.weak + rhs.weak)
    }
  }

  /// One practice day of a component: the mean score of its answers that day, and their bands.
  public struct Point: Codable, Equatable, Sendable {
    public var date: LocalDay
    /// The mean score (0–100) of the day's answers, to one decimal.
    public var score: Double
    public var answers: Int
    public var bands: Bands
  }

  /// A talking point made by the newest answer to its question after earlier ones missed it.
  public struct ClearedPoint: Codable, Equatable, Sendable {
    public var point: String
    public var question: String
    /// When the answer that made it was given: ISO 8601, UTC.
    public var cleared: String
    /// The local day of `cleared`.
    public var clearedOn: LocalDay
    /// How many earlier answers missed it or made it in part.
    public var misses: Int
  }

  /// The progress of one component practised.
  public struct ComponentProgress: Codable, Equatable, Sendable {
    public var component: Component
    public var title: String
    public var answers: Int
    /// The mean score of its answers, to one decimal.
    public var meanScore: Double
    public var daysPractised: Int
    public var bands: Bands
    /// The distinct questions of the bank answered; `nil` when the bank did not load.
    public var seen: Int?
    /// The questions of the bank in this component; `nil` when the bank did not load.
    public var total: Int?
    /// How many talking points were cleared (see `ClearedPoint`).
    public var cleared: Int
    /// The points cleared, the newest first.
    public var clearedPoints: [ClearedPoint]
    /// Per practice day, the oldest first.
    public var series: [Point]
  }

  /// A component with no answer selected, and how many questions the bank has for it.
  public struct Unpractised: Codable, Equatable, Sendable {
    public var component: Component
    public var title: String
    public var total: Int?
  }

  /// One practice day over every component selected.
  public struct Day: Codable, Equatable, Sendable {
    public var date: LocalDay
    public var answers: Int
    public var meanScore: Double
  }

  /// The first day counted (`--since`), when one was given.
  public var since: LocalDay?
  /// The one component counted (`--component`), when one was given.
  public var component: Component?
  /// The day the report was made: the current streak runs up to it.
  public var today: LocalDay
  public var daysPractised: Int
  /// Consecutive days with an answer up to today, or up to yesterday while today has none yet.
  public var currentStreak: Int
  public var longestStreak: Int
  public var answers: Int
  /// The mean score of every answer, to one decimal; `nil` without answers.
  public var meanScore: Double?
  /// The practice days, the oldest first.
  public var days: [Day]
  /// The components practised, in the order of an interview.
  public var components: [ComponentProgress]
  /// The components selected but not practised.
  public var notPractised: [Unpractised]
  /// How practised the focus named by `--focus` is, when one is.
  public var focus: FocusProgress?

  /// The days the calendar covers: from the first practice day to today (or the last practice
  /// day, should it be later); `nil` without practice.
  public var calendarRange: ClosedRange<LocalDay>? {
    guard let first = days.first?.date, let last = days.last?.date else { return nil }
    return first...max(today, last)
  }
}
