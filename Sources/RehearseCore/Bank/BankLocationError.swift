import Foundation

/// Why no bank could be found.
public enum BankLocationError: RehearseError, Equatable {
  /// None of the places searched holds `question-bank/` and `rubrics/`.
  case notFound(searched: [String])
  /// `--bank`, a command's DIR argument or `REHEARSE_BANK` (the `source`) names a folder that is
  /// not a bank.
  case notABank(path: String, source: String)

  public var exitStatus: ExitStatus { .noInput }

  public var description: String {
    switch self {
    case .notFound(let searched):
      return "no question bank found; looked in: \(searched.joined(separator: ", ")). "
        + "Pass --bank DIR or set REHEARSE_BANK."
    case .notABank(let path, let source):
      return "\(source) names \(path), which has no question-bank/ and rubrics/ folders"
    }
  }
}
