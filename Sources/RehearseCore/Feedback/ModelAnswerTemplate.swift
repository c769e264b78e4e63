/// A model answer that tells a story, read as an example of its shape rather than the candidate's
/// life: the note that says so, and its quantities as placeholders for the candidate's own.
///
/// A behavioural question's model answer is someone's story, with someone's numbers. Feedback
/// shows it with `note` where it starts and each quantity the story checks recognise
/// (`Quantity`: "40%", "about two days", "3x", "$40k") marked, so that a candidate retells the
/// order and replaces the numbers rather than learning them.
public enum ModelAnswerTemplate {
  /// A quantity of a model answer, to be replaced by the candidate's own.
  public struct Placeholder: Sendable, Equatable, Codable {
    /// The quantity as written: "two days", "40%", "80+ sensors".
    public var text: String
    /// Where it starts in the model answer, in Unicode scalars (code points) from its start.
    public var start: Int
    /// Where it ends (exclusive), in Unicode scalars: `model_answer[start:end]` in Python.
    public var end: Int

    public init(text: String, start: Int, end: Int) {
      self.text = text
      self.start = start
      self.end = end
    }
  }

  /// A run of a model answer as shown: plain text, or a placeholder.
  public struct Segment: Sendable, Equatable {
    public var text: String
    public var isPlaceholder: Bool
  }

  /// The sentence shown once where such a model answer starts.
  public static let note =
    "An example of the shape, not your story: tell yours in the same order (situation, task, "
    + "action, result) with your own numbers."

  /// Whether `question`'s model answer is a story to be read as a template: a behavioural
  /// question's, which is told as a STAR story in the first person.
  public static func applies(to question: Question) -> Bool {
    question.kind == .behavioural && !question.modelAnswer.isEmpty
  }

  /// The quantities of `modelAnswer`, in order, as `Quantity` finds them in a story's result.
  public static func placeholders(in modelAnswer: String) -> [Placeholder] {
    let text = TokenizedText(modelAnswer)
    let scalars = text.text.unicodeScalars
    var found: [Placeholder] = []
    for quantity in Quantity.all(in: text, at: text.tokens.indices) {
      guard let span = text.span(of: quantity.words) else { continue }
      let start = scalars.distance(from: scalars.startIndex, to: span.lowerBound)
      // Two quantities never share words, but a unit word may itself be read as the next
      // quantity ("2 thousand"): the first keeps it.
      if let last = found.last, start < last.end { continue }
      found.append(
        Placeholder(
          text: String(text.text[span]), start: start,
          end: scalars.distance(from: scalars.startIndex, to: span.upperBound)))
    }
    return found
  }

  /// `text` cut into plain runs and the runs `placeholders` mark, in order; a placeholder that
  /// does not lie within `text` is left plain.
  public static func segments(_ text: String, placeholders: [Placeholder]) -> [Segment] {
    let scalars = Array(text.unicodeScalars)
    var segments: [Segment] = []
    var position = 0
    func add(_ range: Range<Int>, placeholder: Bool) {
      guard !range.isEmpty else { return }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[range])
      segments.append(Segment(text: String(view), isPlaceholder: placeholder))
    }
    for placeholder in placeholders
    where placeholder.start >= position && placeholder.start < placeholder.end
      && placeholder.end <= scalars.count
    {
      add(position..<placeholder.start, placeholder: false)
      add(placeholder.start..<placeholder.end, placeholder: true)
      position = placeholder.end
    }
    add(position..<scalars.count, placeholder: false)
    return segments
  }

  /// `text` with each placeholder replaced by `mark` of it and each plain run by `plain` of it.
  public static func marked(
    _ text: String, placeholders: [Placeholder], plain: (String) -> String,
    mark: (String) -> String
  ) -> String {
    segments(text, placeholders: placeholders).map {
      $0.isPlaceholder ? mark($0.text) : plain($0.text)
    }.joined()
  }
}
