import Foundation
import RehearseCore
import RehearseStore
import Testing

/// The `rehearse` binary on a pseudo-terminal: the test types keys and reads the screen output.
final class PseudoTerminalSession: @unchecked Sendable {
  let process = Process()
  private let master: Int32
  private var masterOpen = true
  private let lock = NSLock()
  private var received = Data()
  private var reader: Thread?

  /// Starts the binary with `arguments` on a new pseudo-terminal of 120 columns; `extra` adds
  /// to or replaces variables of its environment.
  init(_ arguments: [String], home: SharedHome, environment extra: [String: String] = [:]) throws {
    let executable = try #require(RehearseProcess.executable, "build the rehearse binary first")
    let (master, name) = try Self.openPseudoTerminal()
    self.master = master
    var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let terminal = try #require(FileHandle(forUpdatingAtPath: name))
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["REHEARSE_BANK"] = nil
    environment["NO_COLOR"] = "1"
    environment["TERM"] = "xterm"
    environment["INPUTRC"] = "/dev/null"
    environment["REHEARSE_HOME"] = home.url.path
    RehearseProcess.isolate(&environment, home: home.url)
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = RehearseProcess.repository
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = terminal
    try process.run()
    try terminal.close()
    let thread = Thread { [weak self] in
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        guard let self else { break }
        self.lock.lock()
        self.received.append(contentsOf: buffer[..<count])
        self.lock.unlock()
      }
    }
    reader = thread
    thread.start()
  }

  /// Opens a pseudo-terminal pair: the master's descriptor and the path of the slave.
  static func openPseudoTerminal() throws -> (Int32, String) {
    #if os(Linux)
      // posix_openpt and friends are not visible from Swift on glibc; these are the ioctls they
      // wrap (TIOCSPTLCK and TIOCGPTN, the same numbers on x86_64 and arm64).
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      try #require(master >= 0, "no pseudo-terminal")
      var unlock: Int32 = 0
      try #require(ioctl(master, 0x4004_5431, &unlock) == 0)
      var number: UInt32 = 0
      try #require(ioctl(master, 0x8004_5430, &number) == 0)
      return (master, "/dev/pts/\(number)")
    #else
      let master = posix_openpt(O_RDWR | O_NOCTTY)
      try #require(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0)
      return (master, String(cString: try #require(ptsname(master))))
    #endif
  }

  deinit {
    if process.isRunning { process.terminate() }
    hangUp()
  }

  /// Closes the terminal as a closed window or a dropped connection does: the program loses its
  /// terminal.
  func hangUp() {
    lock.lock()
    defer { lock.unlock() }
    guard masterOpen else { return }
    masterOpen = false
    close(master)
  }

  /// Everything the program wrote so far.
  var screen: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: received, as: UTF8.self)
  }

  func type(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
  }

  /// Waits until the output contains `text`.
  func waitFor(_ text: String, seconds: Double = 15) -> Bool {
    eventually(within: seconds) { screen.contains(text) }
  }

  /// Whether the terminal is in its normal, line-by-line mode with echo (readline turns both off
  /// while it reads).
  var isInNormalMode: Bool {
    var attributes = termios()
    guard tcgetattr(master, &attributes) == 0 else { return false }
    let flags = tcflag_t(ICANON) | tcflag_t(ECHO)
    return attributes.c_lflag & flags == flags
  }

  /// Waits for the process to end and returns its exit status.
  func exitStatus(seconds: Double = 20) -> Int32? {
    guard eventually(within: seconds, { !process.isRunning }) else {
      process.terminate()
      return nil
    }
    return process.terminationStatus
  }
}

/// A minimal terminal screen: enough of the VT100 controls readline uses (carriage return,
/// newline, backspace, cursor moves, insert and delete characters, erase to end of line) to tell what a person would see.
struct Screen {
  private(set) var rows: [[Character]] = [[]]
  private var row = 0
  private var column = 0
  let width: Int

  init(_ output: String, width: Int = 120) {
    self.width = width
    var characters = Array(output)[...]
    while let character = characters.popFirst() {
      switch character {
      case "\r": column = 0
      case "\n", "\r\n":
        if character == "\r\n" { column = 0 }
        moveDown()
      case "\u{08}": column = max(0, column - 1)
      case "\u{07}", "\u{01}", "\u{02}": break
      case "\u{1B}":
        guard characters.first == "[" else {
          characters = characters.dropFirst()
          continue
        }
        characters = characters.dropFirst()
        var parameter = ""
        while let next = characters.first, next.isNumber || next == ";" || next == "?" {
          parameter.append(next)
          characters = characters.dropFirst()
        }
        guard let command = characters.popFirst() else { break }
        let count = max(1, Int(parameter) ?? 1)
        switch command {
        case "C": column = min(width - 1, column + count)
        case "D": column = max(0, column - count)
        case "A": row = max(0, row - count)
        case "B": for _ in 0..<count { moveDown() }
        case "G": column = max(0, count - 1)
        case "K": if column < rows[row].count { rows[row].removeSubrange(column...) }
        case "@":
          while rows[row].count < column { rows[row].append(" ") }
          rows[row].insert(contentsOf: repeatElement(" ", count: count), at: column)
        case "P":
          if column < rows[row].count {
            rows[row].removeSubrange(column..<min(rows[row].count, column + count))
          }
        default: break
        }
      default:
        if column >= width {
          column = 0
          moveDown()
        }
        while rows[row].count < column { rows[row].append(" ") }
        if column < rows[row].count {
          rows[row][column] = character
        } else {
          rows[row].append(character)
        }
        column += 1
      }
    }
  }

  private mutating func moveDown() {
    row += 1
    if row == rows.count { rows.append([]) }
  }

