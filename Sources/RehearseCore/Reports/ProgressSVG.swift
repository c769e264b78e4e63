import Foundation

/// The charts of the `progress` page as inline SVG: the score trend per component, a calendar
/// of practice days, and the bands per component and per week. Every label is escaped.
public enum ProgressSVG {
  /// The colour of each component's line and swatch: the Okabe–Ito palette, which stays
  /// distinct to colour-blind eyes, with grey for the seventh.
  public static func colour(_ component: Component) -> String {
    switch component {
    case .sqlPython: "#0072b2"
    case .databaseConcepts: "#e69f00"
    case .ciCd: "#009e73"
    case .dataModels: "#cc79a7"
    case .systemDesign: "#d55e00"
    case .cloudPlatforms: "#56b4e9"
    case .behavioural: "#555555"
    }
  }

  /// The calendar's shades, from no answer to the busiest days.
  static let shades = ["#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39"]

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let weekdayNames = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ]

  /// `Mar 3`.
  static func short(_ day: LocalDay) -> String {
    "\(monthNames[day.date.month - 1]) \(day.date.day)"
  }

  /// A coordinate with one decimal.
  static func number(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  static func escape(_ text: String) -> String { FeedbackHTML.escape(text) }

  static func open(width: Int, height: Int, label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" "
      + "style=\"max-width:\(width)px\" viewBox=\"0 0 \(width) \(height)\" "
      + "aria-label=\"\(escape(label))\"><title>\(escape(label))</title>"
  }

  // MARK: - Score trend

  /// A chart per component, each its own SVG in a grid that puts two to a row on a wide page
  /// and one on a phone: a line through the mean score of each of the component's practice
  /// days over the days of the calendar, with the band limits marked. One chart per component
  /// reads more clearly than seven lines crossing.
  public static func trend(_ report: ProgressReport) -> String {
    guard let range = report.calendarRange, !report.components.isEmpty else { return "" }
    let (width, height) = (350, 150)
    var parts = ["<div class=\"panels\">"]
    for component in report.components {
      parts.append(
        open(width: width, height: height, label: "\(component.title): mean score per day"))
      parts += panel(component, range: range, width: width, height: height)
      parts.append("</svg>")
    }
    parts.append("</div>")
    return parts.joined(separator: "\n")
  }

  /// One component's panel of the trend, drawn from its top left corner.
  static func panel(
    _ component: ProgressReport.ComponentProgress, range: ClosedRange<LocalDay>, width: Int,
    height: Int
  ) -> [String] {
    let (left, right, top, bottom) = (30.0, 10.0, 24.0, 22.0)
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let span = range.upperBound.number - range.lowerBound.number
    func x(_ day: LocalDay) -> Double {
      span == 0
        ? left + plotWidth / 2
        : left + plotWidth * Double(day.number - range.lowerBound.number) / Double(span)
    }
    func y(_ score: Double) -> Double { top + plotHeight * (1 - min(100, max(0, score)) / 100) }
    let colour = colour(component.component)
    let title = escape(component.title)
    var parts = [
      "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">"
        + "<tspan fill=\"\(colour)\">■</tspan> \(title)</text>",
      "<text x=\"\(width)\" y=\"14\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">"
        + "mean \(Int(component.meanScore.rounded())) · \(component.daysPractised) "
        + "day\(component.daysPractised == 1 ? "" : "s")</text>",
    ]
    // The bands as faint zones behind the line.
    let zones: [(Band, Double, Double)] = [
      (.weak, 0, Double(Band.adequateThreshold)),
      (.adequate, Double(Band.adequateThreshold), Double(Band.strongThreshold)),
      (.strong, Double(Band.strongThreshold), 100),
    ]
    for (band, low, high) in zones {
      parts.append(
        "<rect x=\"\(number(left))\" y=\"\(number(y(high)))\" width=\"\(number(plotWidth))\" "
          + "height=\"\(number(y(low) - y(high)))\" fill=\"\(TranscriptHTML.colour(band))\" "
          + "fill-opacity=\"0.07\"/>")
    }
    for limit in [0, Band.adequateThreshold, Band.strongThreshold, 100] {
      let level = number(y(Double(limit)))
      parts.append(
        "<line x1=\"\(number(left))\" y1=\"\(level)\" x2=\"\(number(left + plotWidth))\" "
          + "y2=\"\(level)\" stroke=\"#ccc\" stroke-dasharray=\"3 3\"/>")
      parts.append(
        "<text x=\"\(number(left - 5))\" y=\"\(number(y(Double(limit)) + 4))\" "
          + "font-size=\"10\" text-anchor=\"end\" fill=\"#777\">\(limit)</text>")
    }
    for tick in ticks(range, most: 4) {
      parts.append(
        "<text x=\"\(number(x(tick)))\" y=\"\(number(top + plotHeight + 15))\" "
          + "font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">\(short(tick))</text>")
    }
    parts.append(
      "<g class=\"series\" data-component=\"\(component.component.rawValue)\" "
        + "stroke=\"\(colour)\" fill=\"\(colour)\">")
    if component.series.count > 1 {
      let points = component.series.map { "\(number(x($0.date))),\(number(y($0.score)))" }
      parts.append(
        "<polyline fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" "
          + "points=\"\(points.joined(separator: " "))\"/>")
    }
    for point in component.series {
      parts.append(
        "<circle cx=\"\(number(x(point.date)))\" cy=\"\(number(y(point.score)))\" r=\"3\">"
          + "<title>\(title), \(point.date.iso): \(Int(point.score.rounded())) "
          + "(\(answers(point.answers)))</title></circle>")
    }
    parts.append("</g>")
    return parts
  }

  /// At most `most` days to label on a time axis: every day, every other, or Mondays a week or
  /// more apart.
  static func ticks(_ range: ClosedRange<LocalDay>, most: Int = 8) -> [LocalDay] {
    let span = range.upperBound.number - range.lowerBound.number
    let step = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728].first { span / $0 < most } ?? 1456
    var day = range.lowerBound
    if step >= 7 && day.weekday != 0 { day = day.weekStart.adding(7) }
    var ticks: [LocalDay] = []
    while day <= range.upperBound {
      ticks.append(day)
      day = day.adding(step)
    }
    return ticks
  }

  static func answers(_ count: Int) -> String {
    "\(count) answer\(count == 1 ? "" : "s")"
  }

  // MARK: - Calendar

  /// A grid of the weeks practised, a column per week and a row per weekday, one cell per day
  /// from the first practice day to today, shaded by the answers given that day.
  public static func calendar(_ report: ProgressReport) -> String {
    guard let range = report.calendarRange else { return "" }
    let (left, top) = (34, 20)
    let firstWeek = range.lowerBound.weekStart
    let columns = (range.upperBound.weekStart.number - firstWeek.number) / 7 + 1
    // A few weeks get large cells with the day of the month in them; a year gets small ones.
    let cell = columns <= 12 ? 24 : columns <= 26 ? 16 : 12
    let step = cell + 3
    let width = left + max(columns * step, 330) + 8
    let height = top + 7 * step + 30
    let byDay = Dictionary(uniqueKeysWithValues: report.days.map { ($0.date, $0) })
    let busiest = report.days.map(\.answers).max() ?? 1
    var parts = [open(width: width, height: height, label: "Practice days")]
    for (row, name) in weekdayNames.enumerated() where row % 2 == 0 && row < 6 {
      parts.append(
        "<text x=\"\(left - 6)\" y=\"\(top + row * step + cell / 2 + 4)\" font-size=\"10\" "
          + "text-anchor=\"end\" fill=\"#666\">\(name.prefix(3))</text>")
    }
    // A month is named above the first column, and above each column holding its first day,
    // when that leaves room after the name before.
    var lastLabel = -10
    for column in 0..<columns {
      let monday = firstWeek.adding(column * 7)
      let days = (0..<7).map { monday.adding($0) }.filter { range.contains($0) }
      guard let named = column == 0 ? days.first : days.first(where: { $0.date.day == 1 }),
        (column - lastLabel) * step >= 26
      else { continue }
      parts.append(
        "<text x=\"\(left + column * step)\" y=\"\(top - 7)\" font-size=\"10\" "
          + "fill=\"#666\">\(monthNames[named.date.month - 1])</text>")
      lastLabel = column
    }
    var day = range.lowerBound
    while day <= range.upperBound {
      let column = (day.weekStart.number - firstWeek.number) / 7
      let practised = byDay[day]
      let count = practised?.answers ?? 0
      let level =
        count == 0 ? 0 : min(4, max(1, Int((4 * Double(count) / Double(busiest)).rounded(.up))))
      let weekday = weekdayNames[day.weekday]
      var title = "\(day.iso) (\(weekday)): "
      if let practised {
        title += "\(answers(count)), mean \(Int(practised.meanScore.rounded()))"
      } else {
        title += "no answers"
      }
      let isToday = day == report.today
      parts.append(
        "<rect class=\"day\" data-date=\"\(day.iso)\" data-answers=\"\(count)\" "
          + "x=\"\(left + column * step)\" y=\"\(top + day.weekday * step)\" width=\"\(cell)\" "
          + "height=\"\(cell)\" rx=\"2\" fill=\"\(shades[level])\""
          + (isToday ? " stroke=\"#222\" stroke-width=\"1.5\"" : "")
          + "><title>\(escape(title))\(isToday ? " · today" : "")</title></rect>")
      if cell >= 20 {
        parts.append(
          "<text x=\"\(left + column * step + cell / 2)\" y=\"\(top + day.weekday * step + cell / 2 + 4)\" "
            + "font-size=\"10\" text-anchor=\"middle\" fill=\"\(level >= 3 ? "#fff" : "#444")\" "
            + "pointer-events=\"none\">\(day.date.day)</text>")
      }
      day = day.adding(1)
    }
    // The key, less to more, at the right under the grid.
    let keyY = top + 7 * step + 10
    var keyX = width - 8 - (shades.count * 14 + 58)
    parts.append(
      "<text x=\"\(keyX)\" y=\"\(keyY + 10)\" font-size=\"10\" fill=\"#666\">Less</text>")
    keyX += 26
    for shade in shades {
      parts.append(
        "<rect x=\"\(keyX)\" y=\"\(keyY)\" width=\"11\" height=\"11\" rx=\"2\" "
          + "fill=\"\(shade)\"/>")
      keyX += 14
    }
    parts.append(
      "<text x=\"\(keyX + 4)\" y=\"\(keyY + 10)\" font-size=\"10\" fill=\"#666\">More</text>")
    parts.append(
      "<text x=\"\(left)\" y=\"\(keyY + 10)\" font-size=\"10\" fill=\"#666\">"
        + "busiest day: \(answers(busiest))</text>")
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  // MARK: - Bands

  /// A bar per component split into its shares of strong, adequate and weak answers.
  public static func bands(_ report: ProgressReport) -> String {
    guard !report.components.isEmpty else { return "" }
    let (labelWidth, barWidth, rowHeight, top) = (150, 440, 28, 6)
    let width = labelWidth + barWidth + 100
    let height = top + report.components.count * rowHeight + 4
    var parts = [open(width: width, height: height, label: "Bands per component")]
    for (index, component) in report.components.enumerated() {
      let y = top + index * rowHeight
      parts.append(
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"13\" text-anchor=\"end\">"
          + "\(escape(component.title))</text>")
      parts.append("<g class=\"bands\" data-component=\"\(component.component.rawValue)\">")
      var x = Double(labelWidth)
      for band in [Band.strong, .adequate, .weak] {
        let count = component.bands[band]
        guard count > 0, component.bands.total > 0 else { continue }
        let length = Double(barWidth) * Double(count) / Double(component.bands.total)
        parts.append(
          "<rect x=\"\(number(x))\" y=\"\(y + 2)\" width=\"\(number(length))\" height=\"18\" "
            + "fill=\"\(TranscriptHTML.colour(band))\"><title>\(escape(component.title)): "
            + "\(count) \(band.rawValue) of \(component.bands.total)</title></rect>")
        if length >= 26 {
          parts.append(
            "<text x=\"\(number(x + length / 2))\" y=\"\(y + 15)\" font-size=\"11\" "
              + "text-anchor=\"middle\" fill=\"#fff\">\(count)</text>")
        }
        x += length
      }
      parts.append("</g>")
      parts.append(
        "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\" font-size=\"12\" "
          + "fill=\"#555\">\(answers(component.bands.total))</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// A column per week, as tall as its answers, stacked by band: how the bands moved over time.
  public static func weeklyBands(_ report: ProgressReport) -> String {
    let weeks = ProgressReports.weeks(report)
    guard !weeks.isEmpty else { return "" }
    let (left, top, plotHeight) = (36, 10, 140)
    let slot = min(72, max(10, 660 / weeks.count))
    let width = left + weeks.count * slot + 16
    let height = top + plotHeight + 24
    let busiest = max(1, weeks.map(\.answers).max() ?? 1)
    var parts = [open(width: width, height: height, label: "Bands per week")]
    parts.append(
      "<text x=\"\(left - 6)\" y=\"\(top + 8)\" font-size=\"11\" text-anchor=\"end\" "
        + "fill=\"#666\">\(busiest)</text>")
    parts.append(
      "<text x=\"\(left - 6)\" y=\"\(top + plotHeight)\" font-size=\"11\" text-anchor=\"end\" "
        + "fill=\"#666\">0</text>")
    parts.append(
      "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 16)\" "
        + "y2=\"\(top + plotHeight)\" stroke=\"#999\"/>")
    let labelEvery = max(1, Int((Double(weeks.count) * 56 / 660).rounded(.up)))
    for (index, week) in weeks.enumerated() {
      let x = Double(left + index * slot) + Double(slot) * 0.15
      let barWidth = Double(slot) * 0.7
      var base = Double(top + plotHeight)
      for band in [Band.weak, .adequate, .strong] {
        let count = week.bands[band]
        guard count > 0 else { continue }
        let length = Double(plotHeight) * Double(count) / Double(busiest)
        base -= length
        parts.append(
          "<rect x=\"\(number(x))\" y=\"\(number(base))\" width=\"\(number(barWidth))\" "
            + "height=\"\(number(length))\" fill=\"\(TranscriptHTML.colour(band))\">"
            + "<title>Week of \(week.start.iso): \(count) \(band.rawValue) of "
            + "\(answers(week.answers))</title></rect>")
      }
      if index % labelEvery == 0 {
        parts.append(
          "<text x=\"\(number(x + barWidth / 2))\" y=\"\(top + plotHeight + 16)\" "
            + "font-size=\"11\" text-anchor=\"middle\" fill=\"#666\">\(short(week.start))</text>")
      }
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }
}
