/// One question a real interview asked, as the candidate recorded it after the interview.
public struct AskedQuestion: Codable, Equatable, Sendable {
  /// The question, as the interviewer put it (as well as the candidate remembers).
  public var text: String
  /// How it went; `nil` when the candidate did not say.
  public var rating: DebriefRating?
  /// What the candidate answered: free text, possibly several paragraphs.
  public var answer: String
  /// What to do better next time.
  public var improve: String
  /// The own question made from this one, once it has been turned into one.
  public var ownQuestionID: String?

  public init(
    text: String, rating: DebriefRating? = nil, answer: String = "", improve: String = "",
    ownQuestionID: String? = nil
  ) {
    self.text = text
    self.rating = rating
    self.answer = answer
    self.improve = improve
    self.ownQuestionID = ownQuestionID
  }
}
