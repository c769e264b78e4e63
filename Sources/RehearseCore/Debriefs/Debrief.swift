/// A real interview, recorded afterwards: who, when, which round, each question asked with how
/// it went and what to improve, the conclusions, and what was learnt about the company.
///
/// The shape of the seed's "Notes after interview" and "Conclusions". Its id is shown `d3`
/// (`label`) so that it never reads as a session number.
public struct Debrief: Codable, Equatable, Sendable {
  /// The store's number for it; 0 until it is saved.
  public var id: Int64
  public var company: String
  /// The calendar day of the interview.
  public var day: LocalDay
  /// Which round: free text such as `HR screen` or `technical 1`.
  public var round: String
  public var role: String?
  public var interviewer: String?
  /// The questions asked, in the order they were asked.
  public var questions: [AskedQuestion]
  /// What to take from the interview: free text, often a numbered list.
  public var conclusions: String
  /// What was learnt about the company (its stack, its team), often from "Any questions?".
  public var companyNotes: String
  /// Whether the debrief was entered to its end; `false` when the form was stopped (Ctrl-C, or
  /// the input ended) and what had been typed was kept.
  public var complete: Bool

  public init(
    id: Int64 = 0, company: String, day: LocalDay, round: String, role: String? = nil,
    interviewer: String? = nil, questions: [AskedQuestion] = [], conclusions: String = "",
    companyNotes: String = "", complete: Bool = true
  ) {
    self.id = id
    self.company = company
    self.day = day
    self.round = round
    self.role = role
    self.interviewer = interviewer
    self.questions = questions
    self.conclusions = conclusions
    self.companyNotes = companyNotes
    self.complete = complete
  }

  /// The id as shown and accepted: `d3`.
  public var label: String { Self.label(id) }

  /// `d` and the number.
  public static func label(_ id: Int64) -> String { "d\(id)" }

  /// The debrief number in `text`: `d3` (or `D3`), and a bare `3` when `bareNumber` allows it
  /// (in `debrief` commands, where no session id is meant); `nil` for anything else.
  public static func number(in text: String, bareNumber: Bool) -> Int64? {
    var digits = Substring(text)
    if let first = digits.first, first == "d" || first == "D" {
      digits = digits.dropFirst()
    } else if !bareNumber {
      return nil
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let number = Int64(digits), number > 0
    else { return nil }
    return number
  }

  /// How many questions went each way: `well 1, partly 1, badly 1`, leaving out the ratings no
  /// question has; `-` when no question is rated.
  public var ratingCounts: String {
    let counts = DebriefRating.allCases.compactMap { rating -> String? in
      let count = questions.filter { $0.rating == rating }.count
      return count == 0 ? nil : "\(rating.rawValue) \(count)"
    }
    return counts.isEmpty ? "-" : counts.joined(separator: ", ")
  }

  /// The most a debrief may hold, all its text together: far more than any interview's notes,
  /// and small enough that a paste of a whole file by mistake is refused.
  public static let maximumBytes = 512 * 1024

  /// The bytes of all its text.
  var textBytes: Int {
    ([company, round, role ?? "", interviewer ?? "", conclusions, companyNotes]
      + questions.flatMap { [$0.text, $0.answer, $0.improve] }).reduce(0) { $0 + $1.utf8.count }
  }
}
