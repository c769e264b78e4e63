import ArgumentParser
import RehearseCore

/// The fields of a new own question given as flags, shared by `bank add` and `debrief promote`:
/// a field given here is not asked for (nor read from the debrief).
struct OwnQuestionOptions: ParsableArguments {
  @Option(help: "The component (see 'rehearse bank stats').", completion: .components)
  var component: String?

  @Option(help: "The question, as the interviewer asks it.")
  var prompt: String?

  @Option(
    help: ArgumentHelp(
      "Read the model answer from this file ('-' for standard input).", valueName: "file"),
    completion: .file())
  var modelAnswerFile: String?

  @Option(name: .customLong("tag"), help: "A tag (repeatable).", completion: .rehearse(.tag))
  var tags: [String] = []

  @Option(help: "1 (warm-up) to 3 (senior); default 2.")
  var difficulty: Int?

  @Option(help: "The answer's time limit, 1 to 30; default 5.")
  var minutes: Int?

  @Option(help: "The question's id (lowercase letters, digits and single hyphens).")
  var id: String?

  @Flag(help: "Save without opening the editor (for scripts).")
  var noEdit = false

  func validate() throws {
    if let component, Component(rawValue: component) == nil {
      throw ValidationError(
        "--component must be one of: "
          + Component.allCases.map(\.rawValue).joined(separator: ", "))
    }
  }

  /// The fields the flags give; the model answer is read later, from `modelAnswerFile`.
  var draft: OwnQuestionDraft {
    OwnQuestionDraft(
      component: component.flatMap(Component.init(rawValue:)), prompt: prompt, tags: tags,
      difficulty: difficulty, minutes: minutes, id: id)
  }
}
