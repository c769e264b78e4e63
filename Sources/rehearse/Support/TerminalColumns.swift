import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How wide a terminal is, as the kernel says (`TIOCGWINSZ`).
enum TerminalColumns {
  /// The columns of the terminal `descriptor` refers to; `nil` when it is no terminal, or one
  /// that does not know its size (0 columns).
  static func of(_ descriptor: Int32) -> Int? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
