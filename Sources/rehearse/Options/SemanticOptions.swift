import ArgumentParser
import RehearseCore

/// The switch for the semantic signal, for every command that scores answers.
struct SemanticOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-semantic"),
    help: ArgumentHelp(
      "Score by the rubric alone, without reading the answer's meaning with the sentence model "
        + "(default: the config file's semantic, else on)."))
  var noSemantic = false

  /// Whether answers are read by meaning: not with `--no-semantic`, else as the config says.
  var enabled: Bool {
    UserConfigFile.current.readsMeaning(off: noSemantic)
  }
}