  /// The visible lines.
  var lines: [String] { rows.map { String($0) } }
}

@Suite("Mock sessions at a terminal", .serialized)
struct TerminalSessionTests {
  static let question = "dbc-sharding-vs-partitioning"

  /// The question's countdown on the visible prompt line, such as `[3:58 · session 3:58] ›`.
  static func countdown(on screen: String) -> Int? {
    guard let line = Screen(screen).lines.last(where: { $0.contains(" · session ") }),
      let start = line.firstIndex(of: "["),
      let clock = line[line.index(after: start)...].split(separator: " ").first
    else { return nil }
    let parts = clock.split(separator: ":").compactMap { Int($0) }
    return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
  }

  /// The last visible prompt line, such as `[3:58 · session 3:58] › typed text`.
  static func promptLine(on screen: String) -> String {
    Screen(screen).lines.last { $0.contains(" · session ") } ?? ""
  }

  @Test("the prompt shows a countdown that decreases while the user thinks")
  func countdown() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(["ask", Self.question], home: home)
    #expect(session.waitFor("session "))
    #expect(Self.countdown(on: session.screen) == 240)
    session.type("typed while the clock runs")
    // The prompt is redrawn as the clock runs, with the typed text still after it.
    let redrawn = eventually(within: 10) {
      (Self.countdown(on: session.screen) ?? 240) <= 238
        && Self.promptLine(on: session.screen).hasSuffix("› typed while the clock runs")
    }
    let line = Self.promptLine(on: session.screen)
    #expect(redrawn, "the countdown moves and the typed text stays: \(line)")
    let later = try #require(Self.countdown(on: session.screen))
    #expect(later >= 230, "the visible countdown is \(later)")
    session.type("\u{15}")
    session.type(":quit\r")
    #expect(session.exitStatus() == 0)
  }

  @Test("when time runs out, the half-typed line is kept, scored and marked timed out")
  func timeoutKeepsPartialText() throws {
    let home = SharedHome()
    defer { home.remove() }
    // Ten seconds: long enough that the typed text is on the line before the time runs out on a
    // loaded machine, which the check of the echo below makes sure of.
    let session = try PseudoTerminalSession(
      ["ask", Self.question, "--minutes", "0.17"], home: home)
    #expect(session.waitFor("session "))
    session.type("Sharding splits data across separate servers")
    #expect(session.waitFor("› Sharding splits data across separate servers"))
    #expect(session.exitStatus() == 0)
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.outcome == .timedOut)
    #expect(answer.text == "Sharding splits data across separate servers")
    #expect(answer.scored.score > 0)
    #expect(session.screen.contains("Time is up"))
  }

  @Test("Ctrl-C saves what was typed as interrupted, prints the summary and exits 130")
  func interrupt() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(["mock", "--count", "2"], home: home)
    #expect(session.waitFor("session "))
    session.type("a first line\r")
    #expect(session.waitFor("…"))
    session.type("and half a seco")
    // Echoed: the line editor holds the half-typed line when Ctrl-C comes.
    #expect(session.waitFor("and half a seco"))
    session.process.interrupt()
    #expect(session.exitStatus() == 130)
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.outcome == .interrupted)
    #expect(answer.text == "a first line\nand half a seco")
    #expect(session.waitFor("summary"))
  }

  @Test("Left-arrow editing inserts in the middle of a line; Tab completes a command")
  func lineEditing() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(["ask", Self.question], home: home)
    #expect(session.waitFor("session "))
    session.type(":hi\t\r")
    #expect(session.waitFor("Hint 1 of"))
    session.type("partitionng splits a table")
    session.type(String(repeating: "\u{1B}[D", count: 17))
    session.type("i")
    let edited = eventually {
      Self.promptLine(on: session.screen).hasSuffix("› partitioning splits a table")
    }
    #expect(edited, "the visible line: \(Self.promptLine(on: session.screen))")
    session.type("\r.\r")
    #expect(session.exitStatus() == 0)
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.text == "partitioning splits a table")
    #expect(answer.hintsUsed == 1)
  }

  @Test("a SQL answer spans lines, keeps an empty one, ends at its ; and is run on the fixture")
  func sqlAnswer() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(
      ["ask", "sql-total-spend-per-player-left-join"], home: home)
    #expect(session.waitFor("session "))
    session.type("SELECT p.player_id, p.username, COUNT(pu.purchase_id),\r")
    session.type("\r")
    session.type("\tCOALESCE(SUM(pu.amount), 0) FROM players p\r")
    session.type("LEFT JOIN purchases pu ON pu.player_id = p.player_id GROUP BY 1;\r")
    #expect(session.waitFor("Checks  4/4 passed"))
    #expect(session.exitStatus() == 0)
    let answer = try #require(home.savedAnswers().first)
    #expect(answer.text.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
    #expect(answer.text.contains("\n    COALESCE"), "Tab indents: \(answer.text)")
    #expect(answer.scored.execution?.outcome == .passed)
    #expect(answer.scored.score == 100)
  }

  @Test("SIGTERM while reading restores the terminal, saves the typed text and exits 143")
  func terminalRestoredOnTerminate() throws {
    let home = SharedHome()
    defer { home.remove() }
    let session = try PseudoTerminalSession(["ask", Self.question], home: home)
    #expect(session.waitFor("session "))
    session.type("typed before the signal")
    #expect(eventually(within: 5) { !session.isInNormalMode }, "readline reads key by key")
    session.process.terminate()
    #expect(session.exitStatus() == 143)
    #expect(session.isInNormalMode)
    #expect(try home.savedAnswers().map(\.text) == ["typed before the signal"])
  }
}
