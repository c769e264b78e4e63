/// The questions `rehearse debrief` asks, one line at a time, at a terminal or from piped input.
///
/// Company, date, round, role and interviewer (those a flag gave are not asked), then question
/// after question until an empty one, each with how it went, what was answered and what to
/// improve, then the conclusions and what was learnt about the company. A free-text field ends at
/// a line holding only `.`; empty lines inside it separate paragraphs, and an empty first line
/// leaves it empty. When the input ends or Ctrl-C stops the form after the company is named, what
/// was entered is kept as an incomplete debrief.
struct DebriefForm {
  /// Why the form stopped before its end.
  enum Stop: Error {
    case ended, interrupted
  }

  /// The debrief as entered so far.
  var debrief: Debrief
  /// Whether the company, date and round were given by flags.
  let prefilled: (company: Bool, day: Bool, round: Bool)

  /// Fills in `debrief` from `input`; throws `Stop` when the input ends or is interrupted, with
  /// `debrief` holding what was entered.
  mutating func fill(
    _ input: inout some FormInput, today: LocalDay, style: TextStyle, show: (String) -> Void
  ) throws(Stop) {
    if !prefilled.company { debrief.company = try Self.line(&input, "Company › ", required: true) }
    if !prefilled.day {
      while true {
        let text = try Self.line(
          &input, "Date (YYYY-MM-DD, empty for \(today.iso)) › ", required: false)
        if text.isEmpty { break }
        if let day = LocalDay(iso: text) {
          debrief.day = day
          break
        }
        show(style.yellow("'\(TerminalText.safe(text))' is not a YYYY-MM-DD day; try again."))
      }
    }
    if !prefilled.round {
      debrief.round = try Self.line(&input, "Round (HR screen, technical 1…) › ", required: true)
    }
    let role = try Self.line(&input, "Role (optional) › ", required: false)
    debrief.role = role.isEmpty ? nil : role
    let interviewer = try Self.line(&input, "Interviewer (optional) › ", required: false)
    debrief.interviewer = interviewer.isEmpty ? nil : interviewer
    show(
      "\n" + style.bold("The questions asked, in order.")
        + " An empty question ends them. Free text ends at a line holding only '.'.")
    while true {
      let number = debrief.questions.count + 1
      let text = try Self.line(&input, "Question \(number) › ", required: false)
      if text.isEmpty { break }
      debrief.questions.append(AskedQuestion(text: text))
      let last = debrief.questions.count - 1
      while true {
        let typed = try Self.line(
          &input, "How did it go? (well, partly, badly; empty to skip) › ", required: false)
        if typed.isEmpty { break }
        if let rating = DebriefRating(typed: typed) {
          debrief.questions[last].rating = rating
          break
        }
        show(style.yellow("Type well, partly or badly."))
      }
      show(style.dim("What you answered (end with a line holding only '.'):"))
      try Self.block(&input, into: &debrief.questions[last].answer)
      show(style.dim("What to improve (end with '.'):"))
      try Self.block(&input, into: &debrief.questions[last].improve)
    }
    show("\n" + style.bold("Conclusions") + style.dim(" (end with '.'):"))
    try Self.block(&input, into: &debrief.conclusions)
    show(
      style.bold("About the company") + style.dim(" — their stack, team, what they asked you to ")
        + style.dim("know (end with '.'):"))
    try Self.block(&input, into: &debrief.companyNotes)
    debrief.complete = true
  }

  /// One line, trimmed and without control characters; a `required` one is asked again while
  /// empty.
  private static func line(_ input: inout some FormInput, _ prompt: String, required: Bool)
    throws(Stop)
    -> String
  {
    while true {
      switch input.read(prompt: prompt) {
      case .line(let text):
        let cleaned = AnswerDraft.removingControlCharacters(text).trimmedWhitespace
        if !cleaned.isEmpty || !required { return cleaned }
      case .end: throw .ended
      case .interrupt: throw .interrupted
      }
    }
  }

  /// Free text up to a line holding only `.`, written into `field` line by line so that a stop
  /// keeps what was typed; an empty first line leaves the field empty.
  private static func block(_ input: inout some FormInput, into field: inout String) throws(Stop) {
    var lines: [String] = []
    defer { field = DebriefFile.trimmedBlock(lines) }
    while true {
      switch input.read(prompt: lines.isEmpty ? "› " : "… ") {
      case .line(let text):
        let cleaned = AnswerDraft.removingControlCharacters(text)
        let trimmed = cleaned.trimmedWhitespace
        if trimmed == "." || (trimmed.isEmpty && lines.isEmpty) { return }
        lines.append(trimmed.isEmpty ? "" : cleaned)
      case .end: throw .ended
      case .interrupt: throw .interrupted
      }
    }
  }
}
