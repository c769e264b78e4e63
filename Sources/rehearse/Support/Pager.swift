import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Long output shown through the user's pager, as `git` does: `$PAGER`, else `less -FRX`, only
/// when standard output is a terminal.
enum Pager {
  /// How a pager is started.
  enum Command: Equatable {
    /// A program and its arguments, found on `PATH`: the default `less -FRX`.
    case program([String])
    /// A command line for `/bin/sh -c`: `$PAGER`, which may hold arguments, quotes or pipes.
    case shell(String)
  }

  /// The pager when nothing names one: `less` that quits when the text fits one screen (`-F`),
  /// shows colours (`-R`) and leaves the text on the screen when it quits (`-X`).
  static let defaultCommand = Command.program(["less", "-FRX"])

  /// The pager to show output through, or `nil` to print it directly: never with `--no-pager`
  /// or when standard output is no terminal; `PAGER` when set, where empty or `cat` means none;
  /// `less -FRX` when `PAGER` is unset.
  static func command(noPager: Bool, isTerminal: Bool, environment: [String: String])
    -> Command?
  {
    guard !noPager, isTerminal else { return nil }
    guard let pager = environment["PAGER"] else { return defaultCommand }
    let trimmed = pager.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed == "cat" ? nil : .shell(trimmed)
  }

  /// How showing text through a pager went.
  enum Outcome: Equatable {
    /// The pager ran and exited, whether it read all of the text or was quit early.
    case shown
    /// The pager could not be started (no such program, the shell could not find or run it);
    /// nothing reached the screen through it, so the text should be printed directly.
    case notStarted
  }

  /// The exit statuses a shell gives a command it could not find (127) or run (126).
  static let shellNotStarted: Set<Int32> = [126, 127]

  /// Shows `text` through `command` and waits for the pager to exit.
  ///
  /// SIGPIPE is ignored while writing, so a pager quit before it read everything (the user
  /// pressed `q`) ends the writing at EPIPE instead of killing the program; SIGINT and SIGQUIT
  /// are ignored until the pager exits, so Ctrl-C in the pager does not leave it running on a
  /// terminal the shell has taken back. The pager itself gets every signal's default action.
  static func show(_ text: String, through command: Command, environment: [String: String])
    -> Outcome
  {
    let ignored = [SIGPIPE, SIGINT, SIGQUIT]
    let previous = ignored.map { signal($0, SIG_IGN) }
    defer { for (number, handler) in zip(ignored, previous) { signal(number, handler) } }

    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return .notStarted }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    guard
      let pid = spawn(
        command, input: readEnd, closing: writeEnd, ignored: ignored,
        environment: pagerEnvironment(environment))
    else {
      close(readEnd)
      close(writeEnd)
      return .notStarted
    }
    close(readEnd)
    writeAll(Array(text.utf8), to: writeEnd)
    close(writeEnd)
    let status = waitForExit(pid)
    if case .shell = command, let status, shellNotStarted.contains(status) { return .notStarted }
    return status == 127 ? .notStarted : .shown
  }

  /// The pager's environment: ours, with `LESS=FRX` when `LESS` is unset, so that a `PAGER=less`
  /// shows colours and quits on one screen as the default does.
  static func pagerEnvironment(_ environment: [String: String]) -> [String: String] {
    var environment = environment
    if environment["LESS"] == nil { environment["LESS"] = "FRX" }
    return environment
  }

  /// Starts `command` reading `input` as its standard input, with the default action for each of
  /// the `ignored` signals; `nil` when it cannot be started.
  private static func spawn(
    _ command: Command, input: Int32, closing other: Int32, ignored: [Int32],
    environment: [String: String]
  ) -> pid_t? {
    let arguments: [String] =
      switch command {
      case .program(let arguments): arguments
      case .shell(let line): ["/bin/sh", "-c", line]
      }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, input)
    posix_spawn_file_actions_addclose(&actions, other)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in ignored { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    return result == 0 ? pid : nil
  }

  /// Writes `bytes` to `descriptor` until done or the reader is gone (EPIPE, or any other
  /// failure: the pager's screen is no file whose loss needs reporting).
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      written += count
    }
  }

  /// Waits for `pid` to end: its exit status, or `nil` when a signal ended it.
  private static func waitForExit(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED and WEXITSTATUS, which Swift cannot import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }
}
