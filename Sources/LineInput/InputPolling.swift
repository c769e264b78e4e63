import CReadline
import Foundation

/// How often a waiting read wakes up to redraw the countdown and look for signals.
let tick = Duration.milliseconds(200)

/// Waits until standard input is readable or `until` passes (a signal also ends the wait).
func waitForInput(until: ContinuousClock.Instant, clock: ContinuousClock) -> PollResult {
  let left = until - clock.now
  let milliseconds = left <= .zero ? 0 : Int32(min(1000, (left / .milliseconds(1)).rounded(.up)))
  return pollInput(timeoutMilliseconds: milliseconds)
}

func pollInput(timeoutMilliseconds: Int32) -> PollResult {
  var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
  let result = poll(&descriptor, 1, timeoutMilliseconds)
  if result <= 0 { return .idle }  // timeout, or EINTR from a signal
  if descriptor.revents & Int16(POLLIN) != 0 { return .ready }
  if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
  return .idle
}
