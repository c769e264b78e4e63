import Foundation

/// One line of `history`: a mock session, or a debrief of a real interview.
public enum HistoryEntry: Sendable, Encodable {
  case session(SessionSummary)
  case debrief(Debrief)

  /// `summaries` and `debriefs` (each newest first) in one list by date, newest first, as
  /// `filter` selects: a debrief is dated by its interview's day and comes before the sessions
  /// of that day; `since` applies to it by that day, and a `component` filter leaves debriefs
  /// out (they have no component); `limit` counts both.
  public static func merged(
    _ summaries: [SessionSummary], _ debriefs: [Debrief], filter: HistoryFilter,
    timeZone: TimeZone
  ) -> [HistoryEntry] {
    var kept = filter.component == nil ? debriefs : []
    if let since = filter.since {
      let first = LocalDay(since, timeZone: timeZone)
      kept = kept.filter { $0.day >= first }
    }
    var entries: [HistoryEntry] = []
    var sessionIndex = 0
    var debriefIndex = 0
    while sessionIndex < summaries.count || debriefIndex < kept.count {
      let takeDebrief =
        debriefIndex < kept.count
        && (sessionIndex == summaries.count
          || kept[debriefIndex].day
            >= LocalDay(summaries[sessionIndex].startedAt, timeZone: timeZone))
      if takeDebrief {
        entries.append(.debrief(kept[debriefIndex]))
        debriefIndex += 1
      } else {
        entries.append(.session(summaries[sessionIndex]))
        sessionIndex += 1
      }
    }
    if let limit = filter.limit { entries = Array(entries.prefix(limit)) }
    return entries
  }

  /// The entry as `history --format json` gives it: a session's row (`kind: session`, every key
  /// it always had) or a debrief's (`kind: debrief`, `id: "d3"`).
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .session(let summary):
      try TranscriptReports.historyRows([summary]).first.encode(to: encoder)
    case .debrief(let debrief): try DebriefReports.row(debrief).encode(to: encoder)
    }
  }
}
