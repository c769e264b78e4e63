import Foundation

/// What the study commands show: the weak talking points.
public enum StudyReports {
  /// One weak point in `weak --format json`.
  public struct WeakRow: Codable, Equatable, Sendable {
    public var point: String
    public var misses: Int
    public var questions: [String]
    /// ISO 8601, UTC.
    public var lastMissed: String

    public init(_ point: WeakPoint) {
      self.point = point.point
      misses = point.misses
      questions = point.questions
      lastMissed = TranscriptReports.timestamp(point.lastMissed)
    }
  }

  /// `rehearse weak` as text: each point, with how often and when it was missed and its
  /// questions, then how to practise them.
  public static func weakText(_ points: [WeakPoint], style: TextStyle, timeZone: TimeZone)
    -> String
  {
    guard !points.isEmpty else {
      return "No weak talking points: every point your answers missed has been made since. "
        + "(A point joins this list when an answer misses it.)"
    }
    var lines: [String] = []
    for point in points {
      lines.append(
        style.bold(TextLayout.wrap(point.point, width: style.width, indent: ""))
          + "\n"
          + style.dim(
            TextLayout.wrap(
              "missed \(point.misses)×, last \(TranscriptReports.localTime(point.lastMissed, timeZone: timeZone)) · "
                + point.questions.joined(separator: ", "), width: style.width)))
    }
    let list = lines.joined(separator: "\n")
    let advice =
      "A point leaves this list when the next answer to its question makes it: "
      + "'rehearse ask ID' asks one of them again."
    return list + "\n\n" + style.dim(TextLayout.wrap(advice, width: style.width, indent: ""))
  }
}
