import Foundation
import LineInput
import RehearseCore

/// The lines of a form (`story add`, `bank add`, `debrief`): readline at a terminal (Tab
/// completes `completions`: competencies for a story, ratings for a debrief), else plain lines
/// from standard input.
struct EdgeFormInput: FormInput {
  private let reader: TerminalLineReader?
  private let piped = PipedLineReader()
  private let style: TextStyle

  init(
    atTerminal: Bool, style: TextStyle,
    completions: [String] = Competency.allCases.map(\.rawValue)
  ) {
    self.style = style.forPrompt
    reader =
      atTerminal
      ? TerminalLineReader(
        applicationName: "rehearse", completions: completions,
        historyFile: nil)
      : nil
  }

  mutating func read(prompt: String) -> FormAnswer {
    let event: LineEvent
    if let reader {
      let styled = style.cyan(prompt)
      event = reader.read(prompt: { _ in styled }, timeout: .seconds(7 * 24 * 3600))
    } else {
      CommandRunner.printError(prompt)
      event = piped.read(timeout: .seconds(7 * 24 * 3600))
    }
    switch event {
    case .line(let line): return .line(line)
    case .endOfInput(let partial): return partial.isEmpty ? .end : .line(partial)
    case .timedOut: return .end
    case .interrupted: return .interrupt
    }
  }
}
