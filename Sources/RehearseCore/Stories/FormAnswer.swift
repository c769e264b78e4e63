/// One line the story form asks for.
public enum FormAnswer: Sendable, Equatable {
  case line(String)
  /// Ctrl-D or the end of piped input.
  case end
  /// Ctrl-C or a termination signal: stop without saving.
  case interrupt
}
