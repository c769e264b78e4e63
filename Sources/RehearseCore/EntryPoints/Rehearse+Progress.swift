import Foundation

extension Rehearse {
  /// `rehearse progress`: per component the trend of scores, the bands, the days practised,
  /// the questions seen of the bank and the talking points cleared; overall the days practised,
  /// the streaks, the answers and the mean score. Counted by the archive, not read answer by
  /// answer.
  public static func progress(_ request: ProgressRequest, archive: some SessionArchive) throws
    -> CommandOutput
  {
    // A focus that cannot be read fails the command before anything is counted.
    var focus: Focus?
    if let name = request.focus {
      guard let home = request.home else {
        throw FocusError.unknownFocus(name, existing: [], suggestions: [])
      }
      focus = try FocusLibrary(home: home).load(name: name)
    }
    let log = try archive.practiceLog(request.filter, timeZone: request.timeZone)
    // A bank that does not load costs the report the bank's totals, not the report itself.
    var bank: Bank?
    var notes: [String] = []
    if let source = request.bank {
      do {
        bank = try source.load()
      } catch {
        notes.append(
          "rehearse: note: the bank did not load, so the questions seen of it are not shown "
            + "('rehearse bank lint' names the problem)")
      }
    }
    var report = ProgressReports.build(
      log, bank: bank, filter: request.filter, today: request.today, timeZone: request.timeZone)
    report.focus = focus.map { FocusProgress.build($0, bank: bank, log: log) }
    let output: String
    switch request.format {
    case .text:
      output =
        ProgressReports.text(report, style: request.style)
        + (report.focus.map { "\n\n" + ReconReports.progressText($0, style: request.style) }
          ?? "")
    case .html: output = ProgressHTML.render(report)
    case .json: output = JSONOutput.encode(report)
    }
    return CommandOutput(output, standardError: notes)
  }
}
