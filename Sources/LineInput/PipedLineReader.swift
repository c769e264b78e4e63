import Foundation

/// Reads lines from a pipe or file on standard input, with a deadline and without a line editor.
///
/// Bytes are decoded as UTF-8, with invalid sequences replaced by U+FFFD. A line longer than
/// `maximumLineBytes` keeps its first `maximumLineBytes` bytes and the rest is dropped, so a huge
/// paste cannot exhaust memory.
public final class PipedLineReader {
  public let maximumLineBytes: Int
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var discardingToNewline = false
  /// The bytes after the last newline in the buffer.
  private var unfinishedLineBytes = 0
  private var atEnd = false

  public init(descriptor: Int32 = STDIN_FILENO, maximumLineBytes: Int = 256 * 1024) {
    self.descriptor = descriptor
    self.maximumLineBytes = maximumLineBytes
  }

  /// Reads one line, giving up after `timeout`.
  public func read(timeout: Duration) -> LineEvent {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(String(decoding: line, as: UTF8.self))
      }
      if let signal = InputSignals.take() {
        return .interrupted(partial: takeBuffer(), signal: signal)
      }
      if atEnd { return .endOfInput(partial: takeBuffer()) }
      if clock.now >= deadline { return .timedOut(partial: takeBuffer()) }
      switch waitForInput(until: min(deadline, clock.now + tick), clock: clock) {
      case .ready, .closed: fill()
      case .idle: break
      }
    }
  }

  private func takeBuffer() -> String {
    defer {
      buffer.removeAll()
      unfinishedLineBytes = 0
    }
    return String(decoding: buffer, as: UTF8.self)
  }

  private func fill() {
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    let count = chunk.withUnsafeMutableBytes {
      Foundation.read(descriptor, $0.baseAddress, $0.count)
    }
    if count < 0 {
      if errno != EINTR && errno != EAGAIN { atEnd = true }
      return
    }
    if count == 0 {
      atEnd = true
      return
    }
    for byte in chunk[..<count] {
      if byte == UInt8(ascii: "\n") {
        buffer.append(byte)
        discardingToNewline = false
        unfinishedLineBytes = 0
      } else if !discardingToNewline {
        if unfinishedLineBytes >= maximumLineBytes {
          discardingToNewline = true
        } else {
          buffer.append(byte)
          unfinishedLineBytes += 1
        }
      }
    }
  }
}
