extension Rehearse {
  /// `rehearse debrief promote ID N`, first half: the `bank add` request for question `N` of a
  /// debrief, its fields read from what the debrief recorded.
  ///
  /// The component is guessed from the bank's questions like it (`AskedQuestionDrafter`), the
  /// prompt is the question as asked, the answer given is the starting model answer, and what
  /// to improve becomes a hint; the flags (`request.overrides`) replace any of them. With no
  /// answer recorded the model answer is left to `bankAddAsk`. The caller then drafts, edits and
  /// saves it as `bank add` does, and links it back with `debriefPromoted`.
  ///
  /// - Throws: `DebriefError.unknownDebrief`/`.unknownQuestion` for an id or position the store
  ///   does not hold; `DebriefError.alreadyOwn` when the question already became an own question
  ///   that the bank still holds.
  public static func debriefPromoteRequest(
    _ request: DebriefPromoteRequest, archive: some DebriefArchive
  ) throws -> BankAddRequest {
    let debrief = try archive.debrief(request.debrief)
    guard debrief.questions.indices.contains(request.position - 1) else {
      throw DebriefError.unknownQuestion(debrief: debrief.label, position: request.position)
    }
    let asked = debrief.questions[request.position - 1]
    let bank = try request.bank.load()
    if let own = asked.ownQuestionID, bank.question(id: own) != nil {
      throw DebriefError.alreadyOwn(
        debrief: debrief.label, position: request.position, questionID: own)
    }
    let fields = AskedQuestionDrafter.fields(
      for: asked, company: debrief.company, bank: bank.questions)
    let given = request.overrides
    let answer = given.modelAnswer ?? fields.modelAnswer.trimmedWhitespace
    let question = OwnQuestionDraft(
      component: given.component ?? fields.component,
      prompt: given.prompt ?? fields.prompt,
      modelAnswer: answer.isEmpty ? nil : answer,
      tags: given.tags.isEmpty ? fields.tags : given.tags,
      hints: given.hints.isEmpty
        ? fields.hint.map { ["From your debrief, what to improve: " + $0] } ?? [] : given.hints,
      difficulty: given.difficulty, minutes: given.minutes, id: given.id)
    return BankAddRequest(bank: request.bank, question: question, style: request.style)
  }

  /// `rehearse debrief promote ID N`, second half: records in the debrief that its question
  /// became own question `questionID`, and says how to practise it.
  public static func debriefPromoted(
    _ request: DebriefPromoteRequest, questionID: String, archive: some DebriefArchive
  ) throws -> CommandOutput {
    let debrief = try archive.debrief(request.debrief)
    try archive.linkOwnQuestion(
      debrief: debrief.id, position: request.position, questionID: questionID)
    return CommandOutput(
      request.style.green("Saved") + " question \(request.position) of \(debrief.label) as your "
        + "own question \(questionID).\nPractise it: rehearse mock --question \(questionID)")
  }
}
