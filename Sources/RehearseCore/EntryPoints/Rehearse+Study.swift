import Foundation

extension Rehearse {
  /// `rehearse weak`: the talking points still missed, most often missed first, each with the
  /// questions that ask it and when it was last missed.
  public static func weak(
    _ request: WeakRequest, archive: some SessionArchive
  ) throws -> CommandOutput {
    let points = try archive.weakPoints(limit: request.limit)
    switch request.format {
    case .json:
      return CommandOutput(JSONOutput.encode(points.map(StudyReports.WeakRow.init)))
    case .text:
      return CommandOutput(
        StudyReports.weakText(points, style: request.style, timeZone: request.timeZone))
    }
  }

  /// `rehearse today`: what is due, weak and new, the streak, and the session `mock` would draw
  /// now; `now` is the moment it is asked.
  public static func today(
    _ request: TodayRequest, archive: some SessionArchive, now: Date
  ) throws -> CommandOutput {
    let bank = try request.bank.load()
    var focus: FocusDraw?
    if let name = request.focus {
      guard let home = request.home else {
        throw FocusError.unknownFocus(name, existing: [], suggestions: [])
      }
      focus = FocusDraw(try FocusLibrary(home: home).load(name: name), bank: bank)
    }
    let plan = try TodayPlan.make(
      bank: bank, archive: archive, now: now, timeZone: request.timeZone, focus: focus)
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(plan))
    case .text: return CommandOutput(StudyReports.todayText(plan, style: request.style))
    }
  }

  /// `rehearse reschedule`: every question's schedule replayed from the saved answers' ratings.
  public static func reschedule(archive: some SessionArchive) throws -> CommandOutput {
    let count = try archive.rebuildSchedules()
    return CommandOutput(
      "Rescheduled \(count) question\(count == 1 ? "" : "s") from their saved answers.")
  }
}
