import CReadline
import Foundation

/// The process-wide signal flag that line input watches.
public enum InputSignals {
  /// Records SIGINT, SIGTERM and SIGHUP instead of dying on them, and unblocks them (a parent,
  /// such as a test runner, may start us with SIGINT blocked).
  public static func install() {
    creadline_install_signal_handlers()
  }

  /// The signal received and not yet handled, if any.
  public static var pending: Int32? {
    let signal = creadline_pending_signal()
    return signal == 0 ? nil : signal
  }

  /// The signal received, if any; forgets it.
  public static func take() -> Int32? {
    let signal = creadline_take_signal()
    return signal == 0 ? nil : signal
  }
}
