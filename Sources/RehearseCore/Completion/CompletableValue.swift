/// The kinds of value a shell completes from the user's data when Tab is pressed on an argument
/// or option of `rehearse` (`Rehearse.completionCandidates`).
public enum CompletableValue: String, CaseIterable, Sendable {
  /// Every question id of the bank, the shipped (or `--bank`) one and the user's own.
  case question
  /// The ids of the user's own questions only (`bank export --question`).
  case ownQuestion
  /// The ids of the `bank add` drafts waiting in the own bank (`bank add --resume`).
  case draft
  /// Every tag of the bank's questions.
  case tag
  /// The tags of the user's own questions only (`bank export --tag`).
  case ownTag
  /// The slugs of the stories in `REHEARSE_HOME/stories/`.
  case story
  /// The names of the focuses saved by `recon --save`.
  case focus
  /// `last`, then the session ids, newest first (`review`).
  case session
  /// `last`, the session ids newest first, then the debrief ids (`d3`) newest first (`export`).
  case transcript
  /// `last`, then the debrief ids (`d3`), newest interview first (`debrief show`, `promote`).
  case debrief
  /// The debrief ids (`d3`), newest interview first, without `last` (`debrief rm`).
  case debriefID
  /// The numbers (`1`, `2`, …) of the questions of the debrief named before
  /// (`CompletionRequest.debrief`): `debrief promote D N`.
  case debriefQuestion
}
