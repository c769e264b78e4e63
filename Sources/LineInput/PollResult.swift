/// What a wait on standard input found: a line to read, nothing yet, or the input closed.
enum PollResult: Equatable {
  case ready, idle, closed
}
