/// Which questions a study-ordered draw takes (`mock --due`, `--weak`, `--new`).
public enum DrawSource: String, Sendable, CaseIterable, Codable {
  /// Questions whose schedule says they are due.
  case due
  /// Questions asking talking points still missed.
  case weak
  /// Questions never answered.
  case new

  /// The standing a question must have to be drawn from this source.
  var standing: StudyState.Standing {
    switch self {
    case .due: .due
    case .weak: .weak
    case .new: .new
    }
  }
}
