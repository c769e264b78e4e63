import Foundation
import LineInput
import RehearseCore

extension SessionMachine.Event {
  /// The session event for what the line input reported.
  init(_ outcome: LineEvent) {
    switch outcome {
    case .line(let line): self = .line(line)
    case .endOfInput(let partial): self = .endOfInput(partial: partial)
    case .timedOut(let partial): self = .timeout(partial: partial)
    case .interrupted(let partial, _): self = .interrupt(partial: partial)
    }
  }
}
