import CSandbox
import Foundation

/// One program started in a `PythonSandbox`: its process group, the parent's ends of its four
/// descriptors, and the wait for its end.
struct SandboxedProcess {
  /// The process, leader of its own session and group (its pid is the group's id).
  let pid: pid_t
  /// Readable when the process ends (a pidfd), or -1 where the system has none.
  let exitFD: Int32
  /// The parent's ends: the child's standard input, its result descriptor, its standard error.
  let inputFD: Int32
  let outputFD: Int32
  let errorsFD: Int32
  let isolation: PythonSandbox.Isolation

  /// How much of standard error is kept: its end, for the message of a run that failed.
  static let errorsKept = 16_384

  /// Starts `program` as `sandbox` describes, in `folder`.
  static func start(
    sandbox: PythonSandbox, program: String, arguments: [String], environment: [String],
    folder: String, keeps: [String]
  ) throws -> SandboxedProcess {
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
    defer { if null >= 0 { close(null) } }
    guard null >= 0, csandbox_socketpair(&input) == 0 else {
      throw PythonSandbox.SetupError.cannotStart(step: "make pipes", reason: Self.reason(errno))
    }
    guard csandbox_pipe(&output) == 0, csandbox_pipe(&errors) == 0 else {
      let reason = Self.reason(errno)
      for fd in input + output + errors where fd >= 0 { close(fd) }
      throw PythonSandbox.SetupError.cannotStart(step: "make pipes", reason: reason)
    }
    var result = csandbox_result()
    let started = CStrings(arguments).withPointers { argumentList in
      CStrings(environment).withPointers { environmentList in
        CStrings(sandbox.covers).withPointers { coverList in
          CStrings(keeps).withPointers { keepList in
            program.withCString { programPath in
              folder.withCString { folderPath in
                var spec = csandbox_spec()
                spec.program = programPath
                spec.arguments = argumentList
                spec.environment = environmentList
                spec.work = folderPath
                spec.work_bytes = UInt(sandbox.workBytes)
                spec.covers = UnsafePointer(OpaquePointer(coverList))
                spec.cover_count = Int32(sandbox.covers.count)
                spec.keeps = UnsafePointer(OpaquePointer(keepList))
                spec.keep_count = Int32(keeps.count)
                spec.fds = (input[1], null, errors[1], output[1])
                spec.uid = sandbox.user
                spec.gid = sandbox.group
                return csandbox_spawn(&spec, &result) == 0
              }
            }
          }
        }
      }
    }
    close(input[1])
    close(output[1])
    close(errors[1])
    guard started else {
      close(input[0])
      close(output[0])
      close(errors[0])
      let isolation = PythonSandbox.Isolation(rawValue: result.isolation)
      if result.failed_step == Int32(CSANDBOX_STEP_EXEC) && isolation.contains(.droppedUser)
        && (result.error == EACCES || result.error == ENOENT)
      {
        throw PythonSandbox.SetupError.programOutOfReach(
          program: program, reason: Self.reason(result.error))
      }
      throw PythonSandbox.SetupError.cannotStart(
        step: Self.stepName(result.failed_step), reason: Self.reason(result.error))
    }
    for fd in [output[0], errors[0]] {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    return SandboxedProcess(
      pid: result.pid, exitFD: result.exit_fd, inputFD: input[0], outputFD: output[0],
      errorsFD: errors[0], isolation: PythonSandbox.Isolation(rawValue: result.isolation))
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  private static func stepName(_ step: Int32) -> String {
    switch Int(step) {
    case Int(CSANDBOX_STEP_SESSION): "start a session"
    case Int(CSANDBOX_STEP_MOUNTS): "set up its namespaces and mounts"
    case Int(CSANDBOX_STEP_USER): "change to an unprivileged user"
    case Int(CSANDBOX_STEP_LIMITS): "set its limits"
    case Int(CSANDBOX_STEP_FOLDER): "enter the run folder"
    case Int(CSANDBOX_STEP_DESCRIPTORS): "set up the descriptors"
    case Int(CSANDBOX_STEP_EXEC): "start the program"
    default: "start a process"
    }
  }

  /// Feeds `input`, reads the output and standard error as they come, and waits for the end or
  /// `seconds`; then kills the whole group (whatever it left running), reaps the process and
  /// closes every descriptor.
  func collect(input: Data, seconds: Double, outputLimit: Int) -> PythonSandbox.Run {
    var output = Data()
    var overflowed = false
    var errors = Data()
    var pendingInput = input
    var inputOpen = true
    var outputOpen = true
    var errorsOpen = true
    var timedOut = false
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    if pendingInput.isEmpty {
      close(inputFD)
      inputOpen = false
    }
    // At most `chunks` reads, so a flood of output cannot hold the loop past the deadline.
    func readAvailable(
      _ fd: Int32, into buffer: inout Data, limit: Int, open: inout Bool, chunks: Int = 16
    ) {
      var chunk = [UInt8](repeating: 0, count: 65_536)
      var reads = 0
      while open && reads < chunks {
        reads += 1
        let count = read(fd, &chunk, chunk.count)
        if count > 0 {
          let room = max(0, limit - buffer.count)
          buffer.append(contentsOf: chunk[0..<min(count, room)])
          if count > room && fd == outputFD { overflowed = true }
          if fd == errorsFD && buffer.count > Self.errorsKept {
            buffer = Data(buffer.suffix(Self.errorsKept / 2))
          }
        } else if count < 0 && errno == EINTR {
          continue
        } else if count < 0 && errno == EAGAIN {
          return
        } else {
          close(fd)
          open = false
        }
      }
    }
    while true {
      let now = DispatchTime.now().uptimeNanoseconds
      if now >= deadline {
        timedOut = true
        break
      }
      var watched: [pollfd] = []
      if exitFD >= 0 { watched.append(pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0)) }
      if outputOpen { watched.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
      if errorsOpen { watched.append(pollfd(fd: errorsFD, events: Int16(POLLIN), revents: 0)) }
      if inputOpen { watched.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
      let remaining = Int32(min((deadline - now) / 1_000_000 + 1, 60_000))
      // Without a pidfd, the end is looked for every 10 ms.
      let ready = poll(
        &watched, nfds_t(watched.count), exitFD >= 0 ? remaining : min(remaining, 10))
      if ready < 0 && errno != EINTR { break }
      var ended = false
      for entry in watched where entry.revents != 0 {
        switch entry.fd {
        case exitFD: ended = true
        case outputFD:
          readAvailable(outputFD, into: &output, limit: outputLimit, open: &outputOpen)
        case errorsFD:
          readAvailable(errorsFD, into: &errors, limit: Int.max, open: &errorsOpen)
        default:
          let sent = pendingInput.withUnsafeBytes {
            csandbox_send(inputFD, $0.baseAddress, UInt($0.count))
          }
          if sent > 0 { pendingInput.removeFirst(sent) }
          if pendingInput.isEmpty || (sent < 0 && errno != EAGAIN && errno != EINTR) {
            close(inputFD)
            inputOpen = false
          }
        }
      }
      if ended || (exitFD < 0 && csandbox_has_ended(pid) != 0) { break }
    }
    // The whole group, before the leader is reaped: its id cannot have been reused.
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    readAvailable(outputFD, into: &output, limit: outputLimit, open: &outputOpen, chunks: .max)
    readAvailable(errorsFD, into: &errors, limit: Int.max, open: &errorsOpen, chunks: .max)
    for (fd, open) in [(inputFD, inputOpen), (outputFD, outputOpen), (errorsFD, errorsOpen)]
    where open {
      close(fd)
    }
    if exitFD >= 0 { close(exitFD) }
    let signal = status & 0x7f
    return PythonSandbox.Run(
      output: output, outputOverflowed: overflowed,
      errors: String(decoding: errors.suffix(Self.errorsKept), as: UTF8.self),
      signal: signal, status: signal == 0 ? (status >> 8) & 0xff : 0, timedOut: timedOut,
      isolation: isolation)
  }
}

/// C strings for the length of a call: an array of `strdup` copies ending in a null pointer.
private struct CStrings {
  let strings: [String]

  init(_ strings: [String]) {
    self.strings = strings
  }

  func withPointers<Result>(
    _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
  ) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
  }
}
