import CReadline
import Foundation

/// The process-wide signal flag that line input watches.
public enum InputSignals {
  /// Records SIGINT, SIGTERM, SIGHUP and SIGQUIT instead of dying on them, and unblocks them (a
  /// parent, such as a test runner, may start us with SIGINT blocked).
  ///
  /// With `endingProcessUntilRecording`, a signal instead ends the process at once, with status
  /// 128 + its number (130 for Ctrl-C, 143 for SIGTERM), until `record()` is called: while a
  /// session is being prepared (the bank loading, the store opening) there is nothing to save,
  /// and loading cannot stop to look for a recorded signal.
  public static func install(endingProcessUntilRecording: Bool = false) {
    creadline_install_signal_handlers(endingProcessUntilRecording ? 1 : 0)
  }

  /// From now on a signal is recorded, for the session to act on (`take()`), rather than
  /// ending the process.
  public static func record() {
    creadline_record_signals()
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
