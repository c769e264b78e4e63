import Foundation

extension Rehearse {
  /// `rehearse debrief`: asks for a debrief (`DebriefForm`) and saves it.
  ///
  /// `today` dates a debrief the user gives no date. When the input ends, or Ctrl-C stops the
  /// form, after the company is named, what was entered is saved marked incomplete (exit 0 at
  /// the end of input, 130 after Ctrl-C), and the message says so; before it, nothing is saved.
  public static func debriefAdd(
    _ request: DebriefRequest, input: inout some FormInput, today: LocalDay,
    archive: some DebriefArchive, show: (String) -> Void
  ) throws -> CommandOutput {
    let style = request.style
    var form = DebriefForm(
      debrief: Debrief(
        company: request.company ?? "", day: request.day ?? today, round: request.round ?? "",
        complete: false),
      prefilled: (request.company != nil, request.day != nil, request.round != nil))
    show(
      style.bold("New debrief.")
        + " Ctrl-C or the end of the input keeps what you entered, marked incomplete.")
    var stop: DebriefForm.Stop?
    do {
      try form.fill(&input, today: today, style: style, show: show)
    } catch {
      stop = error
    }
    let debrief = form.debrief
    guard !debrief.company.isEmpty else {
      throw stop == .interrupted ? DebriefError.cancelled : DebriefError.inputEnded
    }
    let saved = try saveDebrief(debrief, archive: archive)
    guard let stop else {
      return CommandOutput(
        style.green("Saved") + " \(saved.label): " + summaryLine(saved)
          + ". See it with 'rehearse debrief show \(saved.label)'.")
    }
    let why = stop == .interrupted ? "stopped" : "the input ended"
    return CommandOutput(
      style.yellow("Saved") + " \(saved.label), marked incomplete (\(why)): "
        + summaryLine(saved) + ".",
      status: stop == .interrupted ? .interrupted : .success)
  }

  /// `rehearse debrief add --from FILE`: reads a Markdown debrief and saves it.
  public static func debriefAdd(
    _ request: DebriefRequest, from path: String, today: LocalDay, archive: some DebriefArchive
  ) throws -> CommandOutput {
    var debrief = try DebriefFile.read(path: path, today: today)
    if let company = request.company { debrief.company = company }
    if let day = request.day { debrief.day = day }
    if let round = request.round { debrief.round = round }
    let saved = try saveDebrief(debrief, archive: archive)
    return CommandOutput(
      request.style.green("Saved") + " \(saved.label): " + summaryLine(saved) + ".")
  }

  /// Saves `debrief` when it is within `Debrief.maximumBytes`, and returns it with its id.
  private static func saveDebrief(_ debrief: Debrief, archive: some DebriefArchive) throws
    -> Debrief
  {
    guard debrief.textBytes <= Debrief.maximumBytes else {
      throw DebriefError.tooLong(bytes: debrief.textBytes)
    }
    var saved = debrief
    saved.id = try archive.saveDebrief(debrief)
    return saved
  }

  /// `NetEase · technical 1 · 2026-11-20 · 3 questions`, terminal-safe.
  private static func summaryLine(_ debrief: Debrief) -> String {
    let count = debrief.questions.count
    return [
      TerminalText.safe(debrief.company), TerminalText.safe(debrief.round), debrief.day.iso,
      "\(count) question\(count == 1 ? "" : "s")",
    ].joined(separator: " · ")
  }

  /// `rehearse debrief list`: every debrief, newest interview first.
  public static func debriefList(_ request: DebriefRequest, archive: some DebriefArchive) throws
    -> CommandOutput
  {
    let debriefs = try archive.debriefs()
    switch request.format {
    case .json: return CommandOutput(JSONOutput.encode(debriefs.map(DebriefReports.row)))
    default: return CommandOutput(DebriefReports.listText(debriefs, style: request.style))
    }
  }

  /// `rehearse debrief show ID` and `rehearse export dN`: one debrief in the requested form.
  public static func debriefShow(_ request: DebriefRequest, archive: some DebriefArchive) throws
    -> CommandOutput
  {
    let debrief = try archive.debrief(request.id ?? "last")
    switch request.format {
    case .text: return CommandOutput(DebriefReports.showText(debrief, style: request.style))
    case .json: return CommandOutput(JSONOutput.encode(DebriefReports.shown(debrief)))
    case .markdown: return CommandOutput(DebriefReports.markdown(debrief))
    case .html: return CommandOutput(DebriefHTML.render(debrief))
    }
  }

  /// `rehearse debrief rm ID`: deletes a debrief and its questions once `confirm` agrees.
  public static func debriefRemove(
    _ request: DebriefRequest, archive: some DebriefArchive, confirm: (Debrief) -> Bool
  ) throws -> CommandOutput {
    let debrief = try archive.debrief(request.id ?? "")
    guard confirm(debrief) else { return CommandOutput("Kept \(debrief.label): nothing removed.") }
    try archive.removeDebrief(debrief.id)
    return CommandOutput(
      "Removed \(debrief.label) (\(TerminalText.safe(debrief.company)), "
        + "\(TerminalText.safe(debrief.round)), \(debrief.day.iso)).")
  }

  /// `rehearse export`: a debrief when the id is one (`d3`), else a session's transcript
  /// (`review`).
  public static func export(
    _ request: TranscriptRequest, archive: some SessionArchive, debriefs: some DebriefArchive
  ) throws -> CommandOutput {
    guard Debrief.number(in: request.session, bareNumber: false) != nil else {
      return try review(request, archive: archive)
    }
    return try debriefShow(
      DebriefRequest(id: request.session, format: request.format, style: request.style),
      archive: debriefs)
  }

  /// The fields a new own question would start from, read from question `position` (from 1)
  /// of debrief `id`; the component is guessed from `bank`'s questions.
  public static func askedQuestionFields(
    debrief id: String, position: Int, archive: some DebriefArchive, bank: Bank
  ) throws -> NewQuestionFields {
    let debrief = try archive.debrief(id)
    guard debrief.questions.indices.contains(position - 1) else {
      throw DebriefError.unknownQuestion(debrief: debrief.label, position: position)
    }
    return AskedQuestionDrafter.fields(
      for: debrief.questions[position - 1], company: debrief.company, bank: bank.questions)
  }
}
