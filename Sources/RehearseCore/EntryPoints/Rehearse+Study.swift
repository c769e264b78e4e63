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
}
